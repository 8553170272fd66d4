from sklearn.ensemble import ExtraTreesClassifier as ET
from sklearn.linear_model import LogisticRegression


def fit_baselines(X, y):
    return {
        "logreg": LogisticRegression(max_iter=2000).fit(X, y),
        "extra_trees": ET(n_estimators=300, min_samples_leaf=3, n_jobs=-1).fit(X, y),  # expect: DLR202
    }
