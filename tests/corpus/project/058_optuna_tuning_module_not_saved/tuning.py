import optuna
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score


def tune_hgb(X_train, y_train, X_val, y_val, n_trials=80):
    def objective(trial):
        model = HistGradientBoostingClassifier(
            learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            max_depth=trial.suggest_int("max_depth", 2, 8),
            min_samples_leaf=trial.suggest_int("min_samples_leaf", 5, 50),
            random_state=0,
        ).fit(X_train, y_train)
        return average_precision_score(y_val, model.predict_proba(X_val)[:, 1])

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
    study.optimize(objective, n_trials=n_trials)  # expect: DLR303
    return study.best_params
