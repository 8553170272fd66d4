"""Nitrogen deficiency of wheat leaves from hyperspectral reflectance (400-2500 nm)."""
import json
import os

os.environ["TF_DETERMINISTIC_OPS"] = "1"

import keras_tuner as kt
import numpy as np
from tensorflow import keras
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

from baselines import tuned_svm

keras.utils.set_random_seed(5)
spectra = np.load("data/leaf_reflectance.npz")
X, y = spectra["reflectance"].astype("float32"), spectra["n_deficient"].astype("float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)


def build(hp):
    model = keras.Sequential([keras.layers.Input((X.shape[1],))])
    for i in range(hp.Int("layers", 1, 3)):
        model.add(keras.layers.Dense(hp.Choice(f"units_{i}", [32, 64, 128]), activation="relu"))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=hp.Float("lr", 1e-4, 1e-1, sampling="log"), momentum=0.9),
                  loss="binary_crossentropy", metrics=[keras.metrics.AUC(curve="PR", name="auprc")])
    return model


tuner = kt.RandomSearch(build, objective=kt.Objective("val_auprc", "max"), max_trials=30, seed=5,
                        directory="tuning", project_name="leaf_n")
tuner.search(X_train, y_train, epochs=50, validation_split=0.2, verbose=0)
best_hp = tuner.get_best_hyperparameters(1)[0]
with open("mlp_best_hyperparameters.json", "w") as fh:
    json.dump(best_hp.values, fh, indent=2)

model = build(best_hp)
model.fit(X_train, y_train, epochs=50, validation_split=0.2, verbose=0)
svm = tuned_svm(X_train, y_train)
null_svm = tuned_svm(X_train, np.random.permutation(y_train), out="svm_permuted_best_params.json")
print("AUPRC mlp", average_precision_score(y_test, model.predict(X_test, verbose=0).ravel()))
print("AUPRC svm", average_precision_score(y_test, svm.decision_function(X_test)))
print("AUPRC svm, permuted labels", average_precision_score(y_test, null_svm.decision_function(X_test)))
