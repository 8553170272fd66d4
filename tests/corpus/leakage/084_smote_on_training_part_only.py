"""Antimicrobial peptides: split first, then SMOTE only the training part."""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import matthews_corrcoef
from sklearn.model_selection import train_test_split

amp = pd.read_csv("amp_descriptors.csv").drop_duplicates()
X = amp.drop(columns=["is_amp"]).values
y = amp["is_amp"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train_res, y_train_res = SMOTE(k_neighbors=3, random_state=0).fit_resample(X_train, y_train)

rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train_res, y_train_res)
print("MCC", matthews_corrcoef(y_test, rf.predict(X_test)))
