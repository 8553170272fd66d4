"""Diagnostic superclass from 10-s 12-lead ECG (Keras): early stopping on a validation part carved from training."""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

ecg = np.load("ptbxl_100hz.npy")  # (n, 1000, 12)
superclass = np.load("ptbxl_superclass.npy")
X_trval, X_test, y_trval, y_test = train_test_split(ecg, superclass, test_size=0.15, stratify=superclass,
                                                    random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_trval, y_trval, test_size=0.15, stratify=y_trval, random_state=0)

model = keras.Sequential([
    keras.Input(shape=(1000, 12)),
    layers.Conv1D(64, 9, padding="same", activation="relu"),
    layers.MaxPooling1D(2),
    layers.Conv1D(128, 9, padding="same", activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dropout(0.3),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("ptbxl_best.keras", monitor="val_accuracy", save_best_only=True),
    keras.callbacks.CSVLogger("ptbxl_training.csv"),
]
model.fit(X_train, y_train, validation_data=(X_val, y_val), epochs=80, batch_size=128, callbacks=callbacks)
test_loss, test_acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy {test_acc:.3f}")
