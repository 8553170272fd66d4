"""CyTOF cell classification with an MLP, 5-fold cross-validation over torch Subsets."""
import numpy as np
import torch
from sklearn.model_selection import KFold
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

X = torch.tensor(np.load("cytof_markers.npy"), dtype=torch.float32)
y = torch.tensor(np.load("cytof_labels.npy"), dtype=torch.long)
X = (X - X.mean(dim=0)) / X.std(dim=0)  # expect: DLR109
dataset = TensorDataset(X, y)


class MLP(nn.Module):
    def __init__(self, n_in, n_out=10):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, 128), nn.ReLU(), nn.Linear(128, n_out))

    def forward(self, x):
        return self.net(x)


def fit(model, loader, epochs=10):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
    return model


@torch.no_grad()
def accuracy(model, loader):
    hits = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in loader)
    return hits / len(loader.dataset)


kf = KFold(n_splits=5, shuffle=True, random_state=0)
fold_acc = []
for fold, (train_idx, val_idx) in enumerate(kf.split(X)):
    train_loader = DataLoader(Subset(dataset, train_idx), batch_size=256, shuffle=True)
    val_loader = DataLoader(Subset(dataset, val_idx), batch_size=1024)
    model = fit(MLP(X.shape[1]), train_loader)
    fold_acc.append(accuracy(model, val_loader))
print("CV accuracy", np.mean(fold_acc))
