"""Post-operative delirium from pre-op labs: medians and min-max scaling learnt on the training part."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

LABS = ["albumin", "sodium", "hemoglobin", "creatinine", "crp", "glucose"]
FEATURES = LABS + ["age"]

ops = pd.read_csv("preop_labs.csv").drop_duplicates()
print("Table 1 (medians by outcome)")
print(ops.groupby("delirium")[LABS].median().T.round(1))

train, test = train_test_split(ops, test_size=0.25, stratify=ops["delirium"], random_state=3)
medians = train[LABS].median()
train = train.assign(**{lab: train[lab].fillna(medians[lab]) for lab in LABS})
test = test.assign(**{lab: test[lab].fillna(medians[lab]) for lab in LABS})

scaler = MinMaxScaler().fit(train[FEATURES])
clf = LogisticRegression(max_iter=2000).fit(scaler.transform(train[FEATURES]), train["delirium"])
print("test AUROC", roc_auc_score(test["delirium"], clf.predict_proba(scaler.transform(test[FEATURES]))[:, 1]))
