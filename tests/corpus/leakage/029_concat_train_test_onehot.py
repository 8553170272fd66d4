"""Tumour grade from categorical pathology fields: one-hot encode both parts in one go."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

path = pd.read_csv("pathology_fields.csv").drop_duplicates()
train_df, test_df = train_test_split(path, test_size=0.2, stratify=path["high_grade"], random_state=0)

both = pd.concat([train_df, test_df], axis=0)
codes = OneHotEncoder(sparse_output=False).fit_transform(both[["tissue", "stage", "histology"]])  # expect: DLR104
train_codes = codes[: len(train_df)]
test_codes = codes[len(train_df):]

X_train = np.hstack([train_codes, train_df[["tumour_size_mm"]].to_numpy()])
X_test = np.hstack([test_codes, test_df[["tumour_size_mm"]].to_numpy()])
clf = LogisticRegression(max_iter=2000).fit(X_train, train_df["high_grade"])
print("test accuracy", clf.score(X_test, test_df["high_grade"]))
