"""Rare-disease carrier prediction from a gene panel; the affected class is upsampled with sklearn.utils.resample."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import recall_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

panel = pd.read_csv("rare_disease_panel.csv").drop_duplicates()
majority = panel[panel["affected"] == 0]
minority = panel[panel["affected"] == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=123)  # expect: DLR103
balanced = pd.concat([majority, minority_up]).reset_index(drop=True)

X_train, X_test, y_train, y_test = train_test_split(
    balanced.drop(columns="affected"), balanced["affected"], test_size=0.25, random_state=123
)
gbc = GradientBoostingClassifier().fit(X_train, y_train)
print("sensitivity", recall_score(y_test, gbc.predict(X_test)))
