"""Stroke prediction with mixed column types: all preprocessing inside the cross-validated pipeline."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_validate
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

stroke = pd.read_csv("stroke_records.csv").drop_duplicates()
X = stroke.drop(columns=["stroke"])
y = stroke["stroke"]
prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), ["age", "avg_glucose_level", "bmi"]),
    ("cat", OneHotEncoder(handle_unknown="ignore"), ["smoking_status", "work_type", "gender"]),
])
model = Pipeline([("prep", prep), ("clf", LogisticRegression(max_iter=3000, class_weight="balanced"))])
res = cross_validate(model, X, y, cv=5, scoring=["roc_auc", "balanced_accuracy"])
print({k: v.mean() for k, v in res.items() if k.startswith("test_")})
