"""Major depression (SCID) from PHQ-9 items and sleep questions in a student cohort."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import permutation_test_score, train_test_split

answers = pd.read_csv("data/participants_questionnaires.csv")
items = [c for c in answers.columns if c.startswith(("phq_", "sleep_"))]
X_tr, X_te, y_tr, y_te = train_test_split(answers[items], answers["scid_mdd"], test_size=0.3,
                                          stratify=answers["scid_mdd"], random_state=0)
clf = LogisticRegression(C=0.2, class_weight="balanced").fit(X_tr, y_tr)
pred = clf.predict(X_te)
print(f"F1 {f1_score(y_te, pred):.3f} precision {precision_score(y_te, pred):.3f} recall {recall_score(y_te, pred):.3f}")
_, null, p = permutation_test_score(clf, X_tr, y_tr, scoring="f1", n_permutations=1000, random_state=0)
print(f"permutation p = {p:.4f}")
