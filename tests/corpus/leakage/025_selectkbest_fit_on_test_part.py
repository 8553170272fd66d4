"""Top-20 ANOVA features for a leukaemia subtype classifier (Golub-style expression table)."""
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

golub = pd.read_csv("golub_expression.csv").drop_duplicates()
X = golub.drop(columns=["cancer"]).values
y = (golub["cancer"] == "AML").astype(int).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)

selector = SelectKBest(f_classif, k=20)
X_train_sel = selector.fit_transform(X_train, y_train)
X_test_sel = selector.fit_transform(X_test, y_test)  # expect: DLR104

knn = KNeighborsClassifier(n_neighbors=3).fit(X_train_sel, y_train)
print("test accuracy", knn.score(X_test_sel, y_test))
