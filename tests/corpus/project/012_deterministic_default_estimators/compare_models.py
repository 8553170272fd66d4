"""Yeast protein localisation (UCI yeast, 8 sequence-derived features) with default linear/kernel models."""
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold, cross_val_score, permutation_test_score, train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

COLUMNS = ["mcg", "gvh", "alm", "mit", "erl", "pox", "vac", "nuc"]

df = pd.read_csv("data/yeast.data", sep=r"\s+", names=["accession", *COLUMNS, "site"])
df = df[df["site"].isin(["CYT", "NUC", "MIT", "ME3"])]
X_train, X_test, y_train, y_test = train_test_split(df[COLUMNS], df["site"], test_size=0.25,
                                                    stratify=df["site"], random_state=0)

models = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression()),
    "svm": make_pipeline(StandardScaler(), SVC()),
    "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=7)),
    "naive_bayes": GaussianNB(),
    "pca_logreg": make_pipeline(StandardScaler(), PCA(n_components=5), LogisticRegression()),
}
cv = StratifiedKFold(n_splits=5)
for name, model in models.items():
    f1 = cross_val_score(model, X_train, y_train, cv=cv, scoring="f1_macro")
    print(f"{name:12s} CV macro-F1 {f1.mean():.3f} +- {f1.std():.3f}")

final = models["logreg"].fit(X_train, y_train)
print(classification_report(y_test, final.predict(X_test)))

score, null_scores, p = permutation_test_score(models["logreg"], X_train, y_train, cv=cv, scoring="f1_macro",
                                               n_permutations=200, random_state=0)
print(f"permutation test: macro-F1 {score:.3f} vs. {null_scores.mean():.3f} (p={p:.4f})")
