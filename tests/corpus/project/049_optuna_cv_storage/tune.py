"""Yeast deletion strains: slow growth under oxidative stress (H2O2) from morphology features (CalMorph)."""
import optuna
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, permutation_test_score, train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

STORAGE = "sqlite:///tuning.db"
calmorph = pd.read_csv("data/calmorph_features.csv", index_col="orf")
y = calmorph.pop("slow_growth_h2o2")
X_tr, X_te, y_tr, y_te = train_test_split(calmorph, y, test_size=0.2, stratify=y, random_state=3)
cv = StratifiedKFold(5, shuffle=True, random_state=3)


def make_mlp(trial):
    return make_pipeline(StandardScaler(), MLPClassifier(
        hidden_layer_sizes=(trial.suggest_int("units", 16, 256, log=True),),
        alpha=trial.suggest_float("alpha", 1e-5, 1e-1, log=True), solver="lbfgs", max_iter=1000, random_state=3))


def make_hgb(trial):
    return HistGradientBoostingClassifier(
        learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        max_leaf_nodes=trial.suggest_int("max_leaf_nodes", 8, 64, log=True),
        l2_regularization=trial.suggest_float("l2", 1e-4, 10, log=True), random_state=3)


best = {}
for name, factory in [("mlp", make_mlp), ("hgb", make_hgb)]:
    study = optuna.create_study(study_name=f"h2o2-{name}", storage=STORAGE, direction="maximize",
                                sampler=optuna.samplers.TPESampler(seed=3), load_if_exists=True)
    study.optimize(lambda t: cross_val_score(factory(t), X_tr, y_tr, cv=cv, scoring="average_precision").mean(),
                   n_trials=50)
    model = factory(optuna.trial.FixedTrial(study.best_params)).fit(X_tr, y_tr)
    p = model.predict_proba(X_te)[:, 1]
    _, null, pval = permutation_test_score(model, X_tr, y_tr, cv=cv, scoring="average_precision",
                                           n_permutations=50, random_state=3)
    print(f"{name}: AUPRC {average_precision_score(y_te, p):.3f} F1 {f1_score(y_te, p > 0.5):.3f} "
          f"(permuted labels {null.mean():.3f}, p={pval:.3f})")
