import json

from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def tuned_svm(X, y, out="svm_best_params.json"):
    grid = GridSearchCV(make_pipeline(StandardScaler(), SVC()),
                        {"svc__C": [0.1, 1, 10, 100], "svc__gamma": ["scale", 1e-3, 1e-2]},
                        cv=5, scoring="average_precision").fit(X, y)
    with open(out, "w") as fh:
        json.dump(grid.best_params_, fh)
    return grid.best_estimator_
