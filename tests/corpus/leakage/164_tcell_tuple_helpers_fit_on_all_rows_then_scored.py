"""T-cell exhaustion state from marker-gene expression; helpers return tuples."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, confusion_matrix
from sklearn.model_selection import train_test_split

MARKERS = ["PDCD1", "HAVCR2", "LAG3", "TOX", "TCF7", "CXCR5", "GZMB", "IL7R", "SELL", "ENTPD1"]


def load_matrix(path):
    cells = pd.read_csv(path).drop_duplicates()
    expr = np.log1p(cells[MARKERS].to_numpy(dtype=float))
    return expr, cells["state"].to_numpy()


def make_split(X, y, seed=0):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    return X_tr, X_te, y_tr, y_te


X, y = load_matrix("tcell_markers.csv")
X_train, X_test, y_train, y_test = make_split(X, y)
clf = LogisticRegression(C=0.5, max_iter=5000)
clf.fit(X, y)  # expect: DLR107
pred = clf.predict(X_test)
print("balanced accuracy", balanced_accuracy_score(y_test, pred))
print(confusion_matrix(y_test, pred))
