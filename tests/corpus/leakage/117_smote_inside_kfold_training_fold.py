"""hERG blockers: SMOTE applied to the training fold only, inside the CV loop."""
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import matthews_corrcoef
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import SVC

herg = pd.read_csv("herg_fingerprints.csv").drop_duplicates()
X = herg.filter(like="bit_").to_numpy()
y = herg["blocker"].to_numpy()

mccs = []
for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(X, y):
    X_tr, y_tr = SMOTE(random_state=0).fit_resample(X[tr], y[tr])
    clf = SVC(kernel="rbf", C=3.0).fit(X_tr, y_tr)
    mccs.append(matthews_corrcoef(y[te], clf.predict(X[te])))
print("mean MCC", np.mean(mccs))
