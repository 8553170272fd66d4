"""Atrial fibrillation detection from single-lead ECG windows with a 1D CNN (Keras)."""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers


def build_model(window=3000):
    inputs = keras.Input(shape=(window, 1))
    x = inputs
    for filters in (32, 64, 128):
        x = layers.Conv1D(filters, 7, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling1D(4)(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


signals = np.load("af_windows_250hz.npy")[..., np.newaxis]
labels = np.load("af_labels.npy")
X_train, X_test, y_train, y_test = train_test_split(signals, labels, test_size=0.2, stratify=labels, random_state=0)

callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=8, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("af_cnn.keras", monitor="val_auc", mode="max", save_best_only=True),
    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=4),
]
model = build_model()
history = model.fit(  # expect: DLR105
    X_train, y_train,
    validation_data=(X_test, y_test),
    epochs=100, batch_size=64, callbacks=callbacks,
)
loss, auc = model.evaluate(X_test, y_test, verbose=0)
print(f"test AUC {auc:.3f}")
