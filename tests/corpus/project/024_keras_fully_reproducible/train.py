"""Aedes aegypti vs. Anopheles gambiae from wingbeat frequency spectra."""
import numpy as np
from tensorflow import keras
from sklearn.metrics import average_precision_score, classification_report
from sklearn.model_selection import train_test_split

from baselines import fit_baseline
from utils import configure_determinism

configure_determinism(123)
path = keras.utils.get_file(
    "wingbeat_spectra.npz",
    origin="https://example.org/wingbeats/wingbeat_spectra.npz",
    file_hash="sha256:2b6f0cc904d137be2e1730235f5664094b831186c53d5b9f6f5c3a2e1d0b9c77",
)
data = np.load(path)
X, y = data["spectra"].astype("float32"), (data["genus"] == "Aedes").astype("float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=123)


def build_model():
    model = keras.Sequential([
        keras.layers.Input(shape=(X.shape[1],)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(curve="PR", name="auprc"), keras.metrics.Precision(), keras.metrics.Recall()])
    return model


model = build_model()
model.fit(X_train, y_train, epochs=40, batch_size=64, validation_split=0.2, verbose=2)
print(dict(zip(model.metrics_names, model.evaluate(X_test, y_test, verbose=0))))

null_model = build_model()
null_model.fit(X_train, np.random.permutation(y_train), epochs=40, batch_size=64, validation_split=0.2, verbose=0)
print("AUPRC, permuted labels", average_precision_score(y_test, null_model.predict(X_test, verbose=0).ravel()))

baseline = fit_baseline(X_train, y_train)
print(classification_report(y_test, baseline.predict(X_test)))
