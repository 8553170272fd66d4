"""Scale, keep the 10 best ANOVA features, then cross-validate a logistic regression."""
from sklearn.datasets import load_breast_cancer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X = StandardScaler().fit_transform(X)  # expect: DLR109
X = SelectKBest(f_classif, k=10).fit_transform(X, y)  # expect: DLR102
print("5-fold accuracy", cross_val_score(LogisticRegression(max_iter=1000), X, y, cv=5).mean())
