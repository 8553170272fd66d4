"""Nested CV: the grid search runs inside every outer fold."""
from sklearn.datasets import load_breast_cancer
from sklearn.decomposition import PCA
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
pipe = Pipeline([("scale", StandardScaler()), ("pca", PCA()), ("svm", SVC())])
inner = GridSearchCV(pipe, {"pca__n_components": [5, 10, 20], "svm__C": [0.1, 1, 10]},
                     cv=KFold(5, shuffle=True, random_state=1))
outer_scores = cross_val_score(inner, X, y, cv=KFold(5, shuffle=True, random_state=2))
print("nested CV accuracy", outer_scores.mean())
