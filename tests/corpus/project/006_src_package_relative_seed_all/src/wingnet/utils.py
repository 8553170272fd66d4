import random

import numpy as np
import pandas as pd
import torch


def seed_all(seed: int) -> torch.Generator:
    """Seed python, numpy and torch, turn on deterministic kernels, return a seeded generator."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    return torch.Generator().manual_seed(seed)


def load_landmarks(path: str):
    """15 Procrustes-aligned wing landmarks (x, y) per fly and the genotype label."""
    df = pd.read_csv(path)
    coords = df.filter(regex=r"^lm\d+_[xy]$").to_numpy(dtype=np.float32)
    return coords, (df["genotype"] == "dpp").to_numpy(dtype=np.float32)
