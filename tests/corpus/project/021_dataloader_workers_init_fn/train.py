"""Predict log10 kcat of enzyme-substrate pairs from precomputed enzyme and substrate features."""
import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from scipy.stats import pearsonr
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

SEED = 21
NUM_WORKERS = 4


def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def report(name, y_true, y_pred):
    rmse = mean_squared_error(y_true, y_pred) ** 0.5
    print(f"{name}: RMSE={rmse:.3f} r={pearsonr(y_true, y_pred)[0]:.3f}")


def main():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    data = np.load("data/kcat_features.npz")
    X, y = data["X"].astype(np.float32), data["log10_kcat"].astype(np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)
    g = torch.Generator()
    g.manual_seed(SEED)
    train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)), batch_size=128,
                          shuffle=True, num_workers=NUM_WORKERS, worker_init_fn=seed_worker, generator=g,
                          pin_memory=True)
    test_dl = DataLoader(TensorDataset(torch.from_numpy(X_te)), batch_size=512, num_workers=NUM_WORKERS,
                         worker_init_fn=seed_worker)

    model = nn.Sequential(nn.Linear(X.shape[1], 256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 1)).to(device)
    opt = torch.optim.SGD(model.parameters(), lr=5e-3, momentum=0.9, weight_decay=1e-5)
    for epoch in range(40):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = nn.functional.mse_loss(model(xb.to(device)).squeeze(-1), yb.to(device))
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(xb.to(device)).squeeze(-1).cpu() for (xb,) in test_dl]).numpy()
    report("mlp", y_te, pred)

    rf = RandomForestRegressor(n_estimators=500, min_samples_leaf=3, random_state=SEED, n_jobs=-1).fit(X_tr, y_tr)
    report("random forest", y_te, rf.predict(X_te))
    null_rf = RandomForestRegressor(n_estimators=500, min_samples_leaf=3, random_state=SEED, n_jobs=-1)
    report("random forest, permuted targets", y_te, null_rf.fit(X_tr, np.random.permutation(y_tr)).predict(X_te))


if __name__ == "__main__":
    main()
