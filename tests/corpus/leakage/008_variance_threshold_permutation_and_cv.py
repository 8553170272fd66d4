"""Treatment response from microarray expression: drop low-variance probes, then evaluate two ways."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import VarianceThreshold
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

expr = pd.read_csv("microarray_expression.csv").drop_duplicates()
labels = expr.pop("responder").to_numpy()
X = np.log2(expr.to_numpy() + 1)
vt = VarianceThreshold(threshold=0.2)
X = vt.fit_transform(X)  # expect: DLR101
print(X.shape[1], "probes kept")

rng = np.random.RandomState(2021)
perm = rng.permutation(X.shape[0])
cut = int(0.75 * len(perm))
train_idx, test_idx = perm[:cut], perm[cut:]

clf = LogisticRegression(C=0.1, max_iter=5000)
print("5-fold CV accuracy:", cross_val_score(clf, X, labels, cv=5).mean())
clf.fit(X[train_idx], labels[train_idx])
print("held-out accuracy:", clf.score(X[test_idx], labels[test_idx]))
