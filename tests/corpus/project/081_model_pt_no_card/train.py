"""Stabilising vs. destabilising single mutations (ddG < -1 kcal/mol) from structure-derived features."""
import random

import numpy as np
import torch
from torch import nn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)

m = np.load("data/megascale_features.npz")
X, y = m["features"].astype(np.float32), (m["ddg"] < -1.0).astype(np.float32)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

net = nn.Sequential(nn.Linear(X.shape[1], 128), nn.ReLU(), nn.Linear(128, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.02, momentum=0.9)
Xt, yt = torch.from_numpy(X_tr), torch.from_numpy(y_tr)
for epoch in range(30):
    for idx in torch.randperm(len(Xt)).split(512):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(Xt[idx]).squeeze(-1), yt[idx])
        loss.backward()
        opt.step()
torch.save(net.state_dict(), "model.pt")

with torch.no_grad():
    p = torch.sigmoid(net(torch.from_numpy(X_te)).squeeze(-1)).numpy()
rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, y_tr)
null_rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, np.random.permutation(y_tr))
print("AUPRC mlp", average_precision_score(y_te, p))
print("AUPRC rf", average_precision_score(y_te, rf.predict_proba(X_te)[:, 1]))
print("AUPRC rf, permuted labels", average_precision_score(y_te, null_rf.predict_proba(X_te)[:, 1]))
