"""Heart-failure outcome with Keras; early stopping watches a validation part carved from the training part."""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

records = pd.read_csv("heart_failure_records.csv").drop_duplicates()
X = records.drop(columns=["death_event"]).to_numpy("float32")
y = records["death_event"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.2, stratify=y_train, random_state=0)
scaler = StandardScaler().fit(X_tr)
X_tr, X_val, X_test = scaler.transform(X_tr), scaler.transform(X_val), scaler.transform(X_test)

model = keras.Sequential([
    keras.layers.Input(shape=(X.shape[1],)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(
    X_tr,
    y_tr,
    epochs=500,
    validation_data=(X_val, y_val),
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=20, restore_best_weights=True)],
    verbose=0,
)
print("test accuracy", model.evaluate(X_test, y_test, verbose=0)[1])
