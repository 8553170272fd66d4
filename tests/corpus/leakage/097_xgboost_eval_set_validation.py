"""XGBoost on WDBC; early stopping watches a validation part taken from the training part."""
import xgboost as xgb
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=0)

clf = xgb.XGBClassifier(n_estimators=2000, learning_rate=0.05, max_depth=4,
                        early_stopping_rounds=50, eval_metric="auc")
clf.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=100)
print("test AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
