"""Flow cytometry MLP trained with partial_fit; the epoch is chosen on a validation part."""
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
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=0)
scaler = StandardScaler().fit(X_train)
X_train, X_val, X_test = (scaler.transform(a) for a in (X_train, X_val, X_test))

clf = MLPClassifier(hidden_layer_sizes=(64, 32), random_state=0)
best_score, best_clf = -np.inf, None
for epoch in range(200):
    clf.partial_fit(X_train, y_train, classes=np.unique(y))
    score = accuracy_score(y_val, clf.predict(X_val))
    if score > best_score:
        best_score, best_clf = score, copy.deepcopy(clf)
print("validation", best_score, "test", accuracy_score(y_test, best_clf.predict(X_test)))
