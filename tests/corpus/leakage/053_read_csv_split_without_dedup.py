"""WDBC from the UCI CSV export; a scaled SVM in a pipeline."""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

df = pd.read_csv("wisconsin_diagnostic.csv")
X = df.drop(columns=["diagnosis"])
y = df["diagnosis"].map({"M": 1, "B": 0})
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)  # expect: DLR108

model = make_pipeline(StandardScaler(), SVC(C=3.0))
model.fit(X_train, y_train)
print("test accuracy", model.score(X_test, y_test))
