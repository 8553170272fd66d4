"""Seizure detection: leave-one-subject-out cross-validation."""
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.model_selection import LeaveOneGroupOut, cross_val_score

eeg = pd.read_csv("eeg_epoch_features.csv").drop_duplicates()
X = eeg.drop(columns=["subject", "seizure"]).values
y = eeg["seizure"].values
subjects = eeg["subject"].values
scores = cross_val_score(ExtraTreesClassifier(n_estimators=300, random_state=0), X, y,
                         groups=subjects, cv=LeaveOneGroupOut(), scoring="balanced_accuracy")
print("per-subject balanced accuracy", scores.round(3))
