"""Sepsis risk from the first 24 h of ICU vitals: a small wrapper class with fit/evaluate."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

VITALS = ["heart_rate", "resp_rate", "temp_c", "sbp", "map", "spo2", "lactate", "wbc"]


class SepsisRiskModel:
    def __init__(self, C=1.0):
        self.scaler = StandardScaler()
        self.clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")

    def fit(self, X, y):
        self.clf.fit(self.scaler.fit_transform(X), y)
        return self

    def evaluate(self, X, y):
        X_scaled = StandardScaler().fit_transform(X)  # expect: DLR104
        prob = self.clf.predict_proba(X_scaled)[:, 1]
        return {"auroc": roc_auc_score(y, prob), "auprc": average_precision_score(y, prob)}


stays = pd.read_csv("icu_first24h_vitals.csv").drop_duplicates().dropna(subset=VITALS)
X_train, X_test, y_train, y_test = train_test_split(stays[VITALS], stays["sepsis"], test_size=0.3,
                                                    stratify=stays["sepsis"], random_state=1)
model = SepsisRiskModel(C=0.3).fit(X_train, y_train)
print(model.evaluate(X_test, y_test))
