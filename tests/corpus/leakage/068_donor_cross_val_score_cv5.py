"""Cell-type classifier on PBMC single-cell features pooled from eight donors."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

cells = pd.read_csv("pbmc_cell_features.csv").drop_duplicates()
print(cells["donor"].value_counts())
X = cells.drop(columns=["donor", "cell_type"])
y = cells["cell_type"]

clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000))
scores = cross_val_score(clf, X, y, cv=5)  # expect: DLR110
print("accuracy", scores.mean())
