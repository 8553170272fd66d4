"""Golub leukaemia: ANOVA selection fit on the training part, then applied to the test part."""
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

golub = pd.read_csv("golub_expression.csv").drop_duplicates()
X = golub.drop(columns=["cancer"]).values
y = (golub["cancer"] == "AML").astype(int).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)

selector = SelectKBest(f_classif, k=20).fit(X_train, y_train)
knn = KNeighborsClassifier(n_neighbors=3).fit(selector.transform(X_train), y_train)
print("test accuracy", knn.score(selector.transform(X_test), y_test))
