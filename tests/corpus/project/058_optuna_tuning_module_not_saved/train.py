"""Western diet vs. control diet from mouse liver metabolomics (NMR bins)."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import permutation_test_score, train_test_split

from tuning import tune_hgb

nmr = pd.read_csv("data/liver_nmr_bins.csv", index_col="mouse")
y = (nmr.pop("diet") == "western").astype(int)
X_dev, X_test, y_dev, y_test = train_test_split(nmr, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=0)

params = tune_hgb(X_train, y_train, X_val, y_val)
model = HistGradientBoostingClassifier(random_state=0, **params).fit(X_dev, y_dev)
p = model.predict_proba(X_test)[:, 1]
print(f"AUPRC {average_precision_score(y_test, p):.3f} F1 {f1_score(y_test, p > 0.5):.3f}")
_, null, pval = permutation_test_score(model, X_dev, y_dev, scoring="average_precision", n_permutations=100,
                                       random_state=0)
print(f"permuted labels: {null.mean():.3f} (p = {pval:.3f})")
