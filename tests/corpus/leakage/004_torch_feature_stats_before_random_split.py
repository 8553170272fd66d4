"""Tumour vs normal from DNA methylation beta values with a small MLP."""
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

frame = pd.read_csv("methylation_beta.csv").drop_duplicates()
labels = torch.tensor(frame.pop("tumour").to_numpy(), dtype=torch.long)
features = torch.tensor(frame.to_numpy(), dtype=torch.float32)
mu, sigma = features.mean(0), features.std(0)  # expect: DLR101
features = (features - mu) / (sigma + 1e-8)

dataset = TensorDataset(features, labels)
n_test = len(dataset) // 5
train_set, test_set = random_split(dataset, [len(dataset) - n_test, n_test],
                                   generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
test_loader = DataLoader(test_set, batch_size=256)

model = nn.Sequential(nn.Linear(features.shape[1], 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(30):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()

model.eval()
correct = 0
with torch.no_grad():
    for xb, yb in test_loader:
        correct += (model(xb).argmax(1) == yb).sum().item()
print("test accuracy", correct / n_test)
