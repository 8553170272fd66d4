"""Expression signature: the percentile of genes kept is tuned inside the pipeline on the training part."""
import pandas as pd
from sklearn.feature_selection import SelectPercentile, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

expr = pd.read_csv("expression_with_status.csv").drop_duplicates()
X = expr.drop(columns=["status"])
y = expr["status"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=5)

pipe = Pipeline([("scale", StandardScaler()), ("select", SelectPercentile(f_classif)),
                 ("lr", LogisticRegression(max_iter=5000))])
search = GridSearchCV(pipe, {"select__percentile": [1, 5, 10, 25], "lr__C": [0.01, 0.1, 1]}, cv=5, scoring="roc_auc")
search.fit(X_train, y_train)
print(search.best_params_, "test AUC", search.score(X_test, y_test))
