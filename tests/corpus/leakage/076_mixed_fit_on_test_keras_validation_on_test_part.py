"""Keras MLP for chronic kidney disease; each part scaled on its own, test set watched for early stopping."""
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow.keras import Sequential
from tensorflow.keras.callbacks import EarlyStopping
from tensorflow.keras.layers import Dense, Dropout

ckd = pd.read_csv("ckd_numeric.csv").drop_duplicates()
X = ckd.drop(columns=["ckd"]).values
y = ckd["ckd"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)

sc = StandardScaler()
X_train = sc.fit_transform(X_train)
X_test = sc.fit_transform(X_test)  # expect: DLR104

net = Sequential([Dense(64, activation="relu"), Dropout(0.3), Dense(32, activation="relu"), Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
net.fit(X_train, y_train, validation_data=(X_test, y_test), epochs=200, callbacks=[EarlyStopping(patience=10)])  # expect: DLR105
print(net.evaluate(X_test, y_test))
