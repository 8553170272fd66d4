"""Logistic regression on WDBC; the split is made, but the model is fit on every row."""
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
clf.fit(X, y)  # expect: DLR107
print("test accuracy:", clf.score(X_test, y_test))
