"""Table 2 of the paper: four classifiers, each fit on the training part and reported on the test part."""
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
models = {
    "Logistic regression": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    "SVM": make_pipeline(StandardScaler(), SVC(probability=True)),
    "Random forest": RandomForestClassifier(n_estimators=500, random_state=0),
    "Gradient boosting": GradientBoostingClassifier(random_state=0),
}
rows = []
for name, model in models.items():
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    rows.append({"model": name, "AUC": roc_auc_score(y_test, proba), "accuracy": accuracy_score(y_test, proba > 0.5)})
print(pd.DataFrame(rows).to_string(index=False))
