import numpy as np
from sklearn.linear_model import LogisticRegression


def hrv_features(ecg: np.ndarray) -> np.ndarray:
    diff = np.diff(ecg, axis=-1)
    return np.c_[ecg.std(-1), np.abs(diff).mean(-1), (diff[:, 1:] * diff[:, :-1] < 0).mean(-1)]


def fit_logreg(ecg, y):
    return LogisticRegression(max_iter=1000).fit(hrv_features(ecg), y)
