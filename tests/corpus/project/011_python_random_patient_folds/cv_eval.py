"""Grouped cross-validation of a logistic model for 1-year graft failure after kidney transplant."""
import random

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["donor_age", "recipient_age", "cold_ischemia_h", "hla_mismatch", "creatinine_d7", "dgf"]
N_FOLDS = 5

visits = pd.read_csv("data/transplant_visits.csv")
patient_ids = sorted(visits["patient_id"].unique())
random.shuffle(patient_ids)  # expect: DLR201
fold_of = {pid: i % N_FOLDS for i, pid in enumerate(patient_ids)}
visits["fold"] = visits["patient_id"].map(fold_of)

rng = np.random.default_rng()  # expect: DLR201


def cross_validated_scores(labels):
    scores = np.zeros(len(visits))
    for k in range(N_FOLDS):
        train, test = visits["fold"] != k, visits["fold"] == k
        clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=1000))
        clf.fit(visits.loc[train, FEATURES], labels[train])
        scores[test.to_numpy()] = clf.predict_proba(visits.loc[test, FEATURES])[:, 1]
    return scores


y = visits["graft_failure_1y"].to_numpy()
scores = cross_validated_scores(y)
print("AUPRC", average_precision_score(y, scores))
null = [average_precision_score(y, cross_validated_scores(rng.permutation(y))) for _ in range(20)]
print("AUPRC with permuted labels: mean", np.mean(null), "max", np.max(null))
