"""30-day readmission after heart-failure discharge, gradient boosting on an EHR extract."""
import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.utils import shuffle

ehr = pd.read_csv("data/ehr_extract.csv")
ehr = ehr.drop(columns=["patient_name", "date_of_birth", "address"])
del ehr["phone"]
mrn = ehr.pop("mrn")
y = ehr.pop("readmitted_30d")
X = pd.get_dummies(ehr, columns=["sex", "discharge_unit"], dtype=float)

train_idx, test_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(X, y, groups=mrn))
X_tr, X_te, y_tr, y_te = X.iloc[train_idx], X.iloc[test_idx], y.iloc[train_idx], y.iloc[test_idx]

gbm = GradientBoostingClassifier(n_estimators=300, max_depth=3, learning_rate=0.05, random_state=0).fit(X_tr, y_tr)
print("AUPRC", average_precision_score(y_te, gbm.predict_proba(X_te)[:, 1]))
null = GradientBoostingClassifier(n_estimators=300, max_depth=3, learning_rate=0.05, random_state=0)
null.fit(X_tr, shuffle(y_tr, random_state=0))
print("AUPRC, shuffled labels", average_precision_score(y_te, null.predict_proba(X_te)[:, 1]))
joblib.dump(gbm, "readmission_gbm.joblib")
