"""Arabidopsis flowering time (days, 10 C) from 250k-SNP principal components and climate of origin."""
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, permutation_test_score, train_test_split

accessions = pd.read_csv("data/accessions.csv", index_col="ecotype_id")
features = [c for c in accessions.columns if c.startswith(("snp_pc", "clim_"))]
X, y = accessions[features], accessions["ft10"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=10)

gbr = GradientBoostingRegressor(n_estimators=400, learning_rate=0.03, max_depth=3, subsample=0.8, random_state=10)
gbr.fit(X_tr, y_tr)
pred = gbr.predict(X_te)
print(f"MAE {mean_absolute_error(y_te, pred):.1f} days, R2 {r2_score(y_te, pred):.3f}")

score, null, p = permutation_test_score(gbr, X_tr, y_tr, cv=KFold(5, shuffle=True, random_state=10),
                                        scoring="r2", n_permutations=100, random_state=10)
print(f"CV R2 {score:.3f}; permuted phenotypes {null.mean():.3f}; p = {p:.3f}")
