"""Early-stage pancreatic cancer vs. chronic pancreatitis from plasma proteomics (Olink 1,463 proteins)."""
import random

import mlflow
import numpy as np
import optuna
import pandas as pd
import torch
from torch import nn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GridSearchCV, train_test_split

SEED = 2024
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.use_deterministic_algorithms(True)

olink = pd.read_csv("data/olink_npx.csv")
X = olink.drop(columns=["participant_id", "diagnosis"]).to_numpy(np.float32)
y = (olink["diagnosis"] == "PDAC").to_numpy(np.float32)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=SEED)


def fit_mlp(X, y, hidden, lr, weight_decay, epochs=100):
    torch.manual_seed(SEED)
    net = nn.Sequential(nn.Linear(X.shape[1], hidden), nn.ReLU(), nn.Dropout(0.3), nn.Linear(hidden, 1))
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=weight_decay)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    for _ in range(epochs):
        opt.zero_grad()
        loss = nn.functional.binary_cross_entropy_with_logits(net(Xt).squeeze(-1), yt)
        loss.backward()
        opt.step()
    return net


def score(net, X):
    with torch.no_grad():
        return torch.sigmoid(net(torch.from_numpy(X)).squeeze(-1)).numpy()


def objective(trial):
    params = {"hidden": trial.suggest_categorical("hidden", [32, 128, 512]),
              "lr": trial.suggest_float("lr", 1e-4, 1e-1, log=True),
              "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True)}
    return average_precision_score(y_val, score(fit_mlp(X_train, y_train, **params), X_val))


with mlflow.start_run(run_name="pdac-olink"):
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, n_trials=40)
    mlflow.log_params({f"mlp_{k}": v for k, v in study.best_params.items()})
    rf_search = GridSearchCV(RandomForestClassifier(random_state=SEED, n_jobs=-1),
                             {"n_estimators": [300, 1000], "max_depth": [None, 5, 10], "max_features": ["sqrt", 0.1]},
                             cv=5, scoring="average_precision").fit(X_dev, y_dev)
    mlflow.log_params({f"rf_{k}": v for k, v in rf_search.best_params_.items()})

    mlp = fit_mlp(X_dev, y_dev, **study.best_params)
    null_rf = RandomForestClassifier(random_state=SEED, n_jobs=-1, **rf_search.best_params_)
    null_rf.fit(X_dev, np.random.permutation(y_dev))
    mlflow.log_metrics({
        "test_auprc_mlp": average_precision_score(y_test, score(mlp, X_test)),
        "test_auprc_rf": average_precision_score(y_test, rf_search.predict_proba(X_test)[:, 1]),
        "test_auprc_rf_permuted": average_precision_score(y_test, null_rf.predict_proba(X_test)[:, 1]),
    })
