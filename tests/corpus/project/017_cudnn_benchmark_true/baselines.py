import numpy as np
from sklearn.ensemble import RandomForestClassifier


def hsv_histograms(images):
    return np.stack([np.concatenate([np.histogram(ch, bins=24, range=(0, 1))[0] for ch in img]) for img in images])


def fit_forest(images, labels, seed=0):
    forest = RandomForestClassifier(n_estimators=500, max_features="sqrt", random_state=seed, n_jobs=-1)
    return forest.fit(hsv_histograms(images), labels)
