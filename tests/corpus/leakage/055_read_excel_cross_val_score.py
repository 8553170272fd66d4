"""Reanalysis of a supplementary table: metabolite panel vs preeclampsia."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline

table = pd.read_excel("supplementary_table_s2.xlsx", sheet_name="metabolites")
X = table.drop(columns=["preeclampsia"])
y = table["preeclampsia"]

pipe = Pipeline([("impute", SimpleImputer(strategy="median")), ("rf", RandomForestClassifier(random_state=0))])
scores = cross_val_score(pipe, X, y, cv=5, scoring="roc_auc")  # expect: DLR108
print(f"AUC {scores.mean():.3f} ({scores.std():.3f})")
