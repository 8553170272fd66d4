"""Rare arrhythmia classes: SMOTE applied to each training fold only, folds in a list comprehension."""
import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

X = np.load("mitbih_beat_features.npy")
y = np.load("mitbih_beat_classes.npy")


def run_fold(train_idx, test_idx, seed=0):
    X_res, y_res = SMOTE(k_neighbors=5, random_state=seed).fit_resample(X[train_idx], y[train_idx])
    rf = RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=seed).fit(X_res, y_res)
    return f1_score(y[test_idx], rf.predict(X[test_idx]), average="macro")


skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)
macro_f1 = [run_fold(tr, te) for tr, te in skf.split(X, y)]
print("macro F1 per fold", np.round(macro_f1, 3))
