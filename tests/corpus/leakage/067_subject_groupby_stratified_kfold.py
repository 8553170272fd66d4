"""Seizure detection from EEG epochs (many epochs per subject), 5-fold stratified CV."""
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

eeg = pd.read_csv("eeg_epoch_features.csv").drop_duplicates()
per_subject = eeg.groupby("subject")["seizure"].mean()
print(per_subject.describe())

X = eeg.drop(columns=["subject", "seizure"]).values
y = eeg["seizure"].values
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
aucs = []
for tr, te in skf.split(X, y):  # expect: DLR110
    et = ExtraTreesClassifier(n_estimators=500, random_state=0).fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[te], et.predict_proba(X[te])[:, 1]))
print("mean AUC", np.mean(aucs))
