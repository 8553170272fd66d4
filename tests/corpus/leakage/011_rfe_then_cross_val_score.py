"""Relapse prediction from GSE2034 expression with a 50-gene signature found by RFE."""
import pandas as pd
from sklearn.feature_selection import RFE
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.svm import LinearSVC

expr = pd.read_csv("gse2034_expression.csv").drop_duplicates()
y = expr["relapse"].to_numpy()
X = expr.drop(columns="relapse").to_numpy()

rfe = RFE(LinearSVC(C=0.1, dual=False), n_features_to_select=50, step=0.1)
rfe.fit(X, y)  # expect: DLR102
X_sel = rfe.transform(X)

cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
scores = cross_val_score(LogisticRegression(max_iter=1000), X_sel, y, cv=cv, scoring="roc_auc")
print(f"10-fold AUC {scores.mean():.3f} +/- {scores.std():.3f}")
