"""Choose the SVM's C by cross-validation on the training part; the test part is scored once."""
import numpy as np
import pandas as pd
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

expr = pd.read_csv("lung_adeno_vs_squamous.csv").drop_duplicates()
X = expr.drop(columns=["histology"]).to_numpy()
y = expr["histology"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

Cs = [0.001, 0.01, 0.1, 1, 10, 100]
cv_scores = []
for C in Cs:
    pipe = make_pipeline(StandardScaler(), LinearSVC(C=C, dual=False))
    cv_scores.append(cross_val_score(pipe, X_train, y_train, cv=5).mean())
best_C = Cs[int(np.argmax(cv_scores))]
final = make_pipeline(StandardScaler(), LinearSVC(C=best_C, dual=False)).fit(X_train, y_train)
print("C", best_C, "test accuracy", final.score(X_test, y_test))
