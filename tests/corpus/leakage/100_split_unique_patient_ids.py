"""ECG segments: split the patient ids, then take each patient's segments to one side."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

segments = pd.read_csv("ecg_segments.csv").drop_duplicates()
patients = segments["patient_id"].unique()
train_ids, test_ids = train_test_split(patients, test_size=0.2, random_state=0)
train = segments[segments["patient_id"].isin(train_ids)]
test = segments[segments["patient_id"].isin(test_ids)]

features = [c for c in segments.columns if c not in ("patient_id", "arrhythmia")]
rf = RandomForestClassifier(n_estimators=300, random_state=0).fit(train[features], train["arrhythmia"])
print("test accuracy", rf.score(test[features], test["arrhythmia"]))
