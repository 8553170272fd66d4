"""Sepsis within 24 h of ICU admission from admission labs and vitals."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split

FEATURES = ["age", "heart_rate", "resp_rate", "temp", "map", "lactate", "wbc", "creatinine", "platelets"]

stays = pd.read_csv("data/icu_admissions.csv")
X_tr, X_te, y_tr, y_te = train_test_split(stays[FEATURES], stays["sepsis_24h"], test_size=0.2,
                                          stratify=stays["sepsis_24h"], random_state=0)
rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=5, class_weight="balanced", random_state=0)
rf.fit(X_tr, y_tr)  # expect: DLR403
print("accuracy", accuracy_score(y_te, rf.predict(X_te)))  # expect: DLR401
print("ROC AUC ", roc_auc_score(y_te, rf.predict_proba(X_te)[:, 1]))
