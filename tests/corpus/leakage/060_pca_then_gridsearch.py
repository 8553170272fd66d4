"""Cancer type from RNA-seq (pan-cancer subset): PCA to 95% variance, random forest tuned by grid search."""
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import GridSearchCV

rna = pd.read_csv("pancan_rnaseq.csv").drop_duplicates()
y = rna["cancer_type"]
X = rna.drop(columns=["cancer_type"]).to_numpy()

pca = PCA(n_components=0.95, svd_solver="full")
X_pca = pca.fit_transform(X)  # expect: DLR109
print(pca.n_components_, "components")

grid = GridSearchCV(
    RandomForestClassifier(random_state=0),
    {"max_depth": [5, 10, None], "n_estimators": [200, 500]},
    cv=5,
    scoring="f1_macro",
)
grid.fit(X_pca, y)
print(grid.best_params_, grid.best_score_)
