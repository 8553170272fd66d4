"""In-hospital mortality from the first 48 h of ICU vital signs (GRU vs. summary-statistics logistic regression)."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import average_precision_score

from baselines import fit_summary_logreg, summary_features
from utils import seed_everything

gen = seed_everything(2023)
data = np.load("data/icu_first48h.npz")  # built by the hospital's extraction pipeline, ids removed
X_tr, y_tr, X_te, y_te = data["X_train"], data["y_train"], data["X_test"], data["y_test"]


class MortalityGRU(nn.Module):
    def __init__(self, n_signals, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_signals, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        _, h = self.gru(x)
        return self.head(h[-1]).squeeze(-1)


model = MortalityGRU(X_tr.shape[2])
opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-2)  # expect: DLR206
loader = DataLoader(TensorDataset(torch.tensor(X_tr, dtype=torch.float32), torch.tensor(y_tr, dtype=torch.float32)),
                    batch_size=128, shuffle=True, generator=gen)
for epoch in range(25):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
        loss.backward()
        opt.step()

with torch.no_grad():
    p_gru = torch.sigmoid(model(torch.tensor(X_te, dtype=torch.float32))).numpy()
logreg = fit_summary_logreg(X_tr, y_tr)
null = fit_summary_logreg(X_tr, np.random.permutation(y_tr))
print("AUPRC gru", average_precision_score(y_te, p_gru))
print("AUPRC logreg", average_precision_score(y_te, logreg.predict_proba(summary_features(X_te))[:, 1]))
print("AUPRC logreg, permuted labels", average_precision_score(y_te, null.predict_proba(summary_features(X_te))[:, 1]))
