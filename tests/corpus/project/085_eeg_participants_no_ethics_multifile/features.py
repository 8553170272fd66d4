import numpy as np
from scipy.signal import welch

BANDS = {"delta": (1, 4), "theta": (4, 8), "alpha": (8, 13), "beta": (13, 30)}


def band_powers(eeg: np.ndarray, fs: float = 250.0) -> np.ndarray:
    """eeg: (channels, samples) -> relative band power per channel."""
    freqs, psd = welch(eeg, fs=fs, nperseg=int(2 * fs))
    total = psd[:, (freqs >= 1) & (freqs <= 30)].sum(axis=1)
    return np.concatenate([psd[:, (freqs >= lo) & (freqs < hi)].sum(axis=1) / total for lo, hi in BANDS.values()])
