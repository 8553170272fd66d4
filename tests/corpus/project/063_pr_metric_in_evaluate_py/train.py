"""Cardiotoxicity (heart-rate drop at 48 hpf) of compounds in zebrafish larvae from RDKit descriptors."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold, permutation_test_score, train_test_split

from evaluate import pr_report

desc = pd.read_csv("data/compound_descriptors.csv", index_col="compound")
y = desc.pop("cardiotoxic")
X_tr, X_te, y_tr, y_te = train_test_split(desc, y, test_size=0.25, stratify=y, random_state=21)

gbm = GradientBoostingClassifier(n_estimators=250, max_depth=3, learning_rate=0.05, random_state=21)
gbm.fit(X_tr, y_tr)
print("accuracy", accuracy_score(y_te, gbm.predict(X_te)))
pr_report(y_te, gbm.predict_proba(X_te)[:, 1], out_csv="pr_curve.csv")

_, null, p = permutation_test_score(gbm, X_tr, y_tr, cv=StratifiedKFold(5), scoring="average_precision",
                                    n_permutations=100, random_state=21)
print(f"label permutation: null AP {null.mean():.3f}, p = {p:.3f}")
