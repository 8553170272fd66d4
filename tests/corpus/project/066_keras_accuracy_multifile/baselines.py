from sklearn.ensemble import RandomForestClassifier


def fit_forest(X, y, seed=0):
    return RandomForestClassifier(n_estimators=400, max_features=0.2, random_state=seed, n_jobs=-1).fit(X, y)
