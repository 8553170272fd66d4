"""Logistic regression on the Wisconsin breast cancer data, done properly.

The test set is split off first and never seen while fitting: the scaler
lives inside the pipeline, so it learns its means and variances from the
training samples only. A majority-class baseline shows what the scores
mean, and average precision is reported for the malignant class, which is
the minority (212 of 569 samples).
"""
from sklearn.datasets import load_breast_cancer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 0


def report(name, model, X_test, y_test):
    proba = model.predict_proba(X_test)
    # In this dataset target 0 = malignant, 1 = benign.
    acc = accuracy_score(y_test, model.predict(X_test))
    auc = roc_auc_score(y_test, proba[:, 1])
    ap = average_precision_score(y_test, proba[:, 0], pos_label=0)
    print(f"{name:>10}: accuracy={acc:.3f}  ROC AUC={auc:.3f}  AP(malignant)={ap:.3f}")


def main():
    X, y = load_breast_cancer(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, random_state=SEED, stratify=y
    )

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    model.fit(X_train, y_train)

    print(f"malignant fraction in test set: {(y_test == 0).mean():.3f}")
    report("baseline", baseline, X_test, y_test)
    report("logistic", model, X_test, y_test)


if __name__ == "__main__":
    main()
