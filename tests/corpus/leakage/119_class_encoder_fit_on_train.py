"""Variant pathogenicity experiment class: the encoder is fit on the training part."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder


class Experiment:
    categorical = ["gene", "consequence", "zygosity"]
    numeric = ["cadd", "gerp", "allele_freq"]

    def __init__(self, path):
        table = pd.read_csv(path).drop_duplicates()
        self.train, self.test = train_test_split(table, test_size=0.2, random_state=11)
        self.encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        self.model = RandomForestClassifier(n_estimators=300, random_state=0)

    def fit_features(self):
        cats = self.encoder.fit_transform(self.train[self.categorical])
        return np.hstack([cats, self.train[self.numeric].to_numpy()])

    def test_features(self):
        cats = self.encoder.transform(self.test[self.categorical])
        return np.hstack([cats, self.test[self.numeric].to_numpy()])

    def run(self):
        self.model.fit(self.fit_features(), self.train["pathogenic"])
        return self.model.score(self.test_features(), self.test["pathogenic"])


if __name__ == "__main__":
    print(Experiment("clinvar_missense.csv").run())
