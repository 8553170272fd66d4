"""Iron-deficiency anaemia from a full blood count (MLP vs. logistic regression)."""
import random

import numpy as np
import torch
from torch import nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from data import load_features

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)

X, y, columns = load_features("data/fbc_outpatients.csv")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
scaler = StandardScaler().fit(X_tr)
X_tr, X_te = scaler.transform(X_tr).astype(np.float32), scaler.transform(X_te).astype(np.float32)

model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for step in range(400):
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(model(torch.from_numpy(X_tr)).squeeze(-1), torch.from_numpy(y_tr))
    loss.backward()
    opt.step()
torch.save({"state_dict": model.state_dict(), "columns": columns, "scaler_mean": scaler.mean_}, "ida_mlp.pt")  # expect: DLR501

with torch.no_grad():
    p = torch.sigmoid(model(torch.from_numpy(X_te)).squeeze(-1)).numpy()
logreg = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
null = LogisticRegression(max_iter=1000).fit(X_tr, np.random.permutation(y_tr))
print("AUPRC mlp", average_precision_score(y_te, p))
print("AUPRC logreg", average_precision_score(y_te, logreg.predict_proba(X_te)[:, 1]))
print("AUPRC logreg, permuted labels", average_precision_score(y_te, null.predict_proba(X_te)[:, 1]))
