"""Root vs. shoot tissue from expression: Arabidopsis expression atlas release v2.3."""
import urllib.request
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

ATLAS_URL = "https://example.org/arabidopsis-atlas/releases/v2.3/tissue_expression.tsv.gz"
ANNOTATION_URL = "https://zenodo.org/records/8123456/files/library_annotation.csv"

dest = Path("data/tissue_expression.tsv.gz")
if not dest.exists():
    dest.parent.mkdir(parents=True, exist_ok=True)
    urllib.request.urlretrieve(ATLAS_URL, dest)
expr = pd.read_csv(dest, sep="\t", index_col=0).T
annotation = pd.read_csv(ANNOTATION_URL, index_col="library").loc[expr.index]
y = (annotation["organ"] == "root").astype(int).to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(np.log1p(expr.to_numpy()), y, test_size=0.25, stratify=y, random_state=2)
rf = RandomForestClassifier(n_estimators=500, random_state=2, n_jobs=-1).fit(X_tr, y_tr)
print("AUPRC", average_precision_score(y_te, rf.predict_proba(X_te)[:, 1]))
rng = np.random.default_rng(2)
null_rf = RandomForestClassifier(n_estimators=500, random_state=2, n_jobs=-1).fit(X_tr, rng.permutation(y_tr))
print("AUPRC, permuted labels", average_precision_score(y_te, null_rf.predict_proba(X_te)[:, 1]))
