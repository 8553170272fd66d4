"""RBF-SVM on WDBC, 10-fold cross-validation."""
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_scaled = StandardScaler().fit_transform(X)  # expect: DLR109
scores = cross_val_score(SVC(kernel="rbf", C=10), X_scaled, y, cv=10)
print(f"accuracy {scores.mean():.3f} +/- {scores.std():.3f}")
