"""Phage protein function (lysis / structural / replication / other) from ESM-2 embeddings, plus the
OpenML yeast benchmark as a sanity check of the same pipeline."""
import numpy as np
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from sklearn.datasets import fetch_openml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import permutation_test_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

labels = load_dataset("biolab/phage-protein-functions", split="train",
                      revision="6c1f0e2d9b7a4c3e8f5a1b2c3d4e5f6a7b8c9d0e")
emb_path = hf_hub_download(repo_id="biolab/phage-esm2-embeddings", filename="embeddings.npy",
                           repo_type="dataset", revision="v1.0.0")
yeast = fetch_openml(data_id=181, as_frame=False, parser="auto")

benchmarks = {
    "phage": (np.load(emb_path), np.array(labels["function_class"])),
    "openml-yeast": (yeast.data, yeast.target),
}
for name, (X, y) in benchmarks.items():
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
    clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000)).fit(X_tr, y_tr)
    f1 = f1_score(y_te, clf.predict(X_te), average="macro")
    _, null, p = permutation_test_score(clf, X_tr, y_tr, scoring="f1_macro", n_permutations=50, random_state=0)
    print(f"{name}: macro-F1 {f1:.3f}; permuted labels {null.mean():.3f} (p = {p:.3f})")
