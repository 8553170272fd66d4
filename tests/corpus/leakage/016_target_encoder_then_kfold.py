"""TCR-epitope binding from V/J gene usage and HLA allele, target-encoded."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold
from sklearn.preprocessing import TargetEncoder

pairs = pd.read_csv("tcr_epitope_pairs.csv").drop_duplicates()
y = pairs["binds"].to_numpy()
cats = pairs[["v_gene", "j_gene", "hla_allele"]]
X = TargetEncoder(target_type="binary").fit_transform(cats, y)  # expect: DLR102

aucs = []
for tr, te in KFold(n_splits=5, shuffle=True, random_state=1).split(X):
    model = HistGradientBoostingClassifier(max_iter=300).fit(X[tr], y[tr])
    aucs.append(roc_auc_score(y[te], model.predict_proba(X[te])[:, 1]))
print("mean AUC", np.mean(aucs))
