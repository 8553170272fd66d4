"""Colorectal cancer from gut metagenome species: centred log-ratio within each sample, then a pipeline."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

species = pd.read_csv("crc_species_counts.csv").drop_duplicates()
y = species.pop("crc").to_numpy()
log_counts = np.log(species.to_numpy(dtype=float) + 0.5)
clr = log_counts - log_counts.mean(axis=1, keepdims=True)  # geometric mean of each sample's own counts

X_train, X_test, y_train, y_test = train_test_split(clr, y, test_size=0.2, stratify=y, random_state=4)
model = make_pipeline(StandardScaler(), LogisticRegression(penalty="l1", solver="liblinear", C=0.1))
model.fit(X_train, y_train)
print("test AUROC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
