"""Protein abundance of E. coli reporter variants from codon-usage and mRNA-structure features."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from baselines import ridge
from evaluate import regression_report
from utils import set_seed

gen = set_seed(77)
lib = np.load("data/reporter_library.npz")
X_tr, y_tr = lib["X_train"].astype(np.float32), lib["log_gfp_train"].astype(np.float32)
X_te, y_te = lib["X_test"].astype(np.float32), lib["log_gfp_test"].astype(np.float32)

net = nn.Sequential(nn.Linear(X_tr.shape[1], 128), nn.ReLU(), nn.Linear(128, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.SGD(net.parameters(), lr=1e-3, momentum=0.9)
loader = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=256, shuffle=True,
                    generator=gen)
for epoch in range(30):  # expect: DLR403
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(net(xb).squeeze(-1), yb)
        loss.backward()
        opt.step()

with torch.no_grad():
    regression_report("mlp", y_te, net(torch.from_numpy(X_te)).squeeze(-1).numpy())
regression_report("ridge", y_te, ridge(X_tr, y_tr).predict(X_te))
