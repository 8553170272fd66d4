"""Traditional baselines, trained on exactly the same split as the network."""
from sklearn.ensemble import RandomForestClassifier as RF
from sklearn.linear_model import LogisticRegression


def train_baselines(X_train, y_train, seed=0):
    models = {
        "logreg": LogisticRegression(C=0.5, max_iter=2000),
        "random_forest": RF(n_estimators=500, min_samples_leaf=2, random_state=seed, n_jobs=-1),
    }
    return {name: m.fit(X_train, y_train) for name, m in models.items()}
