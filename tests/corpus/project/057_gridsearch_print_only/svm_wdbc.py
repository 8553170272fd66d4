"""RBF-SVM on WDBC with a grid search over C and gamma."""
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import average_precision_score, classification_report
from sklearn.model_selection import GridSearchCV, permutation_test_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)
pipe = Pipeline([("scale", StandardScaler()), ("svm", SVC())])
search = GridSearchCV(pipe, {"svm__C": [0.1, 1, 10, 100], "svm__gamma": ["scale", 0.001, 0.01, 0.1]},  # expect: DLR303
                      cv=5, scoring="average_precision")
search.fit(X_tr, y_tr)
print("best parameters:", search.best_params_)

print(classification_report(y_te, search.predict(X_te)))
print("AUPRC", average_precision_score(y_te, search.decision_function(X_te)))
_, null, p = permutation_test_score(search.best_estimator_, X_tr, y_tr, scoring="average_precision",
                                    n_permutations=200, random_state=0)
print(f"permutation p = {p:.4f}")
