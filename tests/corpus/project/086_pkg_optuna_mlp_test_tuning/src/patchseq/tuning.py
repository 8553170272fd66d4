import optuna
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier


def tune_mlp(X_train, y_train, X_test, y_test, n_trials=50):
    def objective(trial):
        mlp = MLPClassifier(hidden_layer_sizes=(trial.suggest_int("units", 16, 256, log=True),),
                            alpha=trial.suggest_float("alpha", 1e-5, 1e-1, log=True),
                            solver="lbfgs", max_iter=2000, random_state=0)
        mlp.fit(X_train, y_train)
        return f1_score(y_test, mlp.predict(X_test), average="macro")

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
    study.optimize(objective, n_trials=n_trials)  # expect: DLR303, DLR402
    return study.best_params
