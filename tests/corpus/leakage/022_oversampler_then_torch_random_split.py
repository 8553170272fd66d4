"""Arrhythmia beat classification (MIT-BIH beats) with a 1D CNN; rare beat types oversampled first."""
import numpy as np
import torch
from imblearn.over_sampling import RandomOverSampler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

beats = np.load("mitbih_beats.npy")
beat_labels = np.load("mitbih_labels.npy")
X_os, y_os = RandomOverSampler(random_state=0).fit_resample(beats, beat_labels)  # expect: DLR103

ds = TensorDataset(torch.tensor(X_os, dtype=torch.float32).unsqueeze(1), torch.tensor(y_os, dtype=torch.long))
train_ds, test_ds = random_split(ds, [0.8, 0.2], generator=torch.Generator().manual_seed(42))


class BeatCNN(nn.Module):
    def __init__(self, n_classes=5):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(32, 64, 5, padding=2), nn.ReLU(), nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Linear(64, n_classes)

    def forward(self, x):
        return self.head(self.conv(x).squeeze(-1))


model = BeatCNN()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(20):
    for xb, yb in DataLoader(train_ds, batch_size=128, shuffle=True):
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()

model.eval()
with torch.no_grad():
    correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_ds, batch_size=512))
print("test accuracy", correct / len(test_ds))
