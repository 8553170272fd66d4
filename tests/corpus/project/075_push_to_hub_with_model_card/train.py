"""Plankton taxa (12 classes) from imaging flow cytometry morphology features; shared on the Hub."""
import random

import numpy as np
import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)


class PlanktonMLP(nn.Module, PyTorchModelHubMixin):
    def __init__(self, n_features: int = 64, n_classes: int = 12):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_features, 128), nn.ReLU(), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.net(x)


d = np.load("data/ifcb_features.npz")
X_tr, X_te, y_tr, y_te = train_test_split(d["X"].astype(np.float32), d["taxon"], test_size=0.2,
                                          stratify=d["taxon"], random_state=0)
model = PlanktonMLP(X_tr.shape[1], int(d["taxon"].max()) + 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
Xt, yt = torch.from_numpy(X_tr), torch.from_numpy(y_tr)
for epoch in range(40):
    for idx in torch.randperm(len(Xt)).split(256):
        opt.zero_grad()
        nn.functional.cross_entropy(model(Xt[idx]), yt[idx]).backward()
        opt.step()

with torch.no_grad():
    pred = model(torch.from_numpy(X_te)).argmax(1).numpy()
rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, y_tr)
null_rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, np.random.permutation(y_tr))
print("macro-F1 mlp", f1_score(y_te, pred, average="macro"))
print("macro-F1 rf ", f1_score(y_te, rf.predict(X_te), average="macro"))
print("macro-F1 rf, permuted labels", f1_score(y_te, null_rf.predict(X_te), average="macro"))
model.push_to_hub("plankton-lab/ifcb-mlp")
