import numpy as np
from sklearn.linear_model import LogisticRegression


def summary_features(series: np.ndarray) -> np.ndarray:
    """series: (stays, hours, signals) -> mean, min, max and last value per signal."""
    return np.concatenate([series.mean(1), series.min(1), series.max(1), series[:, -1]], axis=1)


def fit_summary_logreg(series, y):
    return LogisticRegression(C=0.1, max_iter=5000).fit(summary_features(series), y)
