"""Connectivity features z-scored by hand inside each fold, with statistics of the training fold."""
import numpy as np
import pandas as pd
from sklearn.linear_model import RidgeClassifier
from sklearn.model_selection import StratifiedKFold

conn = pd.read_csv("connectivity_edges.csv").drop_duplicates()
y = conn["asd"].to_numpy()
X = conn.drop(columns=["asd"]).to_numpy(dtype=float)

accs = []
for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(X, y):
    mu, sd = X[tr].mean(axis=0), X[tr].std(axis=0) + 1e-8
    clf = RidgeClassifier(alpha=10.0).fit((X[tr] - mu) / sd, y[tr])
    accs.append(clf.score((X[te] - mu) / sd, y[te]))
print("accuracy", np.mean(accs))
