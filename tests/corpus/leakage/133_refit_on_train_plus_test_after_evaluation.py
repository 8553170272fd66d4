"""Report the held-out score, then retrain on train + test for the deployed model (never scored again)."""
import joblib
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train, y_train)
print("held-out accuracy", rf.score(X_test, y_test))

deploy = RandomForestClassifier(n_estimators=500, random_state=0)
deploy.fit(np.concatenate([X_train, X_test]), np.concatenate([y_train, y_test]))
joblib.dump(deploy, "deploy_rf.joblib")
