from sklearn.linear_model import LogisticRegression


def fit_baseline(X, y):
    return LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
