"""Eyes-closed resting EEG: mild cognitive impairment vs. healthy ageing (BIDS dataset)."""
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, recall_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, permutation_test_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import band_powers

root = Path("data/bids")
participants = pd.read_csv(root / "participants.tsv", sep="\t")
X = np.stack([band_powers(np.load(root / f"{sub}/eeg/{sub}_task-rest_eeg.npy"))
              for sub in participants["participant_id"]])
y = (participants["group"] == "MCI").to_numpy(int)

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=2000))
cv = StratifiedKFold(5, shuffle=True, random_state=0)
proba = cross_val_predict(clf, X, y, cv=cv, method="predict_proba")[:, 1]
print(f"AUPRC {average_precision_score(y, proba):.3f}  sensitivity {recall_score(y, proba > 0.5):.3f}")
_, null, p = permutation_test_score(clf, X, y, cv=cv, scoring="average_precision", n_permutations=500, random_state=0)
print(f"label permutation p = {p:.4f}")
