"""Soil pH class (acidic vs. neutral/alkaline) from 16S rRNA genus abundances.

All numpy randomness (rarefaction, bootstrap, label permutation) goes through one seeded Generator.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier as RF
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(2024)
DEPTH = 5000


def rarefy(counts: np.ndarray, depth: int) -> np.ndarray:
    """Subsample every site to the same sequencing depth."""
    out = np.zeros_like(counts)
    for i, row in enumerate(counts):
        reads = np.repeat(np.arange(row.size), row)
        keep = rng.choice(reads, size=depth, replace=False)
        out[i] = np.bincount(keep, minlength=row.size)
    return out


def bootstrap_ap(y_true, score, n=1000):
    stats = []
    for _ in range(n):
        idx = rng.integers(0, len(y_true), len(y_true))
        if y_true[idx].min() != y_true[idx].max():
            stats.append(average_precision_score(y_true[idx], score[idx]))
    return np.percentile(stats, [2.5, 97.5])


table = pd.read_csv("data/genus_counts.csv", index_col="site")
meta = pd.read_csv("data/site_metadata.csv", index_col="site").loc[table.index]
deep_enough = table.sum(axis=1) >= DEPTH
X = np.log1p(rarefy(table[deep_enough].to_numpy(), DEPTH))
y = (meta.loc[deep_enough, "ph"] < 6.0).astype(int).to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=2024)
rf = RF(n_estimators=500, min_samples_leaf=2, random_state=2024, n_jobs=-1).fit(X_tr, y_tr)
score = rf.predict_proba(X_te)[:, 1]
lo, hi = bootstrap_ap(y_te, score)
print(f"AUPRC {average_precision_score(y_te, score):.3f} (95% CI {lo:.3f}-{hi:.3f})")

# label-permutation control: same forest, permuted training labels
null_rf = RF(n_estimators=500, min_samples_leaf=2, random_state=2024, n_jobs=-1).fit(X_tr, rng.permutation(y_tr))
print(f"permuted-label AUPRC {average_precision_score(y_te, null_rf.predict_proba(X_te)[:, 1]):.3f}")
