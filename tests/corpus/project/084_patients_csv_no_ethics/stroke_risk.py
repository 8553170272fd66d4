"""Post-stroke functional outcome (mRS 0-2 at 90 days) from admission variables."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import permutation_test_score, train_test_split

patients = pd.read_csv("data/patients.csv")
X = patients.drop(columns=["patient_id", "good_outcome_90d"])
y = patients["good_outcome_90d"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

gbm = GradientBoostingClassifier(n_estimators=200, max_depth=2, random_state=0).fit(X_tr, y_tr)
proba = gbm.predict_proba(X_te)[:, 1]
print(f"AUPRC {average_precision_score(y_te, proba):.3f}  F1 {f1_score(y_te, proba > 0.5):.3f}")
_, null, p = permutation_test_score(gbm, X_tr, y_tr, scoring="average_precision", n_permutations=100, random_state=0)
print(f"permutation p = {p:.3f}")
