"""D. melanogaster vs. D. simulans from male courtship song."""
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import permutation_test_score, train_test_split

from features import song_features

recordings = np.load("data/songs.npz")
X = np.stack([song_features(t) for t in recordings["traces"]])
y = recordings["species"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=12)
rf = RandomForestClassifier(n_estimators=300, random_state=12).fit(X_tr, y_tr)
print(classification_report(y_te, rf.predict(X_te)))
_, null, p = permutation_test_score(rf, X_tr, y_tr, scoring="f1_macro", n_permutations=200, random_state=12)
print(f"permutation p = {p:.4f}")
