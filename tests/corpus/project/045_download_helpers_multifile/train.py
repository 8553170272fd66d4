"""Developmental toxicity in zebrafish embryos (mortality at 120 hpf) from compound descriptors."""
from pathlib import Path

import gdown
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

from download import fetch_descriptors, fetch_outcomes

Path("data").mkdir(exist_ok=True)
desc = pd.read_csv(fetch_descriptors(Path("data/descriptors.csv")), index_col="inchikey")
tox = pd.read_csv(fetch_outcomes(Path("data/outcomes.csv")), index_col="inchikey")
extra = gdown.download(id="1xTq9Zk_LmNpRsWvYbHuJoKi", output="data/curated_controls.csv", quiet=True)  # expect: DLR208
controls = pd.read_csv(extra, index_col="inchikey")
df = desc.join(pd.concat([tox, controls])["toxic"], how="inner")

y = df.pop("toxic").to_numpy()
X_tr, X_te, y_tr, y_te = train_test_split(df.to_numpy(), y, test_size=0.2, stratify=y, random_state=9)
gbm = GradientBoostingClassifier(n_estimators=300, max_depth=3, random_state=9).fit(X_tr, y_tr)
p = gbm.predict_proba(X_te)[:, 1]
print(f"AUPRC {average_precision_score(y_te, p):.3f}  F1 {f1_score(y_te, p > 0.5):.3f}")
null = GradientBoostingClassifier(n_estimators=300, max_depth=3, random_state=9)
null.fit(X_tr, np.random.default_rng(9).permutation(y_tr))
print(f"AUPRC permuted labels {average_precision_score(y_te, null.predict_proba(X_te)[:, 1]):.3f}")
