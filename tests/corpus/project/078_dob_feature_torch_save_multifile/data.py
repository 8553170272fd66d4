import numpy as np
import pandas as pd


def load_features(path: str):
    """Haematology panel of outpatients; label: iron-deficiency anaemia confirmed by ferritin."""
    df = pd.read_csv(path)
    df["date_of_birth"] = pd.to_datetime(df["date_of_birth"]).map(pd.Timestamp.toordinal)
    df["sex"] = (df["sex"] == "F").astype(int)
    y = df.pop("ida").to_numpy(np.float32)
    return df.to_numpy(np.float32), y, list(df.columns)
