"""Gradient boosting on the WDBC features; each part standardised by a helper."""
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def scale(features):
    return StandardScaler().fit_transform(features)  # expect: DLR104


X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=2)
X_train = scale(X_train)
X_test = scale(X_test)

gbc = GradientBoostingClassifier(random_state=2).fit(X_train, y_train)
print("test accuracy", gbc.score(X_test, y_test))
