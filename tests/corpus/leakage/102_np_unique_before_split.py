"""Yeast protein localisation (UCI): numeric table deduplicated with np.unique before the split."""
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

data = np.loadtxt("yeast_numeric.csv", delimiter=",", skiprows=1)
data = np.unique(data, axis=0)
X, y = data[:, :-1], data[:, -1].astype(int)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
rf = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_train, y_train)
print("test accuracy", rf.score(X_test, y_test))
