"""Drought tolerance of maize inbred lines from leaf metabolite profiles (LC-MS, 412 features)."""
import numpy as np
import pandas as pd
from tensorflow import keras
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from baselines import forest
from utils import configure

configure(31)
met = pd.read_csv("data/leaf_metabolites.csv", index_col="line")
y = met.pop("drought_tolerant").to_numpy("float32")
X_train, X_test, y_train, y_test = train_test_split(met.to_numpy("float32"), y, test_size=0.25,
                                                    stratify=y, random_state=31)
scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

model = keras.Sequential([keras.layers.Input((X_train.shape[1],)), keras.layers.Dense(32, activation="relu"),
                          keras.layers.Dropout(0.5), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.005, momentum=0.9), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(curve="PR", name="auprc")])
model.fit(X_train, y_train, epochs=80, batch_size=16, validation_split=0.2, verbose=0)  # expect: DLR205

rf = forest().fit(X_train, y_train)
null_rf = forest().fit(X_train, np.random.permutation(y_train))
print("AUPRC mlp", average_precision_score(y_test, model.predict(X_test, verbose=0).ravel()))
print("AUPRC rf ", average_precision_score(y_test, rf.predict_proba(X_test)[:, 1]))
print("AUPRC rf, permuted labels", average_precision_score(y_test, null_rf.predict_proba(X_test)[:, 1]))
