"""Import this module first: it fixes every seed and turns on deterministic kernels at import time."""
import os
import random

import numpy as np
import torch

SEED = 1234

os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.use_deterministic_algorithms(True)
