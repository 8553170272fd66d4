"""Protein melting temperature (Meltome atlas, bacterial proteomes) from sequence-derived descriptors."""
import os

os.environ["TF_DETERMINISTIC_OPS"] = "1"

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

tf.random.set_seed(99)
np.random.seed(99)

df = pd.read_csv("data/meltome_descriptors.csv")
X = df.drop(columns=["uniprot_acc", "tm"]).to_numpy(np.float32)
y = df["tm"].to_numpy(np.float32)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=99)


def train(X, y, epochs=100, batch=256):
    model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1)])
    opt = tf.keras.optimizers.SGD(learning_rate=1e-3, momentum=0.9)
    ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(len(X), seed=99).batch(batch)
    for _ in range(epochs):
        for xb, yb in ds:
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(tf.squeeze(model(xb), -1) - yb))
            grads = tape.gradient(loss, model.trainable_variables)
            opt.apply_gradients(zip(grads, model.trainable_variables))
    return model


net = train(X_tr, y_tr)
null_net = train(X_tr, np.random.permutation(y_tr))
ridge = Ridge(alpha=3.0).fit(X_tr, y_tr)
print("MAE net    ", mean_absolute_error(y_te, net(X_te).numpy().ravel()))
print("MAE ridge  ", mean_absolute_error(y_te, ridge.predict(X_te)))
print("MAE permuted", mean_absolute_error(y_te, null_net(X_te).numpy().ravel()))
