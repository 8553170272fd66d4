"""Interpretable decision tree for diabetic retinopathy from clinical variables."""
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, export_text

clin = pd.read_csv("retinopathy_clinical.csv").drop_duplicates()
features = ["hba1c", "duration_years", "sbp", "egfr", "ldl"]
X_train, X_test, y_train, y_test = train_test_split(
    clin[features], clin["retinopathy"], test_size=0.3, random_state=0
)

leaderboard = []
for depth in [2, 3, 4, 6, 8, None]:
    for leaf in [1, 5, 10, 20]:
        tree = DecisionTreeClassifier(max_depth=depth, min_samples_leaf=leaf, random_state=0)
        tree.fit(X_train, y_train)
        auc = roc_auc_score(y_test, tree.predict_proba(X_test)[:, 1])  # expect: DLR106
        leaderboard.append({"depth": depth, "leaf": leaf, "auc": auc})
leaderboard = sorted(leaderboard, key=lambda row: row["auc"], reverse=True)
top = leaderboard[0]
final = DecisionTreeClassifier(max_depth=top["depth"], min_samples_leaf=top["leaf"], random_state=0)
final.fit(X_train, y_train)
print(export_text(final, feature_names=features))
print("test AUC", top["auc"])
