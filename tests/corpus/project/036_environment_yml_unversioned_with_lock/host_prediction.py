"""Is Klebsiella capsule type KL2 a host of each phage? Receptor-binding-protein domain counts as features."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import permutation_test_score, train_test_split
from xgboost import XGBClassifier

pairs = pd.read_csv("data/rbp_domain_counts.csv", index_col="phage")
y = pairs.pop("infects_KL2")
X_tr, X_te, y_tr, y_te = train_test_split(pairs, y, test_size=0.25, stratify=y, random_state=0)

models = {
    "logreg": LogisticRegression(C=0.3, max_iter=2000),
    "xgboost": XGBClassifier(n_estimators=300, max_depth=4, learning_rate=0.05, subsample=0.8, random_state=0),
}
for name, model in models.items():
    p = model.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
    print(f"{name}: AUPRC={average_precision_score(y_te, p):.3f} F1={f1_score(y_te, p > 0.5):.3f}")
    _, _, pval = permutation_test_score(model, X_tr, y_tr, scoring="average_precision", n_permutations=100,
                                        random_state=0)
    print(f"  label permutation p = {pval:.3f}")
