import numpy as np
from sklearn.metrics import average_precision_score, precision_recall_curve


def pr_report(y_true, scores, out_csv=None):
    ap = average_precision_score(y_true, scores)
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    if out_csv:
        np.savetxt(out_csv, np.c_[precision[:-1], recall[:-1], thresholds], delimiter=",",
                   header="precision,recall,threshold", comments="")
    print(f"average precision {ap:.3f}")
    return ap
