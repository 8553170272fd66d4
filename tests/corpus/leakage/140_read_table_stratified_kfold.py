"""Lymph-node metastasis from a TSV of immunohistochemistry scores; 5-fold stratified CV."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold

ihc = pd.read_table("ihc_scores.tsv")
X = ihc.drop(columns=["node_positive"]).to_numpy()
y = ihc["node_positive"].to_numpy()

accs = []
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
for tr, te in skf.split(X, y):  # expect: DLR108
    rf = RandomForestClassifier(n_estimators=300, random_state=0).fit(X[tr], y[tr])
    accs.append(rf.score(X[te], y[te]))
print("accuracy", np.mean(accs))
