"""Choose among classifiers on a validation part, then score the winner once on the test part."""
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=1)

candidates = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
    "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=7)),
    "rf": RandomForestClassifier(n_estimators=300, random_state=1),
}
best_name, best_val = None, -1.0
for name, model in candidates.items():
    model.fit(X_train, y_train)
    val_acc = model.score(X_val, y_val)
    if val_acc > best_val:
        best_name, best_val = name, val_acc

winner = candidates[best_name]
print(best_name, "validation", best_val, "test", winner.score(X_test, y_test))
