"""Lipidomic signature of NAFLD: z-scored log intensities, elastic-net logistic regression, 10-fold CV."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate

intens = np.load("lipid_intensities.npy")
nafld = np.load("nafld_status.npy")
log_int = np.log2(intens + 1.0)
log_int = (log_int - log_int.mean(axis=0)) / log_int.std(axis=0)  # expect: DLR109

enet = LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.2, max_iter=10000)
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
out = cross_validate(enet, log_int, nafld, cv=cv, scoring="roc_auc", return_estimator=True)
print("AUROC", out["test_score"].mean())
nonzero = np.vstack([np.abs(est.coef_[0]) > 0 for est in out["estimator"]])
print("lipids kept in every fold:", np.flatnonzero(nonzero.all(axis=0)))
