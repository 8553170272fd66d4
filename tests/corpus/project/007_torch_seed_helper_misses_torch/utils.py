import random

import numpy as np
import torch


def set_seed(seed: int = 0) -> None:
    """Seed python and numpy, make torch kernels deterministic."""
    random.seed(seed)
    np.random.seed(seed)
    torch.use_deterministic_algorithms(True)
