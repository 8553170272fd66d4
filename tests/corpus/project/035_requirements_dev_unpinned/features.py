import numpy as np
from scipy.signal import find_peaks


def song_features(trace: np.ndarray, fs: int = 10000) -> np.ndarray:
    """Inter-pulse intervals and carrier frequency of a courtship-song recording."""
    peaks, _ = find_peaks(np.abs(trace), height=np.abs(trace).std() * 4, distance=fs // 200)
    ipi = np.diff(peaks) / fs * 1000
    spectrum = np.abs(np.fft.rfft(trace))
    carrier = np.fft.rfftfreq(trace.size, 1 / fs)[spectrum.argmax()]
    return np.array([np.median(ipi), ipi.std(), len(peaks) / (trace.size / fs), carrier])
