import mlflow
import numpy as np
from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score

SPACE = {
    "n_estimators": hp.quniform("n_estimators", 100, 1000, 100),
    "max_depth": hp.quniform("max_depth", 2, 20, 1),
    "max_features": hp.uniform("max_features", 0.05, 0.8),
}


def tune_forest(X_train, y_train, X_test, y_test, max_evals=60):
    def objective(params):
        params = {"n_estimators": int(params["n_estimators"]), "max_depth": int(params["max_depth"]),
                  "max_features": params["max_features"]}
        with mlflow.start_run(nested=True):
            rf = RandomForestClassifier(random_state=0, n_jobs=-1, **params).fit(X_train, y_train)
            ap = average_precision_score(y_test, rf.predict_proba(X_test)[:, 1])
            mlflow.log_params(params)
            mlflow.log_metric("auprc", ap)
        return {"loss": -ap, "status": STATUS_OK}

    best = fmin(objective, SPACE, algo=tpe.suggest, max_evals=max_evals, trials=Trials(),  # expect: DLR402
                rstate=np.random.default_rng(0))
    return {"n_estimators": int(best["n_estimators"]), "max_depth": int(best["max_depth"]),
            "max_features": best["max_features"]}
