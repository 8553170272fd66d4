"""Cassava mosaic disease resistance from GBS markers."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

from tuning import tune_forest

gbs = pd.read_csv("data/cassava_gbs.csv", index_col="clone")
y = gbs.pop("cmd_resistant").to_numpy()
X_train, X_test, y_train, y_test = train_test_split(gbs.to_numpy(), y, test_size=0.2, stratify=y, random_state=0)

params = tune_forest(X_train, y_train, X_test, y_test)
rf = RandomForestClassifier(random_state=0, n_jobs=-1, **params).fit(X_train, y_train)
p = rf.predict_proba(X_test)[:, 1]
print(f"AUPRC {average_precision_score(y_test, p):.3f}  F1 {f1_score(y_test, p > 0.5):.3f}")
null = RandomForestClassifier(random_state=0, n_jobs=-1, **params)
null.fit(X_train, np.random.default_rng(0).permutation(y_train))
print(f"AUPRC permuted labels {average_precision_score(y_test, null.predict_proba(X_test)[:, 1]):.3f}")
