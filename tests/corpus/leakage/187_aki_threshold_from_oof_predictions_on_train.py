"""Acute kidney injury alert: the probability threshold is chosen on out-of-fold predictions of the training part."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import precision_recall_curve, precision_score, recall_score
from sklearn.model_selection import cross_val_predict, train_test_split

aki = pd.read_csv("aki_features.csv").drop_duplicates()
y = aki.pop("aki_48h").to_numpy()
X = aki.to_numpy(dtype=float)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)

rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=5, class_weight="balanced", random_state=0)
oof = cross_val_predict(rf, X_train, y_train, cv=5, method="predict_proba")[:, 1]
prec, rec, thr = precision_recall_curve(y_train, oof)
ok = rec[:-1] >= 0.8
threshold = thr[ok][np.argmax(prec[:-1][ok])]

rf.fit(X_train, y_train)
alert = rf.predict_proba(X_test)[:, 1] >= threshold
print(f"threshold {threshold:.3f}: test recall {recall_score(y_test, alert):.3f}, "
      f"precision {precision_score(y_test, alert):.3f}")
