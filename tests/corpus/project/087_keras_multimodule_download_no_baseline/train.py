"""Queenless vs. queenright honeybee colonies from in-hive audio (mel-band statistics)."""
import numpy as np
from tensorflow import keras
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

from download import fetch
from utils import configure

configure(0)
audio = np.load(fetch())
X, y = audio["mel_stats"].astype("float32"), audio["queenless"].astype("float32")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)


def build():
    model = keras.Sequential([keras.layers.Input((X.shape[1],)), keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dropout(0.2), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(), loss="binary_crossentropy",  # expect: DLR206
                  metrics=[keras.metrics.AUC(curve="PR", name="auprc")])
    return model


model = build()
model.fit(X_tr, y_tr, epochs=30, batch_size=64, validation_split=0.2, verbose=0)  # expect: DLR205, DLR301
model.save("model.keras")
null = build()
null.fit(X_tr, np.random.permutation(y_tr), epochs=30, batch_size=64, validation_split=0.2, verbose=0)
print("AUPRC", average_precision_score(y_te, model.predict(X_te, verbose=0).ravel()))
print("AUPRC, permuted labels", average_precision_score(y_te, null.predict(X_te, verbose=0).ravel()))
