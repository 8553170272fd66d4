"""Sepsis from vitals: SMOTE inside an imbalanced-learn pipeline, so each fold resamples its own training part."""
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.preprocessing import StandardScaler

vitals = pd.read_csv("sepsis_vitals.csv").drop_duplicates()
X = vitals.drop(columns=["sepsis"])
y = vitals["sepsis"]
pipe = Pipeline([
    ("scale", StandardScaler()),
    ("smote", SMOTE(random_state=42)),
    ("rf", RandomForestClassifier(n_estimators=300, random_state=42)),
])
scores = cross_val_score(pipe, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=42), scoring="f1")
print("F1", scores.mean())
