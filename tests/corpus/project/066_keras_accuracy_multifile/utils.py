import tensorflow as tf
from tensorflow import keras


def make_deterministic(seed: int) -> None:
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
