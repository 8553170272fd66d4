import numpy as np
from sklearn.linear_model import LogisticRegression


def intensity_features(images):
    flat = images.reshape(len(images), -1)
    return np.c_[flat.mean(1), flat.std(1), np.percentile(flat, [5, 25, 50, 75, 95], axis=1).T]


def fit_logreg(images, y):
    return LogisticRegression(max_iter=1000).fit(intensity_features(images), y)
