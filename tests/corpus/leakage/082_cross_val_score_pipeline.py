"""RBF-SVM on WDBC with scaling inside the pipeline, 10-fold CV."""
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
pipe = Pipeline([("scale", StandardScaler()), ("svm", SVC(kernel="rbf", C=10))])
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
scores = cross_val_score(pipe, X, y, cv=cv)
print(f"accuracy {scores.mean():.3f} +/- {scores.std():.3f}")
