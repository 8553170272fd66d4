from tensorflow import keras

URL = "https://example.org/bee-acoustics/hive_audio_features.npz"


def fetch() -> str:
    return keras.utils.get_file("hive_audio_features.npz", origin=URL)  # expect: DLR208
