import random

import numpy as np
import pandas as pd
import torch


def seed_all(seed: int = 0) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_responses(path: str):
    """Natural-image responses of mouse V1 neurons: pixel PCs -> mean dF/F of one neuron."""
    df = pd.read_parquet(path)
    X = df.filter(like="pc_").to_numpy(np.float32)
    return X, df["dff_mean"].to_numpy(np.float32)
