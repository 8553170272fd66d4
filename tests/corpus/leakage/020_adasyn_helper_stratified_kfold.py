"""Cardiotoxicity (hERG block) classifier; ADASYN to balance the classes before 5-fold CV."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import ADASYN
from sklearn.metrics import matthews_corrcoef
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import SVC


def rebalance(features, target):
    return ADASYN(n_neighbors=5, random_state=0).fit_resample(features, target)  # expect: DLR103


herg = pd.read_csv("herg_fingerprints.csv").drop_duplicates()
X = herg.filter(like="bit_").to_numpy()
y = herg["blocker"].to_numpy()
X, y = rebalance(X, y)

mccs = []
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
for fold, (tr, te) in enumerate(skf.split(X, y)):
    clf = SVC(kernel="rbf", C=3.0).fit(X[tr], y[tr])
    mccs.append(matthews_corrcoef(y[te], clf.predict(X[te])))
    print(f"fold {fold}: MCC {mccs[-1]:.3f}")
print("mean MCC", np.mean(mccs))
