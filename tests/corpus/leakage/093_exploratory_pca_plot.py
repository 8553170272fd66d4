"""TCGA subtypes: a PCA map of all tumours for Figure 1, and a separate classifier."""
import matplotlib.pyplot as plt
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

expr = pd.read_csv("tcga_brca_expression.csv").drop_duplicates()
subtype = expr.pop("subtype")
X = expr.to_numpy()

embedding = PCA(n_components=2).fit_transform(StandardScaler().fit_transform(X))
fig, ax = plt.subplots(figsize=(5, 5))
for name in subtype.unique():
    mask = (subtype == name).to_numpy()
    ax.scatter(embedding[mask, 0], embedding[mask, 1], s=6, label=name)
ax.legend()
fig.savefig("figure1_pca.png", dpi=200)

X_train, X_test, y_train, y_test = train_test_split(X, subtype, test_size=0.2, stratify=subtype, random_state=0)
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X_train, y_train)
print("test accuracy", clf.score(X_test, y_test))
