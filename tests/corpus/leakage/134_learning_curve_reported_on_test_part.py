"""Learning curve: test accuracy for growing training subsets, plotted (no choice is made from it)."""
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
fractions = np.linspace(0.1, 1.0, 10)
accs = []
for frac in fractions:
    n = int(frac * len(X_train))
    rf = RandomForestClassifier(n_estimators=200, random_state=0).fit(X_train[:n], y_train[:n])
    accs.append(rf.score(X_test, y_test))
plt.plot(fractions * len(X_train), accs, marker="o")
plt.xlabel("training examples")
plt.ylabel("test accuracy")
plt.savefig("learning_curve.png")
