"""30-day readmission: train on earlier admissions, test on the most recent fifth."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

adm = pd.read_csv("admissions_labs.csv").drop_duplicates()
adm = adm.sort_values("admit_date")
X = adm[["age", "creatinine", "lactate", "heart_rate", "n_prior_admissions"]]
y = adm["readmitted_30d"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
gb = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)
print("test AUC", roc_auc_score(y_test, gb.predict_proba(X_test)[:, 1]))
