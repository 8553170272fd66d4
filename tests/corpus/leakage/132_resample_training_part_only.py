"""Rare-disease panel: split first, then upsample the affected cases of the training part."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import recall_score
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

panel = pd.read_csv("rare_disease_panel.csv").drop_duplicates()
train, test = train_test_split(panel, test_size=0.25, stratify=panel["affected"], random_state=123)
majority = train[train["affected"] == 0]
minority = train[train["affected"] == 1]
minority_up = resample(minority, replace=True, n_samples=len(majority), random_state=123)
train_bal = pd.concat([majority, minority_up])

gbc = GradientBoostingClassifier().fit(train_bal.drop(columns="affected"), train_bal["affected"])
print("sensitivity", recall_score(test["affected"], gbc.predict(test.drop(columns="affected"))))
