import random

import numpy as np
import torch


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.use_deterministic_algorithms(True)


def windows(seq: str, labels: str, half: int = 7, alphabet: str = "ACDEFGHIKLMNPQRSTVWY"):
    """One-hot windows of 2*half+1 residues centred on each position, with its DSSP 3-state label."""
    pad = "X" * half + seq + "X" * half
    X = np.zeros((len(seq), 2 * half + 1, len(alphabet)), dtype=np.float32)
    for i in range(len(seq)):
        for j, aa in enumerate(pad[i:i + 2 * half + 1]):
            if aa in alphabet:
                X[i, j, alphabet.index(aa)] = 1.0
    return X.reshape(len(seq), -1), np.array(["HEC".index(c) for c in labels])
