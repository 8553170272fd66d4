"""Enhancer activity from sequence (Keras CNN); keep the epoch with the best AUC."""
import numpy as np
from sklearn.metrics import roc_auc_score
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
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")

best_auc = 0.0
for epoch in range(50):
    model.fit(X_train, y_train, epochs=1, batch_size=128, verbose=0)
    auc = roc_auc_score(y_test, model.predict(X_test, verbose=0).ravel())  # expect: DLR105
    if auc > best_auc:
        best_auc = auc
        model.save("best_epoch.keras")
print("best AUC", best_auc)
