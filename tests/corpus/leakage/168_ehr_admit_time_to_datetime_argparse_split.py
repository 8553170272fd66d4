"""In-hospital mortality from admission vitals and labs; command-line script."""
import argparse

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def load(path):
    df = pd.read_csv(path).drop_duplicates()
    df["admit_time"] = pd.to_datetime(df["admit_time"])
    df["admit_hour"] = df["admit_time"].dt.hour
    df["weekend"] = df["admit_time"].dt.dayofweek >= 5
    return df.drop(columns=["admit_time"])


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--test-size", type=float, default=0.2)
    args = ap.parse_args(argv)

    df = load(args.csv)
    y = df.pop("died")
    X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=args.test_size, stratify=y, random_state=0)  # expect: DLR110
    model = HistGradientBoostingClassifier(max_iter=400).fit(X_train, y_train)
    print("test AUROC", roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))


if __name__ == "__main__":
    main()
