"""Stroke prediction: scale the numeric columns, balance with SMOTE, then split."""
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

stroke = pd.read_csv("stroke_records.csv").drop_duplicates()
stroke = pd.get_dummies(stroke, columns=["smoking_status", "work_type"], drop_first=True)
num = ["age", "avg_glucose_level", "bmi"]
stroke[num] = MinMaxScaler().fit_transform(stroke[num])  # expect: DLR101

X = stroke.drop(columns="stroke")
y = stroke["stroke"]
X_sm, y_sm = SMOTE(random_state=1).fit_resample(X, y)  # expect: DLR103
X_train, X_test, y_train, y_test = train_test_split(X_sm, y_sm, test_size=0.2, random_state=1)

lr = LogisticRegression(max_iter=3000).fit(X_train, y_train)
print(classification_report(y_test, lr.predict(X_test)))
