"""One model, several metrics on the test part, with a bootstrap CI for the AUC."""
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train, y_train)
proba = rf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print("accuracy", accuracy_score(y_test, pred))
print("F1", f1_score(y_test, pred))
print("AUC", roc_auc_score(y_test, proba))

rng = np.random.default_rng(0)
boot = []
for _ in range(1000):
    i = rng.integers(0, len(y_test), len(y_test))
    if len(np.unique(y_test[i])) == 2:
        boot.append(roc_auc_score(y_test[i], proba[i]))
print("95% CI", np.percentile(boot, [2.5, 97.5]))
