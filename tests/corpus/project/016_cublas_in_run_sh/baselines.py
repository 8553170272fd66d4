import numpy as np
from sklearn.linear_model import LogisticRegression


def colour_histograms(images: np.ndarray, bins: int = 16) -> np.ndarray:
    """images: (n, 3, h, w) in [0, 1] -> per-channel histograms."""
    feats = [np.histogram(img[c], bins=bins, range=(0, 1))[0] for img in images for c in range(3)]
    return np.asarray(feats, dtype=np.float32).reshape(len(images), 3 * bins)


def fit_histogram_logreg(images, labels):
    return LogisticRegression(C=0.1, max_iter=3000).fit(colour_histograms(images), labels)
