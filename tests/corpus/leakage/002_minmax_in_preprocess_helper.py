"""PAM50 subtype classifier on TCGA-BRCA expression."""
import pandas as pd
from sklearn import preprocessing as pre
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split


def load(path):
    df = pd.read_csv(path, index_col=0)
    df = df.drop_duplicates()
    return df


def preprocess(X):
    scaler = pre.MinMaxScaler(feature_range=(0, 1))
    return scaler.fit_transform(X)  # expect: DLR101


def main():
    expr = load("data/brca_expression_pam50.csv")
    y = expr["pam50"].values
    X = preprocess(expr.drop(columns=["pam50"]).values)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    model = RandomForestClassifier(n_estimators=500, random_state=42).fit(X_train, y_train)
    print(classification_report(y_test, model.predict(X_test)))


if __name__ == "__main__":
    main()
