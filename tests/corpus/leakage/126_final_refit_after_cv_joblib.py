"""Cross-validate the whole pipeline, then refit it on every row and save it for the web server."""
import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

geri = pd.read_csv("geriatric_frailty_class.csv").drop_duplicates()
X = geri.drop(columns=["frail"])
y = geri["frail"]
pipe = make_pipeline(SimpleImputer(strategy="median"), RandomForestClassifier(n_estimators=300, random_state=0))
print("CV AUC", cross_val_score(pipe, X, y, cv=5, scoring="roc_auc").mean())
pipe.fit(X, y)
joblib.dump(pipe, "frailty_model.joblib")
