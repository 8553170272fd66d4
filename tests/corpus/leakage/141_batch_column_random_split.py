"""Proteomic disease classifier; samples were run in several mass-spec batches."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ms = pd.read_csv("plasma_ms_intensities.csv").drop_duplicates()
print(pd.crosstab(ms["ms_batch"], ms["disease"]))
X = ms.drop(columns=["ms_batch", "disease"])
y = ms["disease"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)  # expect: DLR110
clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=5000)).fit(X_train, y_train)
print("test accuracy", clf.score(X_test, y_test))
