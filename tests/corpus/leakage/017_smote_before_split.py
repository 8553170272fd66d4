"""Early sepsis detection from vital signs; the positive class is rare, so it is oversampled with SMOTE."""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

df = pd.read_csv("sepsis_vitals.csv").drop_duplicates()
X = df.drop(columns=["sepsis"])
y = df["sepsis"]
print(y.value_counts())

X_res, y_res = SMOTE(random_state=42).fit_resample(X, y)  # expect: DLR103
X_train, X_test, y_train, y_test = train_test_split(X_res, y_res, test_size=0.2, random_state=42)

rf = RandomForestClassifier(n_estimators=400, random_state=42).fit(X_train, y_train)
print(classification_report(y_test, rf.predict(X_test)))
