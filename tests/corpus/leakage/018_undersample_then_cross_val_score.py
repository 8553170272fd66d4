"""Adverse drug reaction prediction from molecular descriptors; majority class undersampled."""
import pandas as pd
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

descriptors = pd.read_parquet("adr_descriptors.parquet").drop_duplicates()
y = descriptors["hepatotoxic"].to_numpy()
X = descriptors.drop(columns=["hepatotoxic"]).to_numpy()

rus = RandomUnderSampler(sampling_strategy=0.5, random_state=0)
X_bal, y_bal = rus.fit_resample(X, y)  # expect: DLR103
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(LogisticRegression(max_iter=1000), X_bal, y_bal, cv=cv, scoring="balanced_accuracy")
print("balanced accuracy", scores.mean())
