"""Rare cell-state detection: bootstrap the minority class up to parity, then cross-validate."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.utils import resample

X = np.load("cell_state_features.npy")
y = np.load("cell_state_labels.npy")
X_min, X_maj = X[y == 1], X[y == 0]
X_min_up = resample(X_min, replace=True, n_samples=len(X_maj), random_state=0)  # expect: DLR103
X_bal = np.vstack([X_maj, X_min_up])
y_bal = np.concatenate([np.zeros(len(X_maj)), np.ones(len(X_min_up))])

scores = cross_val_score(LogisticRegression(max_iter=3000), X_bal, y_bal, cv=5, scoring="f1")
print("F1", scores.mean())
