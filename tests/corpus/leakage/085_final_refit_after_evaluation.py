"""Evaluate on a held-out part, then refit on all rows for the released model."""
import joblib
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
model.fit(X_train, y_train)
print("held-out accuracy", model.score(X_test, y_test))

final = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X, y)
joblib.dump(final, "wdbc_logreg.joblib")
