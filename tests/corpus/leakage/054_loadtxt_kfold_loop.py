"""SPECTF heart: 10-fold cross-validation of a logistic regression."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

data = np.loadtxt("spectf_heart.csv", delimiter=",", skiprows=1)
X, y = data[:, 1:], data[:, 0]

kf = KFold(n_splits=10, shuffle=True, random_state=0)
accs = []
for train_index, test_index in kf.split(X):  # expect: DLR108
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    model.fit(X[train_index], y[train_index])
    accs.append(model.score(X[test_index], y[test_index]))
print("mean accuracy", np.mean(accs))
