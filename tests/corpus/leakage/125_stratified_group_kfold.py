"""PBMC cell types pooled from eight donors; folds split by donor, stratified by cell type."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cells = pd.read_csv("pbmc_cell_features.csv").drop_duplicates()
X = cells.drop(columns=["donor", "cell_type"]).to_numpy()
y = cells["cell_type"].to_numpy()
donors = cells["donor"].to_numpy()

accs = []
for tr, te in StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=0).split(X, y, donors):
    clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(X[tr], y[tr])
    accs.append(clf.score(X[te], y[te]))
print("accuracy", np.mean(accs))
