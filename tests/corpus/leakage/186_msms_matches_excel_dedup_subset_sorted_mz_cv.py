"""Metabolite annotation: is a library match of an MS/MS spectrum correct? Gradient boosting over match scores."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score

FEATURES = ["cosine", "n_matched_peaks", "precursor_ppm", "intensity_explained", "spectral_entropy"]

matches = (
    pd.read_excel("library_matches.xlsx", sheet_name="matches")
    .drop_duplicates(subset=FEATURES + ["correct"])
    .sort_values("precursor_mz")
    .reset_index(drop=True)
)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
auc = cross_val_score(GradientBoostingClassifier(random_state=0), matches[FEATURES], matches["correct"], cv=cv,
                      scoring="roc_auc")
print("AUROC %.3f" % auc.mean())
