"""Atrial fibrillation from 30-s single-lead ECG (wearable study); writes model.pt."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import average_precision_score

from baselines import fit_logreg, hrv_features
from utils import seed_all

gen = seed_all(0)
d = np.load("data/ecg_segments.npz")
X_tr, y_tr, X_te, y_te = d["X_train"], d["y_train"], d["X_test"], d["y_test"]


class AFNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv1d(1, 16, 15, stride=2), nn.ReLU(), nn.Conv1d(16, 32, 15, stride=2),
                                      nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten())
        self.head = nn.Linear(32, 1)

    def forward(self, x):
        return self.head(self.features(x)).squeeze(-1)


model = AFNet()
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loader = DataLoader(TensorDataset(torch.tensor(X_tr[:, None], dtype=torch.float32), torch.tensor(y_tr, dtype=torch.float32)),
                    batch_size=64, shuffle=True, generator=gen)
for epoch in range(20):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
        loss.backward()
        opt.step()
torch.save(model.state_dict(), "model.pt")

with torch.no_grad():
    p_net = torch.sigmoid(model(torch.tensor(X_te[:, None], dtype=torch.float32))).numpy()
logreg = fit_logreg(X_tr, y_tr)
null = fit_logreg(X_tr, np.random.permutation(y_tr))
print("AUPRC AFNet", average_precision_score(y_te, p_net))
print("AUPRC logreg", average_precision_score(y_te, logreg.predict_proba(hrv_features(X_te))[:, 1]))
print("AUPRC logreg, permuted labels", average_precision_score(y_te, null.predict_proba(hrv_features(X_te))[:, 1]))
