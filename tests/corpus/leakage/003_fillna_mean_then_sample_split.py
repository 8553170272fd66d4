"""Pima diabetes: impute missing lab values with the column mean, then an 80/20 split with DataFrame.sample."""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score

df = pd.read_csv("pima_diabetes.csv")
df = df.drop_duplicates()
for col in ["Glucose", "Insulin", "BMI", "SkinThickness"]:
    df[col] = df[col].replace(0, np.nan)
    df[col] = df[col].fillna(df[col].mean())  # expect: DLR101

train = df.sample(frac=0.8, random_state=0)
test = df.drop(train.index)
features = ["Glucose", "Insulin", "BMI", "SkinThickness", "Age", "Pregnancies"]
gb = GradientBoostingClassifier(random_state=0).fit(train[features], train["Outcome"])
print("test AUC", roc_auc_score(test["Outcome"], gb.predict_proba(test[features])[:, 1]))
