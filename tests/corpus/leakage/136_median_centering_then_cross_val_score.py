"""Proteomics intensities: median-centre and scale every protein, then 10-fold CV of an elastic net."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

prot = pd.read_csv("csf_proteomics_log2.csv").drop_duplicates()
y = prot["als"].to_numpy()
X = prot.drop(columns=["als"]).to_numpy()
X = (X - np.median(X, axis=0)) / X.std(axis=0)  # expect: DLR109

enet = LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.1, max_iter=5000)
scores = cross_val_score(enet, X, y, cv=10, scoring="roc_auc")
print("AUC", scores.mean())
