"""Random forest for Alzheimer's status from CSF biomarkers; report CV accuracy on the held-out data."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import cross_val_score, train_test_split

csf = pd.read_csv("csf_biomarkers.csv").drop_duplicates()
X = csf[["abeta42", "ptau181", "ttau", "nfl", "age"]]
y = csf["ad_status"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=12)

rf = RandomForestClassifier(n_estimators=300, random_state=12).fit(X_train, y_train)
scores = cross_val_score(rf, X_test, y_test, cv=5)  # expect: DLR105
print("CV accuracy on held-out data", scores.mean())
