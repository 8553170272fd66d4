"""Scaler fit on the training and validation parts together (both inside the development data)."""
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, random_state=0)
scaler = StandardScaler().fit(np.concatenate([X_train, X_val]))

best_C, best_acc = None, -1.0
for C in (0.01, 0.1, 1.0, 10.0):
    lr = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(X_train), y_train)
    acc = lr.score(scaler.transform(X_val), y_val)
    if acc > best_acc:
        best_C, best_acc = C, acc
final = LogisticRegression(C=best_C, max_iter=5000).fit(scaler.transform(X_train), y_train)
print("C", best_C, "test accuracy", final.score(scaler.transform(X_test), y_test))
