"""Methylation tumour/normal MLP; normalisation statistics come from the training subset only."""
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

frame = pd.read_csv("methylation_beta.csv").drop_duplicates()
labels = torch.tensor(frame.pop("tumour").to_numpy(), dtype=torch.long)
features = torch.tensor(frame.to_numpy(), dtype=torch.float32)
dataset = TensorDataset(features, labels)
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))

train_x = features[train_set.indices]
mean, std = train_x.mean(0), train_x.std(0)


class Standardise(nn.Module):
    def __init__(self, mean, std):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std + 1e-8)

    def forward(self, x):
        return (x - self.mean) / self.std


model = nn.Sequential(Standardise(mean, std), nn.Linear(features.shape[1], 128), nn.ReLU(), nn.Linear(128, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(30):
    for xb, yb in DataLoader(train_set, batch_size=64, shuffle=True):
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()

with torch.no_grad():
    correct = sum((model(xb).argmax(1) == yb).sum().item() for xb, yb in DataLoader(test_set, batch_size=256))
print("test accuracy", correct / len(test_set))
