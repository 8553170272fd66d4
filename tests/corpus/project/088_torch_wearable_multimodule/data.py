import numpy as np
import pandas as pd


def load_days(path: str):
    """Daily wearable summaries (steps, sleep, HRV, skin temperature) joined with the evening stress survey."""
    days = pd.read_csv(path)
    days = days.drop_duplicates(subset=["phone", "day"])
    y = days.pop("stressed").to_numpy(np.int64)
    X = days.drop(columns=["day"]).to_numpy(np.float32)
    return X, y
