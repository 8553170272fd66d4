"""Acute kidney injury after cardiac surgery from pre-operative labs."""
import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import permutation_test_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["age", "egfr", "haemoglobin", "diabetes", "ejection_fraction", "bypass_minutes", "contrast_ml"]

surgeries = pd.read_csv("data/cardiac_surgery.csv")
surgeries = surgeries.sort_values("surgery_date").drop_duplicates(subset="mrn", keep="first")
X, y = surgeries[FEATURES], surgeries["aki_kdigo"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5)).fit(X_tr, y_tr)
print("AUPRC", average_precision_score(y_te, model.predict_proba(X_te)[:, 1]))
_, null, p = permutation_test_score(model, X_tr, y_tr, scoring="average_precision", n_permutations=500, random_state=0)
print(f"label permutation p = {p:.4f}")
joblib.dump(model, "aki_logreg.joblib")
