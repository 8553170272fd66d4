"""Enzyme turnover regression: train/validation/test, ridge alpha picked on validation."""
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split

enz = pd.read_csv("enzyme_kcat.csv")
X = enz.drop(columns=["log_kcat"]).to_numpy()
y = enz["log_kcat"].to_numpy()
X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.15, random_state=0)  # expect: DLR108
X_train, X_val, y_train, y_val = train_test_split(X_trval, y_trval, test_size=0.15, random_state=0)

alphas = [0.01, 0.1, 1.0, 10.0, 100.0]
val_mse = [mean_squared_error(y_val, Ridge(alpha=a).fit(X_train, y_train).predict(X_val)) for a in alphas]
best_alpha = alphas[int(np.argmin(val_mse))]
final = Ridge(alpha=best_alpha).fit(X_train, y_train)
print("alpha", best_alpha, "test MSE", mean_squared_error(y_test, final.predict(X_test)))
