"""Arrhythmia detection from 10-second ECG segments (several segments per patient)."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

segments = pd.read_csv("ecg_segments.csv").drop_duplicates()
print(segments["patient_id"].nunique(), "patients,", len(segments), "segments")
X = segments.drop(columns=["patient_id", "arrhythmia"]).to_numpy()
y = segments["arrhythmia"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)  # expect: DLR110
rf = RandomForestClassifier(n_estimators=300, class_weight="balanced", random_state=0).fit(X_train, y_train)
print("test F1", f1_score(y_test, rf.predict(X_test)))
