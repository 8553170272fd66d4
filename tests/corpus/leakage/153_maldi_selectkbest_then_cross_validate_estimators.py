"""Serum MALDI-TOF peaks: ANOVA top-200 peaks, then a linear SVM, 10-fold cross-validated."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

spectra = pd.read_csv("maldi_binned_peaks.csv").drop_duplicates()
y = spectra.pop("resistant").to_numpy()
mz = spectra.columns.to_numpy()
X = spectra.to_numpy(dtype=float)

selector = SelectKBest(f_classif, k=200)
X_sel = selector.fit_transform(X, y)  # expect: DLR102
print("selected m/z bins:", mz[selector.get_support()][:20])

cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=7)
res = cross_validate(make_pipeline(StandardScaler(), LinearSVC(C=0.01, max_iter=20000)), X_sel, y, cv=cv,
                     scoring=["roc_auc", "balanced_accuracy"], return_estimator=True)
print("AUROC %.3f +- %.3f" % (res["test_roc_auc"].mean(), res["test_roc_auc"].std()))
coefs = np.vstack([est[-1].coef_ for est in res["estimator"]])
print("largest |coef| bins:", mz[selector.get_support()][np.argsort(-np.abs(coefs).sum(axis=0))[:10]])
