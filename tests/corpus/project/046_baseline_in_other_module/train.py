"""Does a phage lyse a given Pseudomonas strain? Features: phage RBP domains x host O-antigen genes."""
import random

import pandas as pd
import torch as T
from numpy import random as npr
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

from baselines import train_baselines

SEED = 0
random.seed(SEED)
npr.seed(SEED)
T.manual_seed(SEED)
T.use_deterministic_algorithms(True)

pairs = pd.read_csv("data/phage_host_pairs.csv")
X = pairs.drop(columns=["phage", "strain", "lysis"]).to_numpy("float32")
y = pairs["lysis"].to_numpy("float32")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)


def fit_mlp(X, y, epochs=50):
    net = T.nn.Sequential(T.nn.Linear(X.shape[1], 64), T.nn.ReLU(), T.nn.Linear(64, 1))
    opt = T.optim.SGD(net.parameters(), lr=0.02, momentum=0.9)
    Xt, yt = T.from_numpy(X), T.from_numpy(y)
    for _ in range(epochs):
        for batch in T.randperm(len(Xt)).split(32):
            opt.zero_grad()
            loss = T.nn.functional.binary_cross_entropy_with_logits(net(Xt[batch]).squeeze(-1), yt[batch])
            loss.backward()
            opt.step()
    return net


def scores(net, X):
    with T.no_grad():
        return T.sigmoid(net(T.from_numpy(X)).squeeze(-1)).numpy()


results = {"mlp": scores(fit_mlp(X_tr, y_tr), X_te),
           "mlp, permuted labels": scores(fit_mlp(X_tr, npr.permutation(y_tr)), X_te)}
for name, model in train_baselines(X_tr, y_tr, SEED).items():
    results[name] = model.predict_proba(X_te)[:, 1]
for name, s in results.items():
    print(f"{name:22s} AUPRC={average_precision_score(y_te, s):.3f}")
