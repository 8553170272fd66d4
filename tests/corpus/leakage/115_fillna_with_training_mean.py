"""Pima diabetes: missing values filled with means of the training part."""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("pima_diabetes.csv").drop_duplicates()
cols = ["Glucose", "Insulin", "BMI", "SkinThickness"]
df[cols] = df[cols].replace(0, np.nan)
train, test = train_test_split(df, test_size=0.2, stratify=df["Outcome"], random_state=0)
train_means = train[cols].mean()
train = train.fillna(train_means)
test = test.fillna(train_means)

features = cols + ["Age", "Pregnancies"]
gb = GradientBoostingClassifier(random_state=0).fit(train[features], train["Outcome"])
print("test AUC", roc_auc_score(test["Outcome"], gb.predict_proba(test[features])[:, 1]))
