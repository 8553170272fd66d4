"""Chronic kidney disease from routine blood tests: compare classifiers, keep the best one."""
from dataclasses import dataclass, field

import joblib
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


@dataclass
class Config:
    data: str = "ckd_blood_tests.csv"
    target: str = "ckd"
    test_size: float = 0.25
    seed: int = 13
    exclude: list = field(default_factory=lambda: ["egfr"])


def candidate_models(seed):
    return {
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=11)),
        "rf": RandomForestClassifier(n_estimators=500, random_state=seed),
        "extra_trees": ExtraTreesClassifier(n_estimators=500, random_state=seed),
    }


def run(cfg: Config):
    df = pd.read_csv(cfg.data).drop_duplicates().dropna()
    X = df.drop(columns=[cfg.target] + cfg.exclude)
    y = df[cfg.target]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg.test_size, stratify=y,
                                                        random_state=cfg.seed)
    best_name, best_auc, best_model = None, -1.0, None
    for name, model in candidate_models(cfg.seed).items():
        model.fit(X_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])  # expect: DLR106
        print(f"{name:12s} test AUROC {auc:.3f}")
        if auc > best_auc:
            best_name, best_auc, best_model = name, auc, model
    joblib.dump(best_model, f"ckd_{best_name}.joblib")
    return best_name, best_auc


if __name__ == "__main__":
    print(run(Config()))
