"""Crohn's disease vs. healthy controls from faecal metagenomes (species-level CLR abundances)."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from controls import label_permutation_test

abund = pd.read_csv("data/species_clr.csv", index_col="sample_id")
meta = pd.read_csv("data/participants.csv", index_col="sample_id").loc[abund.index]
y = (meta["diagnosis"] == "CD").astype(int)
X_tr, X_te, y_tr, y_te = train_test_split(abund, y, test_size=0.25, stratify=y, random_state=0)

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000))
clf.fit(X_tr, y_tr)
print(classification_report(y_te, clf.predict(X_te), target_names=["control", "CD"]))
print(label_permutation_test(clf, X_tr, y_tr))
