"""Winter colony loss of honeybee hives from worker gut microbiome profiles."""
import json

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, permutation_test_score, train_test_split
from sklearn.neural_network import MLPClassifier

hives = pd.read_csv("data/hive_microbiome.csv", index_col="hive")
y = hives.pop("lost_over_winter")
X_tr, X_te, y_tr, y_te = train_test_split(hives, y, test_size=0.25, stratify=y, random_state=1)
cv = StratifiedKFold(5, shuffle=True, random_state=1)

search = GridSearchCV(MLPClassifier(solver="lbfgs", max_iter=3000, random_state=1),
                      {"hidden_layer_sizes": [(8,), (32,), (32, 8)], "alpha": [1e-4, 1e-2, 1.0]},
                      cv=cv, scoring="average_precision").fit(X_tr, y_tr)
with open("mlp_grid.json", "w") as fh:
    json.dump({"best_params": search.best_params_, "best_score": search.best_score_}, fh)

rf = RandomForestClassifier(random_state=1, n_jobs=-1)  # expect: DLR302
rf.fit(X_tr, y_tr)
for name, model in [("mlp", search.best_estimator_), ("random forest", rf)]:
    print(name, "AUPRC", average_precision_score(y_te, model.predict_proba(X_te)[:, 1]))
_, null, p = permutation_test_score(search.best_estimator_, X_tr, y_tr, cv=cv, scoring="average_precision",
                                    n_permutations=100, random_state=1)
print(f"MLP vs. permuted labels: p = {p:.3f}")
