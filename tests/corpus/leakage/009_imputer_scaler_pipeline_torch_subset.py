"""Sepsis from plasma proteomics: impute and scale, then a torch MLP on a random 80/20 split."""
import numpy as np
import pandas as pd
import torch
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

prep = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])

proteomics = pd.read_csv("plasma_proteomics.csv").drop_duplicates()
y = proteomics["sepsis"].to_numpy()
cols = [c for c in proteomics.columns if c.startswith("prot_")]
X = prep.fit_transform(proteomics[cols])  # expect: DLR101

dataset = TensorDataset(torch.from_numpy(X).float(), torch.from_numpy(y).long())
order = np.random.default_rng(0).permutation(len(dataset))
n_train = int(0.8 * len(order))
train_ds = Subset(dataset, order[:n_train])
test_ds = Subset(dataset, order[n_train:])
train_dl = DataLoader(train_ds, batch_size=32, shuffle=True)
test_dl = DataLoader(test_ds, batch_size=128)


class ProteinNet(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, 64), nn.ReLU(), nn.Linear(64, 2))

    def forward(self, x):
        return self.body(x)


net = ProteinNet(X.shape[1])
opt = torch.optim.AdamW(net.parameters(), lr=3e-4, weight_decay=1e-2)
criterion = nn.CrossEntropyLoss()
for epoch in range(50):
    net.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        criterion(net(xb), yb).backward()
        opt.step()

net.eval()
with torch.no_grad():
    hits = sum((net(xb).argmax(1) == yb).sum().item() for xb, yb in test_dl)
print("test accuracy", hits / len(test_ds))
