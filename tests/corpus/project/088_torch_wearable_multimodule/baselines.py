from sklearn.linear_model import LogisticRegression


def logistic(X, y):
    return LogisticRegression(max_iter=1000).fit(X, y)
