"""Relapse from expression: the RFE signature is found again inside every fold."""
import pandas as pd
from sklearn.feature_selection import RFE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

expr = pd.read_csv("gse2034_expression.csv").drop_duplicates()
y = expr["relapse"].to_numpy()
X = expr.drop(columns="relapse").to_numpy()
pipe = Pipeline([
    ("rfe", RFE(LinearSVC(C=0.1, dual=False), n_features_to_select=50, step=0.1)),
    ("lr", LogisticRegression(max_iter=1000)),
])
proba = cross_val_predict(pipe, X, y, cv=StratifiedKFold(10, shuffle=True, random_state=0), method="predict_proba")
print("out-of-fold AUC", roc_auc_score(y, proba[:, 1]))
