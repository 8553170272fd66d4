"""Sleep apnoea minute-level detection from ECG-derived respiration features."""
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

features = np.load("edr_minute_features.npy")
apnea = np.load("edr_minute_apnea.npy")
rng = np.random.default_rng(2024)
order = rng.permutation(len(features))
n = len(order)
train_idx = order[: int(0.8 * n)]
test_idx = order[int(0.7 * n):]  # last 30% for testing

rf = RandomForestClassifier(n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=0)
rf.fit(features[train_idx], apnea[train_idx])  # expect: DLR107
print("test AUROC", roc_auc_score(apnea[test_idx], rf.predict_proba(features[test_idx])[:, 1]))
