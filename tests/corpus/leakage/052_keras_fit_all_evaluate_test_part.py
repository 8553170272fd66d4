"""Dense network for drug-target interaction from precomputed embeddings."""
import numpy as np
from sklearn.model_selection import train_test_split
from tensorflow import keras


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


X = np.load("dti_pair_embeddings.npy")
y = np.load("dti_interacts.npy")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

model = build_model(X.shape[1])
model.fit(X, y, epochs=100, batch_size=32, verbose=0)  # expect: DLR107
test_loss, test_acc = model.evaluate(X_test, y_test, verbose=0)
print("test accuracy", test_acc)
