"""Autism vs control from connectivity features; z-scoring learnt inside each fold."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

conn = pd.read_csv("connectivity_edges.csv").drop_duplicates()
y = conn["asd"].to_numpy()
X = conn.drop(columns=["asd"]).to_numpy(dtype=float)

aucs = []
for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(X, y):
    scaler = StandardScaler().fit(X[tr])
    clf = LogisticRegression(C=0.05, max_iter=5000).fit(scaler.transform(X[tr]), y[tr])
    aucs.append(roc_auc_score(y[te], clf.decision_function(scaler.transform(X[te]))))
print("mean AUC", np.mean(aucs))
