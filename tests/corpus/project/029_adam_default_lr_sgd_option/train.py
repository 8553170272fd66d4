"""Ciprofloxacin resistance of E. coli genomes from 8-mer presence profiles."""
import argparse
import random

import numpy as np
import torch
from torch import nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split


def build_optimizer(name, model, lr):
    if name == "sgd":
        return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    if name == "adam":
        return torch.optim.Adam(model.parameters())  # expect: DLR206
    raise ValueError(name)


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True)
    data = np.load("data/kmer_profiles.npz")
    X, y = data["X"].astype(np.float32), data["cipro_resistant"].astype(np.float32)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)

    model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 1))
    opt = build_optimizer(args.optimizer, model, args.lr)
    Xt, yt = torch.from_numpy(X_tr), torch.from_numpy(y_tr)
    for epoch in range(args.epochs):
        for idx in torch.randperm(len(Xt)).split(64):
            opt.zero_grad()
            loss = nn.functional.binary_cross_entropy_with_logits(model(Xt[idx]).squeeze(-1), yt[idx])
            loss.backward()
            opt.step()
    with torch.no_grad():
        p_net = torch.sigmoid(model(torch.from_numpy(X_te)).squeeze(-1)).numpy()

    lasso = LogisticRegression(penalty="l1", solver="liblinear", C=0.5, random_state=args.seed).fit(X_tr, y_tr)
    null = LogisticRegression(penalty="l1", solver="liblinear", C=0.5, random_state=args.seed).fit(X_tr, np.random.permutation(y_tr))
    for name, p in [("mlp", p_net), ("l1-logreg", lasso.predict_proba(X_te)[:, 1]),
                    ("l1-logreg, permuted", null.predict_proba(X_te)[:, 1])]:
        print(f"{name}: AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--optimizer", choices=["sgd", "adam"], default="adam")
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    main(ap.parse_args())
