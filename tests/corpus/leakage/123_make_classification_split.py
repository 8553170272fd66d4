"""Simulation study: synthetic data with 20 informative of 200 features, selection inside the pipeline."""
from sklearn.datasets import make_classification
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

X, y = make_classification(n_samples=400, n_features=200, n_informative=20, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
model = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression(max_iter=2000))
model.fit(X_train, y_train)
print("test accuracy", model.score(X_test, y_test))
