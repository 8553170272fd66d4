"""Arrhythmia detection from ECG segments; folds keep every patient's segments together."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

segments = pd.read_csv("ecg_segments.csv").drop_duplicates()
groups = segments["patient_id"].to_numpy()
X = segments.drop(columns=["patient_id", "arrhythmia"]).to_numpy()
y = segments["arrhythmia"].to_numpy()

f1s = []
for tr, te in GroupKFold(n_splits=5).split(X, y, groups=groups):
    rf = RandomForestClassifier(n_estimators=300, class_weight="balanced", random_state=0).fit(X[tr], y[tr])
    f1s.append(f1_score(y[te], rf.predict(X[te])))
print("F1 per fold", np.round(f1s, 3), "mean", np.mean(f1s))
