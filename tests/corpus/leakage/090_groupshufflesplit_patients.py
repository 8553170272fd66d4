"""Lung nodule malignancy; a patient-level hold-out with GroupShuffleSplit."""
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

nodules = pd.read_csv("lidc_radiomics.csv").drop_duplicates()
feature_cols = [c for c in nodules.columns if c.startswith("original_")]
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(gss.split(nodules, nodules["malignant"], groups=nodules["patient_id"]))
train_df, test_df = nodules.iloc[train_idx], nodules.iloc[test_idx]

model = make_pipeline(StandardScaler(), SVC(kernel="rbf"))
model.fit(train_df[feature_cols], train_df["malignant"])
print("test accuracy", model.score(test_df[feature_cols], test_df["malignant"]))
