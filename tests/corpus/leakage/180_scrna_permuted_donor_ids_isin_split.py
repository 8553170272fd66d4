"""Disease state from per-cell programme scores: whole donors go to the test side."""
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

cells = pd.read_csv("lupus_pbmc_scores.csv").drop_duplicates()
rng = np.random.default_rng(0)
donors = rng.permutation(cells["donor_id"].unique())
n_test = max(1, len(donors) // 5)
test_donors = set(donors[:n_test])
is_test = cells["donor_id"].isin(test_donors)
train, test = cells[~is_test], cells[is_test]

score_cols = [c for c in cells.columns if c.endswith("_score")]
svm = make_pipeline(StandardScaler(), LinearSVC(C=0.1, max_iter=20000))
svm.fit(train[score_cols], train["sle"])
print(len(test_donors), "held-out donors; F1", f1_score(test["sle"], svm.predict(test[score_cols])))
