"""Beat classification (normal vs ventricular) from RR-interval and morphology features."""
import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.utils import resample


class BeatExperiment:
    def __init__(self, n_splits=5, seed=0):
        self.n_splits = n_splits
        self.seed = seed

    def balance(self, X, y):
        minority = y == 1
        X_up, y_up = resample(X[minority], y[minority], replace=True, n_samples=int((~minority).sum()),  # expect: DLR103
                              random_state=self.seed)
        return np.vstack([X[~minority], X_up]), np.concatenate([y[~minority], y_up])

    def evaluate(self, X, y):
        skf = StratifiedKFold(n_splits=self.n_splits, shuffle=True, random_state=self.seed)
        scores = []
        for tr, te in skf.split(X, y):
            clf = GradientBoostingClassifier(random_state=self.seed).fit(X[tr], y[tr])
            scores.append(f1_score(y[te], clf.predict(X[te])))
        return np.array(scores)


if __name__ == "__main__":
    X = np.load("beat_features.npy")
    y = np.load("beat_labels.npy")
    exp = BeatExperiment()
    X_bal, y_bal = exp.balance(X, y)
    f1 = exp.evaluate(X_bal, y_bal)
    print("F1 %.3f +- %.3f" % (f1.mean(), f1.std()))
