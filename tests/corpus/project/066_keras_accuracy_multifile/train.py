"""Subclinical mastitis in dairy cows from milk mid-infrared spectra."""
import numpy as np
from tensorflow import keras
from sklearn.model_selection import train_test_split

from baselines import fit_forest
from utils import make_deterministic

make_deterministic(42)
mir = np.load("data/milk_mir.npz")
X, y = mir["spectra"].astype("float32"), mir["mastitis"].astype("float32")
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)

model = keras.Sequential([keras.layers.Input((X.shape[1],)), keras.layers.Dense(128, activation="relu"),
                          keras.layers.Dropout(0.3), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
              loss="binary_crossentropy", metrics=["accuracy"])  # expect: DLR401
model.fit(X_train, y_train, epochs=40, batch_size=64, validation_split=0.2, verbose=0)
print("net accuracy", model.evaluate(X_test, y_test, verbose=0)[1])

forest = fit_forest(X_train, y_train)
print("forest accuracy", forest.score(X_test, y_test))
null_forest = fit_forest(X_train, np.random.permutation(y_train))
print("forest accuracy, permuted labels", null_forest.score(X_test, y_test))
