"""Parkinson's voice features: tune a scaled SVM by CV on the training part, test once."""
import pandas as pd
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

voice = pd.read_csv("parkinsons_voice.csv").drop_duplicates()
X = voice.drop(columns=["status"]).to_numpy()
y = voice["status"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=8)

search = GridSearchCV(
    make_pipeline(StandardScaler(), SVC()),
    {"svc__C": [0.1, 1, 10, 100], "svc__gamma": ["scale", 0.01, 0.001]},
    cv=5,
)
search.fit(X_train, y_train)
print(search.best_params_, "test accuracy", search.score(X_test, y_test))
