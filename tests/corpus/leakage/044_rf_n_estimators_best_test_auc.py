"""Random forest on the WDBC features; how many trees?"""
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=42)

best_auc, best_model = 0.0, None
for n_trees in (50, 100, 200, 500, 1000):
    rf = RandomForestClassifier(n_estimators=n_trees, random_state=0, n_jobs=-1)
    rf.fit(X_train, y_train)
    auc = roc_auc_score(y_test, rf.predict_proba(X_test)[:, 1])  # expect: DLR106
    if auc > best_auc:
        best_auc, best_model = auc, rf
print(best_model.n_estimators, "trees, test AUC", best_auc)
