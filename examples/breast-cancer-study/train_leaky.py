"""Logistic regression on the Wisconsin breast cancer data.

First pass at the diagnostic classifier: standardise the 30 cell-nucleus
features, hold out a test set and check how well a linear model separates
malignant from benign tumours.
"""
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


def main():
    X, y = load_breast_cancer(return_X_y=True)

    # Features live on very different scales (mean area ~650, smoothness ~0.1),
    # so standardise them before fitting.
    scaler = StandardScaler()
    X = scaler.fit_transform(X)

    # Hold out a quarter of the samples for testing.
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)

    model = LogisticRegression(max_iter=1000)
    model.fit(X_train, y_train)

    y_pred = model.predict(X_test)
    y_score = model.predict_proba(X_test)[:, 1]
    print(f"train: {len(y_train)} samples, test: {len(y_test)} samples")
    print(f"accuracy: {accuracy_score(y_test, y_pred):.3f}")
    print(f"ROC AUC:  {roc_auc_score(y_test, y_score):.3f}")


if __name__ == "__main__":
    main()
