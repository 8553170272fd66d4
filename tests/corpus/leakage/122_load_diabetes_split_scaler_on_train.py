"""Diabetes progression: built-in scikit-learn data, scaler fit on the training part."""
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LassoCV
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_diabetes(return_X_y=True, as_frame=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
scaler = StandardScaler().fit(X_train)
lasso = LassoCV(cv=5, random_state=0).fit(scaler.transform(X_train), y_train)
print("alpha", lasso.alpha_, "test R2", lasso.score(scaler.transform(X_test), y_test))
