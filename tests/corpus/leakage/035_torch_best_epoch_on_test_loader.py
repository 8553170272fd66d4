"""Splice-site recognition with a 1D CNN on one-hot DNA windows."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split


class SpliceCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv1d(4, 64, kernel_size=9, padding=4), nn.ReLU(), nn.MaxPool1d(3),
            nn.Conv1d(64, 64, kernel_size=9, padding=4), nn.ReLU(), nn.AdaptiveMaxPool1d(1),
        )
        self.classifier = nn.Linear(64, 3)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


def train_one_epoch(model, loader, optimizer, loss_fn):
    model.train()
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    correct = total = 0
    for xb, yb in loader:
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
        total += yb.numel()
    return correct / total


windows = torch.tensor(np.load("splice_windows_onehot.npy"), dtype=torch.float32)
classes = torch.tensor(np.load("splice_classes.npy"), dtype=torch.long)
dataset = TensorDataset(windows, classes)
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(1))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
test_loader = DataLoader(test_set, batch_size=256)

model = SpliceCNN()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
best_acc = 0.0
for epoch in range(100):
    train_one_epoch(model, train_loader, optimizer, loss_fn)
    test_acc = evaluate(model, test_loader)  # expect: DLR105
    if test_acc > best_acc:
        best_acc = test_acc
        torch.save(model.state_dict(), "best_model.pt")
    print(f"epoch {epoch}: test accuracy {test_acc:.4f}")
print(f"best test accuracy {best_acc:.4f}")
