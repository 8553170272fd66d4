"""Carbapenem resistance of Klebsiella isolates from single-cell Raman spectra."""
import numpy as np
import tensorflow as tf
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC

tf.random.set_seed(4)
np.random.seed(4)

spectra = np.load("data/raman_spectra.npz")
X, y = spectra["intensity"].astype("float32"), spectra["resistant"].astype("float32")
X = (X - X.mean(1, keepdims=True)) / X.std(1, keepdims=True)
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=4)


class SpectrumNet(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = tf.keras.layers.Conv1D(16, 11, activation="relu")
        self.pool = tf.keras.layers.GlobalMaxPooling1D()
        self.out = tf.keras.layers.Dense(1)

    def call(self, x):
        return tf.squeeze(self.out(self.pool(self.conv(x[..., None]))), -1)


def fit(X, y, epochs=30):
    net = SpectrumNet()
    opt = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
    ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(4096, seed=4).batch(64)
    for _ in range(epochs):
        for xb, yb in ds:
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(yb, net(xb)))
            opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))  # expect: DLR205
    return net


net = fit(X_tr, y_tr)
null_net = fit(X_tr, np.random.permutation(y_tr))
svm = SVC(C=10.0, gamma="scale").fit(X_tr, y_tr)
for name, pred in [("cnn", net(X_te).numpy() > 0), ("svm", svm.predict(X_te)), ("cnn, permuted", null_net(X_te).numpy() > 0)]:
    print(f"{name}: F1={f1_score(y_te, pred):.3f} P={precision_score(y_te, pred):.3f} R={recall_score(y_te, pred):.3f}")
