"""Antibiotic class of resistance genes (CARD) from protein-language-model embeddings."""
import numpy as np
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import permutation_test_score, train_test_split

ann = load_dataset("biolab/card-arg-annotations", split="train")  # expect: DLR208
emb_file = hf_hub_download(repo_id="biolab/card-arg-embeddings", filename="esm2_650M_mean.npy",  # expect: DLR208
                           repo_type="dataset")
X = np.load(emb_file)
y = np.array(ann["drug_class"])

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)
clf = LogisticRegression(C=0.2, max_iter=5000).fit(X_tr, y_tr)
print(classification_report(y_te, clf.predict(X_te)))
_, null, p = permutation_test_score(clf, X_tr, y_tr, scoring="f1_macro", n_permutations=50, random_state=5)
print(f"permuted-label macro-F1 {null.mean():.3f}, p = {p:.3f}")
