"""Lymph-node metastasis from IHC scores (TSV), deduplicated, pipeline cross-validated."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

ihc = pd.read_table("ihc_scores.tsv").drop_duplicates()
X = ihc.drop(columns=["node_positive"])
y = ihc["node_positive"]
pipe = make_pipeline(SimpleImputer(strategy="median"), RandomForestClassifier(n_estimators=300, random_state=0))
scores = cross_val_score(pipe, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0))
print("accuracy", scores.mean())
