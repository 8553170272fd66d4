"""Protein solubility in E. coli cell-free expression from sequence composition."""
import numpy as np
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

from baselines import fit_baselines
from data import load_subset

X, y = load_subset("data/esol.csv")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

mlp = MLPClassifier(hidden_layer_sizes=(128, 64), solver="lbfgs", alpha=1e-3, max_iter=500, random_state=0)
mlp.fit(X_tr, y_tr)
models = {"mlp": mlp, **fit_baselines(X_tr, y_tr)}

rng = np.random.default_rng(0)
null = MLPClassifier(hidden_layer_sizes=(128, 64), solver="lbfgs", alpha=1e-3, max_iter=500, random_state=0)
models["mlp_permuted_labels"] = null.fit(X_tr, rng.permutation(y_tr))

for name, model in models.items():
    p = model.predict_proba(X_te)[:, 1]
    print(f"{name:20s} AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")
