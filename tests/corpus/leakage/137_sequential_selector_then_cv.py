"""Forward selection of 8 clinical variables, then 5-fold CV of the reduced model."""
import pandas as pd
from sklearn.feature_selection import SequentialFeatureSelector
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

clin = pd.read_csv("retinopathy_clinical_full.csv").drop_duplicates()
X = clin.drop(columns=["retinopathy"])
y = clin["retinopathy"]

sfs = SequentialFeatureSelector(LogisticRegression(max_iter=2000), n_features_to_select=8, direction="forward", cv=5)
X_sel = sfs.fit_transform(X, y)  # expect: DLR102
print("chosen:", list(X.columns[sfs.get_support()]))

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
print("AUC", cross_val_score(LogisticRegression(max_iter=2000), X_sel, y, cv=cv, scoring="roc_auc").mean())
