"""Missense variant pathogenicity from annotations (ClinVar subset)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder


class VariantPathogenicityModel:
    categorical = ["gene", "consequence", "zygosity"]
    numeric = ["cadd", "gerp", "allele_freq"]

    def __init__(self, path):
        self.table = pd.read_csv(path).drop_duplicates()
        self.encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        self.model = RandomForestClassifier(n_estimators=300, class_weight="balanced", random_state=0)

    def features(self):
        onehot = self.encoder.fit_transform(self.table[self.categorical])  # expect: DLR101
        numeric = self.table[self.numeric].to_numpy()
        return np.hstack([onehot, numeric]), self.table["pathogenic"].to_numpy()

    def run(self):
        X, y = self.features()
        X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
        self.model.fit(X_train, y_train)
        return self.model.score(X_test, y_test)


if __name__ == "__main__":
    print(VariantPathogenicityModel("clinvar_missense.csv").run())
