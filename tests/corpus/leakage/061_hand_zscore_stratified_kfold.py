"""Autism vs control from resting-state connectivity features, z-scored by hand."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

conn = pd.read_csv("connectivity_edges.csv").drop_duplicates()
y = conn["asd"].to_numpy()
X = conn.drop(columns=["asd"]).to_numpy(dtype=float)
X = (X - X.mean(axis=0)) / X.std(axis=0)  # expect: DLR109

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
aucs = []
for tr, te in skf.split(X, y):
    clf = LogisticRegression(penalty="l2", C=0.05, max_iter=5000).fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[te], clf.decision_function(X[te])))
print("mean AUC", np.mean(aucs))
