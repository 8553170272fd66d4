"""Diabetic macular oedema from OCT B-scans: CNN and thickness-profile random forest."""
import joblib
import numpy as np
import tensorflow as tf
from tensorflow import keras
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score

from features import thickness_profile

keras.utils.set_random_seed(0)
tf.config.experimental.enable_op_determinism()

oct_data = np.load("data/oct_bscans.npz")
X_tr, y_tr, X_te, y_te = oct_data["X_train"], oct_data["y_train"], oct_data["X_test"], oct_data["y_test"]

cnn = keras.Sequential([keras.layers.Input(X_tr.shape[1:] + (1,)), keras.layers.Conv2D(16, 5, activation="relu"),
                        keras.layers.MaxPooling2D(4), keras.layers.Conv2D(32, 3, activation="relu"),
                        keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1, activation="sigmoid")])
cnn.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9), loss="binary_crossentropy",
            metrics=[keras.metrics.AUC(curve="PR", name="auprc")])
cnn.fit(X_tr[..., None], y_tr, epochs=15, batch_size=32, validation_split=0.1, verbose=2)
cnn.save("models/cnn.h5")

rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1).fit(thickness_profile(X_tr), y_tr)
joblib.dump(rf, "models/rf.joblib")
null_rf = RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1)
null_rf.fit(thickness_profile(X_tr), np.random.permutation(y_tr))

print("AUPRC cnn", average_precision_score(y_te, cnn.predict(X_te[..., None], verbose=0).ravel()))
print("AUPRC rf ", average_precision_score(y_te, rf.predict_proba(thickness_profile(X_te))[:, 1]))
print("AUPRC rf, permuted labels", average_precision_score(y_te, null_rf.predict_proba(thickness_profile(X_te))[:, 1]))
