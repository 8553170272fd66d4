"""High grain protein (>13 %) of wheat lines from near-infrared spectra."""
import random

import numpy as np
import optuna
import torch
from torch import nn
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

from baselines import logistic_baseline

random.seed(0)
np.random.seed(0)
torch.manual_seed(0)
torch.use_deterministic_algorithms(True)

nir = np.load("data/wheat_nir.npz")
X, y = nir["absorbance"].astype(np.float32), (nir["protein_pct"] > 13).astype(np.float32)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=0)


def fit_net(X, y, width, lr, epochs=150):
    net = nn.Sequential(nn.Linear(X.shape[1], width), nn.ELU(), nn.Linear(width, 1))
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
    for _ in range(epochs):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(torch.from_numpy(X)).squeeze(-1), torch.from_numpy(y))
        loss.backward()
        opt.step()
    return net


def predict(net, X):
    with torch.no_grad():
        return torch.sigmoid(net(torch.from_numpy(X)).squeeze(-1)).numpy()


def objective(trial):
    net = fit_net(X_train, y_train, trial.suggest_int("width", 16, 512, log=True),
                  trial.suggest_float("lr", 1e-4, 0.3, log=True))
    return average_precision_score(y_val, predict(net, X_val))


study = optuna.create_study(direction="maximize", storage="sqlite:///optuna_wheat.db", study_name="nir-net",
                            sampler=optuna.samplers.TPESampler(seed=0), load_if_exists=True)
study.optimize(objective, n_trials=60)
net = fit_net(X_dev, y_dev, **study.best_params)
logreg = logistic_baseline(X_dev, y_dev)
null_net = fit_net(X_dev, np.random.permutation(y_dev), **study.best_params)
print("AUPRC tuned net", average_precision_score(y_test, predict(net, X_test)))
print("AUPRC logistic baseline", average_precision_score(y_test, logreg.predict_proba(X_test)[:, 1]))
print("AUPRC net, permuted labels", average_precision_score(y_test, predict(null_net, X_test)))
