"""Antibiotic resistance from k-mer presence/absence with XGBoost; pick max_depth."""
import numpy as np
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

X = np.load("amr_kmer_matrix.npy")
y = np.load("amr_resistant.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)

depths = [2, 3, 4, 6, 8, 10]
fitted, scores = [], []
for depth in depths:
    booster = XGBClassifier(n_estimators=300, max_depth=depth, learning_rate=0.1)
    booster.fit(X_train, y_train)
    fitted.append(booster)
    scores.append(balanced_accuracy_score(y_test, booster.predict(X_test)))  # expect: DLR106
best_model = fitted[int(np.argmax(scores))]
print("chosen depth", depths[int(np.argmax(scores))], "balanced accuracy", max(scores))
