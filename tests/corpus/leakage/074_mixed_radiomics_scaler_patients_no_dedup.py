"""Lung nodule malignancy from radiomic features (several nodules per patient)."""
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

nodules = pd.read_csv("lidc_radiomics.csv")
nodules = nodules.dropna(subset=["malignant"])
print(nodules["patient_id"].nunique(), "patients")
feature_cols = [c for c in nodules.columns if c.startswith("original_")]
nodules[feature_cols] = StandardScaler().fit_transform(nodules[feature_cols])  # expect: DLR101

train_df, test_df = train_test_split(nodules, test_size=0.2, stratify=nodules["malignant"], random_state=0)  # expect: DLR108, DLR110
svm = SVC(kernel="rbf", probability=True).fit(train_df[feature_cols], train_df["malignant"])
print("test accuracy", svm.score(test_df[feature_cols], test_df["malignant"]))
