"""CatBoost graft-failure model; early stopping watches a validation part of the training data."""
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

tx = pd.read_csv("kidney_transplant_outcomes.csv").drop_duplicates()
cat_cols = ["donor_type", "hla_mismatch", "induction", "primary_disease"]
X = tx.drop(columns=["graft_failure_1y"])
y = tx["graft_failure_1y"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.15, stratify=y_train, random_state=0)

model = CatBoostClassifier(iterations=3000, learning_rate=0.03, depth=6, cat_features=cat_cols, verbose=200)
model.fit(X_fit, y_fit, eval_set=(X_val, y_val), early_stopping_rounds=100)
print("test AUC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
