"""Onset of diabetes within five years in the Pima cohort (OpenML 'diabetes')."""
from sklearn.datasets import fetch_openml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, f1_score
from sklearn.model_selection import train_test_split

pima = fetch_openml(name="diabetes", as_frame=True, parser="auto")  # expect: DLR208
X, y = pima.data, (pima.target == "tested_positive").astype(int)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=8)

rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=3, random_state=8)
rf.fit(X_tr, y_tr)  # expect: DLR403
proba = rf.predict_proba(X_te)[:, 1]
print(f"AUPRC {average_precision_score(y_te, proba):.3f}, F1 {f1_score(y_te, proba > 0.5):.3f}")
