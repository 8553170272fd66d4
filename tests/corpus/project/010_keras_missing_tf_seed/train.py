"""Zebrafish larval behaviour (light/dark locomotor assay) -> scn1lab genotype."""
import random

import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve
from sklearn.model_selection import train_test_split

random.seed(11)
np.random.seed(11)
tf.config.experimental.enable_op_determinism()

tracks = pd.read_csv("data/larva_activity_bins.csv")
X = tracks.filter(like="bin_").to_numpy(np.float32)
y = (tracks["genotype"] == "scn1lab-/-").to_numpy(np.float32)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=11)
mu, sd = X_train.mean(0), X_train.std(0) + 1e-6
X_train, X_test = (X_train - mu) / sd, (X_test - mu) / sd

model = keras.Sequential([  # expect: DLR201
    keras.layers.Input(shape=(X.shape[1],)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9),
              loss="binary_crossentropy", metrics=[keras.metrics.AUC(curve="PR", name="auprc")])
model.fit(X_train, y_train, epochs=50, batch_size=32, validation_split=0.2, verbose=0)
p_net = model.predict(X_test, verbose=0).ravel()

logreg = LogisticRegression(C=0.5, max_iter=1000).fit(X_train, y_train)
p_lr = logreg.predict_proba(X_test)[:, 1]
null = LogisticRegression(C=0.5, max_iter=1000).fit(X_train, np.random.permutation(y_train))
print("AUPRC net   ", average_precision_score(y_test, p_net))
print("AUPRC logreg", average_precision_score(y_test, p_lr))
print("AUPRC logreg, permuted labels", average_precision_score(y_test, null.predict_proba(X_test)[:, 1]))
precision, recall, _ = precision_recall_curve(y_test, p_net)
np.savetxt("pr_curve_net.csv", np.c_[precision, recall], delimiter=",")
