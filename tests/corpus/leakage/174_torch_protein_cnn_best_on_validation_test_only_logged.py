"""Subcellular localisation from protein sequences: 1D CNN; epoch chosen on validation, test only logged."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

AA = "ACDEFGHIKLMNPQRSTVWY"
MAX_LEN = 1000


def one_hot(seq):
    x = np.zeros((len(AA), MAX_LEN), dtype=np.float32)
    for i, aa in enumerate(seq[:MAX_LEN]):
        j = AA.find(aa)
        if j >= 0:
            x[j, i] = 1.0
    return x


class LocCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(20, 128, kernel_size=15, padding=7), nn.ReLU(), nn.MaxPool1d(4),
            nn.Conv1d(128, 128, kernel_size=9, padding=4), nn.ReLU(), nn.AdaptiveMaxPool1d(1),
        )
        self.head = nn.Sequential(nn.Dropout(0.3), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.head(self.conv(x).flatten(1))


@torch.no_grad()
def accuracy(model, loader):
    model.eval()
    hits = total = 0
    for xb, yb in loader:
        hits += (model(xb).argmax(1) == yb).sum().item()
        total += len(yb)
    return hits / total


seqs = np.load("deeploc_sequences.npy", allow_pickle=True)
locs = torch.from_numpy(np.load("deeploc_labels.npy")).long()
X = torch.from_numpy(np.stack([one_hot(s) for s in seqs]))
data = TensorDataset(X, locs)
train_set, val_set, test_set = random_split(data, [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256)
test_loader = DataLoader(test_set, batch_size=256)

model = LocCNN()
optimizer = torch.optim.Adam(model.parameters(), lr=5e-4)
loss_fn = nn.CrossEntropyLoss()
best_val, history = 0.0, []
for epoch in range(40):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    val_acc = accuracy(model, val_loader)
    test_acc = accuracy(model, test_loader)
    history.append((epoch, val_acc, test_acc))
    if val_acc > best_val:
        best_val = val_acc
        torch.save(model.state_dict(), "loc_cnn_best.pt")
    print(f"epoch {epoch}: val {val_acc:.3f} test {test_acc:.3f}")

np.savetxt("loc_cnn_history.tsv", np.array(history), delimiter="\t")
model.load_state_dict(torch.load("loc_cnn_best.pt"))
print("test accuracy of the model chosen on validation", accuracy(model, test_loader))
