"""Classify Drosophila wing landmark configurations by genotype (wild type vs. dpp mutant)."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

from .utils import load_landmarks, seed_all


def build_model(n_in: int) -> nn.Module:
    return nn.Sequential(nn.Linear(n_in, 32), nn.Tanh(), nn.Linear(32, 1))


def train_model(X, y, gen, epochs=100):
    model = build_model(X.shape[1])
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    loader = DataLoader(TensorDataset(torch.tensor(X), torch.tensor(y)), batch_size=16, shuffle=True, generator=gen)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb).squeeze(-1), yb).backward()
            opt.step()
    return model


@torch.no_grad()
def predict(model, X):
    return torch.sigmoid(model(torch.tensor(X)).squeeze(-1)).numpy()


def main(seed: int = 0):
    gen = seed_all(seed)
    X, y = load_landmarks("data/wing_landmarks.csv")
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    mlp = train_model(X_tr, y_tr, gen)
    null = train_model(X_tr, np.random.permutation(y_tr), gen)  # label-permutation control
    logreg = LogisticRegression(max_iter=2000).fit(X_tr, y_tr)
    for name, p in [("mlp", predict(mlp, X_te)), ("logreg", logreg.predict_proba(X_te)[:, 1]),
                    ("mlp, permuted labels", predict(null, X_te))]:
        print(f"{name}: AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")
