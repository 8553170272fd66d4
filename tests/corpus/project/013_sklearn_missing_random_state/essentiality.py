"""Conditional essentiality of E. coli genes in M9 glucose (Keio collection) from protein features."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import KFold, cross_val_score, permutation_test_score, train_test_split

genes = pd.read_csv("data/keio_m9_features.csv", index_col="locus_tag")
y = genes.pop("essential_m9")
X_train, X_test, y_train, y_test = train_test_split(genes, y, test_size=0.2, stratify=y)  # expect: DLR202

rf = RandomForestClassifier(n_estimators=500, class_weight="balanced", n_jobs=-1)  # expect: DLR202
kf = KFold(n_splits=5, shuffle=True)  # expect: DLR202
print("CV F1 rf ", cross_val_score(rf, X_train, y_train, cv=kf, scoring="f1").mean())
hgb = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=None)  # expect: DLR202
print("CV F1 hgb", cross_val_score(hgb, X_train, y_train, cv=kf, scoring="f1").mean())

rf.fit(X_train, y_train)
print(classification_report(y_test, rf.predict(X_test), target_names=["non-essential", "essential"]))
score, perm, p = permutation_test_score(rf, X_train, y_train, cv=kf, scoring="f1", n_permutations=100,
                                        random_state=0)
print(f"permutation test p = {p:.3f}")
