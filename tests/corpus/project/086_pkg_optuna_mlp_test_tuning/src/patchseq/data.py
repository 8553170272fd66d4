import pandas as pd
from sklearn.model_selection import train_test_split


def load_split(path: str):
    """Electrophysiology features of patch-seq neurons and their transcriptomic subclass."""
    cells = pd.read_csv(path, index_col="cell_id")
    y = cells.pop("subclass")
    return train_test_split(cells.to_numpy(), y.to_numpy(), test_size=0.2, stratify=y)  # expect: DLR202
