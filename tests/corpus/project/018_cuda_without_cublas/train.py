"""3-state protein secondary structure from sequence windows (CB513-style split)."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score

from utils import set_seed, windows

set_seed(17)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def load(path):
    xs, ys = [], []
    with open(path) as fh:
        for header, seq, dssp in zip(fh, fh, fh):
            X, y = windows(seq.strip(), dssp.strip())
            xs.append(X)
            ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


X_tr, y_tr = load("data/train.fasta3")
X_te, y_te = load("data/test.fasta3")
loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=512,
                    shuffle=True, generator=torch.Generator().manual_seed(17))
model = nn.Sequential(nn.Linear(X_tr.shape[1], 128), nn.ReLU(), nn.Dropout(0.1), nn.Linear(128, 3)).to(device)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
for epoch in range(10):
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
        loss.backward()  # expect: DLR203
        opt.step()

with torch.no_grad():
    pred = model(torch.from_numpy(X_te).to(device)).argmax(1).cpu().numpy()
rf = RandomForestClassifier(n_estimators=200, min_samples_leaf=5, random_state=17, n_jobs=-1).fit(X_tr, y_tr)
rng = np.random.default_rng(17)
null_rf = RandomForestClassifier(n_estimators=200, min_samples_leaf=5, random_state=17, n_jobs=-1)
null_rf.fit(X_tr, rng.permutation(y_tr))
for name, p in [("mlp", pred), ("rf", rf.predict(X_te)), ("rf, permuted labels", null_rf.predict(X_te))]:
    print(name, "macro-F1", round(f1_score(y_te, p, average="macro"), 3))
