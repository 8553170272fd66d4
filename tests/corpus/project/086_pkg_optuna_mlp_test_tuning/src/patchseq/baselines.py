from sklearn.ensemble import RandomForestClassifier


def forest():
    return RandomForestClassifier(random_state=0, n_jobs=-1)  # expect: DLR302
