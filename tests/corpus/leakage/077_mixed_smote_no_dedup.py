"""Antimicrobial peptide classifier from physicochemical descriptors; SMOTE, then split."""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import matthews_corrcoef
from sklearn.model_selection import train_test_split

amp = pd.read_csv("amp_descriptors.csv")
X = amp.drop(columns=["is_amp"]).values
y = amp["is_amp"].values
X_res, y_res = SMOTE(k_neighbors=3, random_state=0).fit_resample(X, y)  # expect: DLR103
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.2, random_state=0)  # expect: DLR108

rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train, y_train)
print("MCC", matthews_corrcoef(y_test, rf.predict(X_test)))
