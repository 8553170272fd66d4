"""Cell-type annotation from a log-normalised count matrix: scale + PCA embedding, then a kNN classifier."""
import argparse

import numpy as np
from sklearn.decomposition import PCA
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--counts", default="pbmc_counts.npy")
    parser.add_argument("--labels", default="pbmc_celltypes.npy")
    parser.add_argument("--n-pcs", type=int, default=50)
    parser.add_argument("--k", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def log_normalise(counts, target_sum=1e4):
    size_factors = counts.sum(axis=1, keepdims=True)
    return np.log1p(counts / size_factors * target_sum)


def main():
    args = parse_args()
    counts = np.load(args.counts).astype(np.float32)
    cell_types = np.load(args.labels, allow_pickle=True)
    expr = log_normalise(counts)

    embed = Pipeline([("scale", StandardScaler()), ("pca", PCA(n_components=args.n_pcs, random_state=args.seed))])
    pcs = embed.fit_transform(expr)  # expect: DLR101

    X_train, X_test, y_train, y_test = train_test_split(
        pcs, cell_types, test_size=0.2, stratify=cell_types, random_state=args.seed
    )
    knn = KNeighborsClassifier(n_neighbors=args.k).fit(X_train, y_train)
    print(classification_report(y_test, knn.predict(X_test)))


if __name__ == "__main__":
    main()
