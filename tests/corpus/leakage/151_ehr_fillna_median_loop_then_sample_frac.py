"""30-day readmission from discharge labs (one row per admission), gradient boosting."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

LABS = ["creatinine", "sodium", "potassium", "hemoglobin", "wbc", "bun", "glucose"]

adm = (
    pd.read_csv("discharge_labs.csv")
    .drop_duplicates()
    .rename(columns=str.lower)
    .query("los_days > 0")
    .assign(age_decade=lambda d: d["age"] // 10)
)
for lab in LABS:
    adm[lab] = adm[lab].fillna(adm[lab].median())  # expect: DLR101

train = adm.sample(frac=0.8, random_state=42)
test = adm.drop(train.index)
features = LABS + ["age_decade", "los_days", "n_prior_admissions"]
gbm = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05).fit(train[features], train["readmit_30d"])
print("test AUROC", roc_auc_score(test["readmit_30d"], gbm.predict_proba(test[features])[:, 1]))
