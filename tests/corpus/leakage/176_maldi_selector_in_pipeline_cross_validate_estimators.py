"""Carbapenem resistance from MALDI-TOF spectra: selection inside the pipeline, fold models kept for inspection."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

spectra = pd.read_csv("maldi_binned_peaks_kpneumoniae.csv").drop_duplicates()
y = spectra.pop("meropenem_resistant").to_numpy()
bins = spectra.columns.to_numpy()
X = spectra.to_numpy(dtype=float)

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("select", SelectKBest(f_classif, k=300)),
    ("clf", LogisticRegression(C=0.05, max_iter=10000)),
])
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
res = cross_validate(pipe, X, y, cv=cv, scoring="roc_auc", return_estimator=True)
print("AUROC %.3f +- %.3f" % (res["test_score"].mean(), res["test_score"].std()))

support = np.vstack([est.named_steps["select"].get_support() for est in res["estimator"]])
always = bins[support.all(axis=0)]
print(len(always), "m/z bins selected in every fold:", always[:25])
