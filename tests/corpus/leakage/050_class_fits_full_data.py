"""A small experiment class for a random-forest classifier of kidney disease stage."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split


class Study:
    def __init__(self, X, y):
        self.X, self.y = X, y
        self.X_train, self.X_test, self.y_train, self.y_test = train_test_split(
            X, y, test_size=0.25, stratify=y, random_state=0
        )
        self.model = RandomForestClassifier(n_estimators=200, random_state=0)

    def train(self):
        self.model.fit(self.X, self.y)  # expect: DLR107

    def report(self):
        print(classification_report(self.y_test, self.model.predict(self.X_test)))


if __name__ == "__main__":
    ckd = pd.read_csv("ckd_stage.csv").drop_duplicates()
    study = Study(ckd.drop(columns=["stage"]), ckd["stage"])
    study.train()
    study.report()
