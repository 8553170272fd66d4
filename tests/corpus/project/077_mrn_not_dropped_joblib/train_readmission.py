"""30-day readmission after COPD exacerbation."""
import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

admissions = pd.read_csv("data/copd_admissions.csv")
admissions = admissions.sort_values("admit_date").drop_duplicates(subset="mrn", keep="last")
admissions = admissions.drop(columns=["admit_date"])
y = admissions["readmitted_30d"]
X = admissions.drop(columns=["readmitted_30d"])
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=3, random_state=0, n_jobs=-1).fit(X_tr, y_tr)
print("AUPRC", average_precision_score(y_te, rf.predict_proba(X_te)[:, 1]))
null_rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=3, random_state=0, n_jobs=-1)
null_rf.fit(X_tr, np.random.default_rng(0).permutation(y_tr))
print("AUPRC, permuted labels", average_precision_score(y_te, null_rf.predict_proba(X_te)[:, 1]))
joblib.dump(rf, "copd_readmission_rf.joblib")  # expect: DLR501
