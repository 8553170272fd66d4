"""Sepsis mortality across a multicentre cohort; repeated 5-fold CV."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cohort = pd.read_csv("multicentre_sepsis.csv").drop_duplicates()
print(cohort.groupby("hospital")["died"].mean())
X = pd.get_dummies(cohort.drop(columns=["died"]), columns=["hospital"])
y = cohort["died"]

rkf = RepeatedKFold(n_splits=5, n_repeats=3, random_state=0)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
scores = cross_val_score(model, X, y, cv=rkf, scoring="roc_auc")  # expect: DLR110
print("AUC", scores.mean())
