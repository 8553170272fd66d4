"""Compare four classifiers on WDBC and keep the best one."""
import joblib
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

models = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    "svm": make_pipeline(StandardScaler(), SVC(probability=True)),
    "rf": RandomForestClassifier(n_estimators=500, random_state=0),
    "gbm": GradientBoostingClassifier(random_state=0),
}
best_name, best_acc = None, 0.0
for name, model in models.items():
    model.fit(X_train, y_train)
    acc = accuracy_score(y_test, model.predict(X_test))  # expect: DLR106
    print(f"{name}: {acc:.3f}")
    if acc > best_acc:
        best_name, best_acc = name, acc
print("best model:", best_name, best_acc)
joblib.dump(models[best_name], "best_model.joblib")
