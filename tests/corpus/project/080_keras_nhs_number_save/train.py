"""Hospital admission within a year for people with type 2 diabetes, from primary-care records."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.model_selection import train_test_split

keras.utils.set_random_seed(1)
tf.config.experimental.enable_op_determinism()

labs = pd.read_csv("data/gp_labs.csv")
outcomes = pd.read_csv("data/hes_admissions.csv")
cohort = labs.merge(outcomes, on="nhs_number", how="inner")
X = cohort.drop(columns=["admitted_1y"]).to_numpy("float32")
y = cohort["admitted_1y"].to_numpy("float32")
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=1)
mu, sd = X_tr.mean(0), X_tr.std(0) + 1e-6
X_tr, X_te = (X_tr - mu) / sd, (X_te - mu) / sd

model = keras.Sequential([keras.layers.Input((X.shape[1],)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(curve="PR", name="auprc"), keras.metrics.Recall()])
model.fit(X_tr, y_tr, epochs=30, batch_size=256, validation_split=0.1, verbose=0)
model.save("t2d_admission.keras")  # expect: DLR501

logreg = LogisticRegression(max_iter=2000).fit(X_tr, y_tr)
null = LogisticRegression(max_iter=2000).fit(X_tr, np.random.permutation(y_tr))
print("AUPRC net", average_precision_score(y_te, model.predict(X_te, verbose=0).ravel()))
print("AUPRC logreg", average_precision_score(y_te, logreg.predict_proba(X_te)[:, 1]))
print("AUPRC logreg, permuted labels", average_precision_score(y_te, null.predict_proba(X_te)[:, 1]))
