import numpy as np
import pandas as pd

AMINO_ACIDS = "ACDEFGHIKLMNPQRSTVWY"


def composition(seq: str) -> np.ndarray:
    seq = seq.upper()
    return np.array([seq.count(a) / max(len(seq), 1) for a in AMINO_ACIDS], dtype=np.float32)


def load_subset(path: str, n: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    """eSOL solubility data: amino-acid composition plus length, binarised at 50 % solubility."""
    df = pd.read_csv(path)
    df = df.sample(n=min(n, len(df)))  # expect: DLR202
    X = np.stack([composition(s) for s in df["sequence"]])
    X = np.c_[X, np.log(df["sequence"].str.len().to_numpy())]
    return X, (df["solubility"] >= 0.5).to_numpy(int)
