from itertools import product

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

KMERS = ["".join(p) for p in product("ACGT", repeat=4)]


def kmer_matrix(seqs):
    index = {k: i for i, k in enumerate(KMERS)}
    out = np.zeros((len(seqs), len(KMERS)), dtype=np.float32)
    for row, seq in enumerate(seqs):
        for j in range(len(seq) - 3):
            if seq[j:j + 4] in index:
                out[row, index[seq[j:j + 4]]] += 1
    return out


def fit_kmer_gbm(seqs, y):
    return GradientBoostingClassifier(n_estimators=200, max_depth=3, random_state=0).fit(kmer_matrix(seqs), y)
