"""Hypoglycaemia within 24 h, one row per encounter and several encounters per patient: split by patient."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit

enc = pd.read_csv("diabetes_encounters.csv").drop_duplicates()
groups = enc["patient_id"]
y = enc["hypo_24h"]
X = enc.drop(columns=["patient_id", "hypo_24h"])

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
train_idx, test_idx = next(gss.split(X, y, groups=groups))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

search = GridSearchCV(
    HistGradientBoostingClassifier(),
    {"learning_rate": [0.03, 0.1], "max_leaf_nodes": [15, 31, 63]},
    cv=GroupKFold(n_splits=5),
    scoring="roc_auc",
)
search.fit(X_train, y_train, groups=groups.iloc[train_idx])
print(search.best_params_)
print("test AUROC", roc_auc_score(y_test, search.predict_proba(X_test)[:, 1]))
