"""COVID-19 severity from per-cell immune programme scores (PBMC, many donors)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

obs = pd.read_csv("pbmc_obs_with_scores.csv").drop_duplicates()
print(obs.groupby("donor_id")["severe"].first().value_counts())
score_cols = [c for c in obs.columns if c.endswith("_score")]
X = obs[score_cols].to_numpy()
y = obs["severe"].to_numpy()

skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
aucs = []
for fold, (tr, te) in enumerate(skf.split(X, y)):  # expect: DLR110
    rf = RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=fold).fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[te], rf.predict_proba(X[te])[:, 1]))
print("cell-level AUROC %.3f" % np.mean(aucs))
