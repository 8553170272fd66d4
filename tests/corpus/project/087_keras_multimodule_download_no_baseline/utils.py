from tensorflow import keras


def configure(seed: int = 0) -> None:
    keras.utils.set_random_seed(seed)
