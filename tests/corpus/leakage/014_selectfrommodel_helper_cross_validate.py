"""Tree-based feature selection followed by an SVM, evaluated with 5-fold cross-validation."""
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.feature_selection import SelectFromModel
from sklearn.model_selection import cross_validate
from sklearn.svm import SVC


def select_features(X, y, threshold="median"):
    selector = SelectFromModel(ExtraTreesClassifier(n_estimators=200, random_state=0), threshold=threshold)
    X_reduced = selector.fit_transform(X, y)  # expect: DLR102
    return X_reduced, selector.get_support()


def main():
    X, y = load_breast_cancer(return_X_y=True)
    X_red, mask = select_features(X, y)
    print(f"kept {mask.sum()} of {mask.size} features")
    results = cross_validate(SVC(probability=True), X_red, y, cv=5, scoring=["accuracy", "roc_auc"])
    for metric in ("test_accuracy", "test_roc_auc"):
        print(metric, np.mean(results[metric]))


if __name__ == "__main__":
    main()
