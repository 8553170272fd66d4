"""Enhancer CNN in Keras; Keras holds out the last 10% of the training part for early stopping."""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

X = np.load("enhancer_onehot.npy")
y = np.load("enhancer_active.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.15, random_state=3)

model = keras.Sequential([
    layers.Input(shape=X.shape[1:]),
    layers.Conv1D(128, 15, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[keras.metrics.AUC(name="auc")])
model.fit(X_train, y_train, epochs=100, batch_size=128, validation_split=0.1,
          callbacks=[keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=5, restore_best_weights=True)])
print(model.evaluate(X_test, y_test, return_dict=True))
