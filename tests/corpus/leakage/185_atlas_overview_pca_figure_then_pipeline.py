"""Lung atlas cell-type classifier; the scaled PCA scatter is an overview figure only."""
import matplotlib.pyplot as plt
import numpy as np
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

expr = np.log1p(np.load("lung_atlas_hvg_counts.npy"))
cell_type = np.load("lung_atlas_celltype.npy", allow_pickle=True)

# Figure 1b: overview of the atlas
overview = PCA(n_components=2).fit_transform(StandardScaler().fit_transform(expr))
fig, ax = plt.subplots(figsize=(5, 5))
for ct in np.unique(cell_type):
    m = cell_type == ct
    ax.scatter(overview[m, 0], overview[m, 1], s=1, label=ct)
ax.legend(markerscale=8, fontsize=6)
fig.savefig("fig1b_pca.png", dpi=300)

X_train, X_test, y_train, y_test = train_test_split(expr, cell_type, test_size=0.2, stratify=cell_type,
                                                    random_state=0)
clf = make_pipeline(StandardScaler(), PCA(n_components=50), LogisticRegression(max_iter=3000))
clf.fit(X_train, y_train)
print("macro F1", f1_score(y_test, clf.predict(X_test), average="macro"))
