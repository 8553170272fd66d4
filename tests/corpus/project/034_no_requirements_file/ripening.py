"""Tomato fruit ripening stage (breaker or later vs. green) from GC-MS volatile profiles."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import StratifiedKFold, permutation_test_score, train_test_split

volatiles = pd.read_csv("data/volatiles.csv", index_col="fruit")
y = (volatiles.pop("stage") != "green").astype(int)
X = np.log1p(volatiles)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=6)

rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=2, random_state=6).fit(X_tr, y_tr)
proba = rf.predict_proba(X_te)[:, 1]
print(f"AUPRC {average_precision_score(y_te, proba):.3f}  F1 {f1_score(y_te, proba > 0.5):.3f}")

score, perm, p = permutation_test_score(RandomForestClassifier(n_estimators=200, random_state=6), X_tr, y_tr,
                                        cv=StratifiedKFold(5), scoring="average_precision",
                                        n_permutations=100, random_state=6)
print(f"label-permutation p = {p:.3f}")
