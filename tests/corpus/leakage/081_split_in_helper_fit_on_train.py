"""Subtype classifier; the split lives in a helper, the scaler sees only the training part."""
import pandas as pd
from sklearn import preprocessing as pre
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


def make_split(frame, label, seed=0):
    X = frame.drop(columns=[label]).to_numpy()
    y = frame[label].to_numpy()
    return train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)


expr = pd.read_csv("brca_expression_pam50.csv", index_col=0).drop_duplicates()
X_train, X_test, y_train, y_test = make_split(expr, "pam50")
scaler = pre.MinMaxScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.transform(X_test)
rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train, y_train)
print("test accuracy", rf.score(X_test, y_test))
