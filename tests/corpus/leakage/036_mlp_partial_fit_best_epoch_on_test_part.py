"""MLP on single-cell marker panels, trained epoch by epoch with partial_fit."""
import copy

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

facs = pd.read_csv("flow_cytometry_panel.csv").drop_duplicates()
X = facs.drop(columns=["cell_type"]).to_numpy()
y = facs["cell_type"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

clf = MLPClassifier(hidden_layer_sizes=(64, 32), learning_rate_init=1e-3, random_state=0)
classes = np.unique(y_train)
best_score, best_clf = -np.inf, None
for epoch in range(200):
    clf.partial_fit(X_train, y_train, classes=classes)
    score = accuracy_score(y_test, clf.predict(X_test))  # expect: DLR105
    if score > best_score:
        best_score = score
        best_clf = copy.deepcopy(clf)
print("best test accuracy", best_score)
