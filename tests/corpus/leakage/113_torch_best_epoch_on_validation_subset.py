"""Splice-site CNN: the best epoch is chosen on a validation subset, the test subset is used once."""
import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset


class SpliceCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(4, 64, 9, padding=4), nn.ReLU(), nn.AdaptiveMaxPool1d(1))
        self.fc = nn.Linear(64, 3)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


@torch.no_grad()
def accuracy(model, loader):
    model.eval()
    hits = total = 0
    for xb, yb in loader:
        hits += (model(xb).argmax(1) == yb).sum().item()
        total += len(yb)
    return hits / total


windows = torch.tensor(np.load("splice_windows_onehot.npy"), dtype=torch.float32)
classes = torch.tensor(np.load("splice_classes.npy"), dtype=torch.long)
dataset = TensorDataset(windows, classes)
idx = np.arange(len(dataset))
dev_idx, test_idx = train_test_split(idx, test_size=0.2, random_state=0)
train_idx, val_idx = train_test_split(dev_idx, test_size=0.125, random_state=0)
train_loader = DataLoader(Subset(dataset, train_idx), batch_size=64, shuffle=True)
val_loader = DataLoader(Subset(dataset, val_idx), batch_size=256)
test_loader = DataLoader(Subset(dataset, test_idx), batch_size=256)

model = SpliceCNN()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
best_val = 0.0
for epoch in range(60):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
    val_acc = accuracy(model, val_loader)
    if val_acc > best_val:
        best_val = val_acc
        torch.save(model.state_dict(), "best_val.pt")

model.load_state_dict(torch.load("best_val.pt"))
print("test accuracy", accuracy(model, test_loader))
