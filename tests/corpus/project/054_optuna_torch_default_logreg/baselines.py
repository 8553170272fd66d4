from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def logistic_baseline(X, y):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))  # expect: DLR302
    return model.fit(X, y)
