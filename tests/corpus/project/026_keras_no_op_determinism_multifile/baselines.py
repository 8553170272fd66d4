from sklearn.ensemble import RandomForestClassifier


def forest(seed=0):
    return RandomForestClassifier(n_estimators=300, max_depth=8, random_state=seed, n_jobs=-1)
