"""Protein melting temperature from sequence descriptors: keep the descriptors most correlated with Tm."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold

AA = "ACDEFGHIKLMNPQRSTVWY"


def composition(seq):
    return [seq.count(a) / len(seq) for a in AA]


meltome = pd.read_csv("meltome_human.csv").drop_duplicates()
desc = pd.DataFrame([composition(s) for s in meltome["sequence"]], columns=list(AA), index=meltome.index)
desc["length"] = meltome["sequence"].str.len()
desc["gravy"] = meltome["gravy"]
tm = meltome["tm"]

corr = desc.corrwith(tm).abs()  # expect: DLR102
keep = corr.nlargest(10).index
X = desc[keep].to_numpy()
y = tm.to_numpy()

kf = KFold(n_splits=5, shuffle=True, random_state=3)
fold_r2 = [
    r2_score(y[te], RandomForestRegressor(n_estimators=300, random_state=0).fit(X[tr], y[tr]).predict(X[te]))
    for tr, te in kf.split(X)
]
print("R2 per fold", np.round(fold_r2, 3), "mean", np.mean(fold_r2))
