"""Arabidopsis promoter activity (active in root, yes/no) from 500-bp upstream sequence."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

from baselines import fit_kmer_gbm, kmer_matrix
from utils import one_hot, seed_everything  # noqa: F401

SEED = 3


class PromoterCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv1d(4, 64, 15, padding=7), nn.ReLU(), nn.MaxPool1d(4),
                                  nn.Conv1d(64, 64, 9, padding=4), nn.ReLU(), nn.AdaptiveAvgPool1d(1))
        self.out = nn.Linear(64, 1)

    def forward(self, x):
        return self.out(self.conv(x).squeeze(-1)).squeeze(-1)


df = pd.read_csv("data/root_promoters.csv")
seq_tr, seq_te, y_tr, y_te = train_test_split(df["sequence"].tolist(), df["active"].to_numpy(np.float32),
                                              test_size=0.2, stratify=df["active"], random_state=SEED)
X_tr = torch.from_numpy(np.stack([one_hot(s) for s in seq_tr]))
X_te = torch.from_numpy(np.stack([one_hot(s) for s in seq_te]))
loader = DataLoader(TensorDataset(X_tr, torch.from_numpy(y_tr)), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(SEED))

model = PromoterCNN()  # expect: DLR201
opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
for epoch in range(25):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
        loss.backward()  # expect: DLR203
        opt.step()

with torch.no_grad():
    p_cnn = torch.sigmoid(model(X_te)).numpy()
gbm = fit_kmer_gbm(seq_tr, y_tr)
rng = np.random.default_rng(SEED)
null_gbm = fit_kmer_gbm(seq_tr, rng.permutation(y_tr))  # permuted-label control
print("AUPRC cnn", average_precision_score(y_te, p_cnn))
print("AUPRC k-mer GBM", average_precision_score(y_te, gbm.predict_proba(kmer_matrix(seq_te))[:, 1]))
print("AUPRC permuted", average_precision_score(y_te, null_gbm.predict_proba(kmer_matrix(seq_te))[:, 1]))
