"""Mouse retinal cell types from marker-gene expression (Drop-seq, 12 types)."""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

from utils import set_seed


class CellTypeMLP(nn.Module):
    def __init__(self, n_genes, n_types):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_genes, 256), nn.ReLU(), nn.Linear(256, n_types))

    def forward(self, x):
        return self.body(x)


set_seed(0)
expr = pd.read_parquet("data/retina_markers_logcpm.parquet")
types = pd.read_csv("data/retina_cell_types.csv", index_col="barcode").loc[expr.index, "type"]
codes, names = pd.factorize(types)
X_tr, X_te, y_tr, y_te = train_test_split(expr.to_numpy(np.float32), codes, test_size=0.2,
                                          stratify=codes, random_state=0)

loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=128,
                    shuffle=True, generator=torch.Generator().manual_seed(0))
model = CellTypeMLP(X_tr.shape[1], len(names))  # expect: DLR201
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
for epoch in range(15):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()

with torch.no_grad():
    pred_mlp = model(torch.from_numpy(X_te)).argmax(1).numpy()
rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, y_tr)
null_rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(X_tr, np.random.permutation(y_tr))
print("macro-F1 mlp", f1_score(y_te, pred_mlp, average="macro"))
print("macro-F1 rf ", f1_score(y_te, rf.predict(X_te), average="macro"))
print("macro-F1 rf on permuted labels", f1_score(y_te, null_rf.predict(X_te), average="macro"))
