import numpy as np
from sklearn.metrics import average_precision_score, f1_score


def report(name: str, y_true: np.ndarray, scores: np.ndarray) -> None:
    print(f"{name}: AUPRC={average_precision_score(y_true, scores):.3f} F1={f1_score(y_true, scores > 0.5):.3f}")
