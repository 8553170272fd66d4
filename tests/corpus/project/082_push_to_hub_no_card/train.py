"""Seed germination (germinated within 72 h) from seed-lot X-ray morphology features, shared on the Hub."""
import random

import numpy as np
import torch
from huggingface_hub import PyTorchModelHubMixin
from torch import nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

random.seed(5)
np.random.seed(5)
torch.manual_seed(5)
torch.use_deterministic_algorithms(True)


class GerminationNet(nn.Module, PyTorchModelHubMixin):
    def __init__(self, n_features: int = 24):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_features, 48), nn.ReLU(), nn.Linear(48, 1))

    def forward(self, x):
        return self.body(x).squeeze(-1)


d = np.load("data/seed_xray_features.npz")
X_tr, X_te, y_tr, y_te = train_test_split(d["X"].astype(np.float32), d["germinated"].astype(np.float32),
                                          test_size=0.2, stratify=d["germinated"], random_state=5)
model = GerminationNet(X_tr.shape[1])
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for step in range(800):
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(model(torch.from_numpy(X_tr)), torch.from_numpy(y_tr))
    loss.backward()
    opt.step()

with torch.no_grad():
    p = torch.sigmoid(model(torch.from_numpy(X_te))).numpy()
logreg = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
null = LogisticRegression(max_iter=1000).fit(X_tr, np.random.permutation(y_tr))
for name, s in [("net", p), ("logreg", logreg.predict_proba(X_te)[:, 1]), ("logreg, permuted", null.predict_proba(X_te)[:, 1])]:
    print(f"{name}: AUPRC={average_precision_score(y_te, s):.3f} F1={f1_score(y_te, s > 0.5):.3f}")
model.push_to_hub("seedlab/germination-net")
