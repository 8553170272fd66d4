"""Protein localisation from sequence-derived features; 800 training and 400 test proteins."""
import numpy as np
from sklearn.ensemble import RandomForestClassifier

X = np.load("localisation_features.npy")
y = np.load("localisation_labels.npy")

rng = np.random.default_rng(7)
idx = rng.permutation(len(X))
train_idx = idx[:800]
test_idx = idx[600:]

model = RandomForestClassifier(n_estimators=400, random_state=7).fit(X[train_idx], y[train_idx])  # expect: DLR107
print("test accuracy", model.score(X[test_idx], y[test_idx]))
