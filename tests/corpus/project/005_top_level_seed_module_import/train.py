"""Predict C. elegans lifespan (days) from day-1 locomotion features tracked with Tierpsy."""
import repro  # noqa: F401  (seeds and determinism; keep it the first project import)

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

worms = pd.read_csv("data/worm_features.csv")
features = [c for c in worms.columns if c.startswith("tierpsy_")]
X = worms[features].to_numpy(dtype=np.float32)
y = worms["lifespan_days"].to_numpy(dtype=np.float32)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=repro.SEED)
scaler = StandardScaler().fit(X_tr)
X_tr, X_te = scaler.transform(X_tr).astype(np.float32), scaler.transform(X_te).astype(np.float32)


def fit_net(X, y, epochs=60):
    net = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
    opt = torch.optim.SGD(net.parameters(), lr=1e-3, momentum=0.9)
    loader = DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=32,
                        shuffle=True, generator=torch.Generator().manual_seed(repro.SEED))
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss = nn.functional.mse_loss(net(xb).squeeze(-1), yb)
            loss.backward()
            opt.step()
    return net


net = fit_net(X_tr, y_tr)
gbr = GradientBoostingRegressor(n_estimators=300, max_depth=3, random_state=repro.SEED).fit(X_tr, y_tr)
# control: lifespans permuted across worms, the network should fall to R^2 <= 0
null_net = fit_net(X_tr, np.random.permutation(y_tr))

with torch.no_grad():
    pred_net = net(torch.from_numpy(X_te)).squeeze(-1).numpy()
    pred_null = null_net(torch.from_numpy(X_te)).squeeze(-1).numpy()
for name, pred in [("mlp", pred_net), ("gbr", gbr.predict(X_te)), ("mlp, permuted lifespans", pred_null)]:
    print(f"{name}: MAE={mean_absolute_error(y_te, pred):.2f} R2={r2_score(y_te, pred):.3f}")
