"""Breast cancer (WDBC) classifier: standardise the features, then hold out a quarter for testing."""
import sklearn.preprocessing as pp
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
scaler = pp.StandardScaler()
X_std = scaler.fit_transform(X)  # expect: DLR101

X_train, X_test, y_train, y_test = train_test_split(X_std, y, test_size=0.25, stratify=y, random_state=7)
clf = LogisticRegression(max_iter=5000)
clf.fit(X_train, y_train)
print("test AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
