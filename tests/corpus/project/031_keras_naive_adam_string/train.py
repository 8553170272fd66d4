"""Diatom vs. non-diatom plankton images from an imaging flow cytobot (IFCB)."""
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)
tf.config.experimental.enable_op_determinism()

train_ds = keras.utils.image_dataset_from_directory("data/ifcb/train", image_size=(96, 96), batch_size=64,
                                                    label_mode="binary", seed=0)
test_ds = keras.utils.image_dataset_from_directory("data/ifcb/test", image_size=(96, 96), batch_size=64,
                                                   label_mode="binary", shuffle=False)

model = keras.Sequential([
    keras.layers.Rescaling(1 / 255),
    keras.layers.Conv2D(32, 3, activation="relu"), keras.layers.MaxPooling2D(),
    keras.layers.Conv2D(64, 3, activation="relu"), keras.layers.GlobalAveragePooling2D(),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])  # expect: DLR206, DLR401
model.fit(train_ds, epochs=15)  # expect: DLR301, DLR403
loss, acc = model.evaluate(test_ds)
print(f"test accuracy {acc:.3f}")
