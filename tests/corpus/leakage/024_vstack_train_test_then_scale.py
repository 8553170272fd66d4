"""Protein solubility regression: robust-scale the descriptors of both parts together."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import RobustScaler

table = pd.read_csv("protein_solubility.csv").drop_duplicates()
X = table.drop(columns=["solubility"]).to_numpy()
y = table["solubility"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

combined = np.vstack([X_train, X_test])
combined = RobustScaler().fit_transform(combined)  # expect: DLR104
X_train, X_test = combined[: len(X_train)], combined[len(X_train):]

rf = RandomForestRegressor(n_estimators=500, random_state=0).fit(X_train, y_train)
print("MAE", mean_absolute_error(y_test, rf.predict(X_test)))
