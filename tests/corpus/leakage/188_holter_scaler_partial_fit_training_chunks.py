"""Streaming standardisation of a large Holter beat table: scaler.partial_fit over training chunks only."""
import numpy as np
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import f1_score
from sklearn.preprocessing import StandardScaler

CHUNK = 50_000
beats = np.load("holter_beat_features.npy", mmap_mode="r")
labels = np.load("holter_beat_labels.npy")
rng = np.random.default_rng(7)
order = rng.permutation(len(labels))
cut = int(0.8 * len(order))
train_idx, test_idx = np.sort(order[:cut]), np.sort(order[cut:])

scaler = StandardScaler()
for start in range(0, len(train_idx), CHUNK):
    scaler.partial_fit(beats[train_idx[start:start + CHUNK]])

clf = SGDClassifier(loss="log_loss", alpha=1e-5, class_weight="balanced", random_state=0)
classes = np.unique(labels)
for start in range(0, len(train_idx), CHUNK):
    chunk = train_idx[start:start + CHUNK]
    clf.partial_fit(scaler.transform(beats[chunk]), labels[chunk], classes=classes)

pred = clf.predict(scaler.transform(beats[test_idx]))
print("macro F1", f1_score(labels[test_idx], pred, average="macro"))
