"""In-hospital mortality from first-day ICU labs; gaps filled with a KNN imputer."""
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

labs = pd.read_csv("icu_first_day_labs.csv").drop_duplicates()
y = labs["mortality"].to_numpy()
X = labs.drop(columns=["mortality"])
X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=3)

imputer = KNNImputer(n_neighbors=5)
imputer.fit(X)  # expect: DLR101
X_train_imp = imputer.transform(X_train)
X_test_imp = imputer.transform(X_test)

lr = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_train_imp, y_train)
print("test accuracy", lr.score(X_test_imp, y_test))
