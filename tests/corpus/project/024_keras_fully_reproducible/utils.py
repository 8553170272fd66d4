import tensorflow as tf
from tensorflow import keras


def configure_determinism(seed: int) -> None:
    """Seeds python, numpy and TensorFlow and makes TF ops deterministic."""
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
