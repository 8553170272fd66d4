"""Yeast protein localisation: min-max normalisation written out by hand, then an MLP."""
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

data = np.genfromtxt("yeast_numeric.csv", delimiter=",", skip_header=1)
data = np.unique(data, axis=0)
X, y = data[:, :-1], data[:, -1].astype(int)
X = (X - X.min(axis=0)) / (X.max(axis=0) - X.min(axis=0))  # expect: DLR101

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
mlp = MLPClassifier(hidden_layer_sizes=(32,), max_iter=2000, random_state=0).fit(X_train, y_train)
print("test accuracy", mlp.score(X_test, y_test))
