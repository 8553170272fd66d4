"""Weekly influenza-like-illness rate from lagged surveillance signals, 5-fold shuffled CV."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold

ili = pd.read_csv("ili_weekly.csv", parse_dates=["week_start"]).drop_duplicates()
for lag in (1, 2, 3, 4):
    ili[f"ili_lag{lag}"] = ili["ili_rate"].shift(lag)
ili = ili.dropna()
X = ili[[f"ili_lag{lag}" for lag in (1, 2, 3, 4)] + ["search_volume"]].to_numpy()
y = ili["ili_rate"].to_numpy()

kf = KFold(n_splits=5, shuffle=True, random_state=1)
maes = []
for tr, te in kf.split(X):  # expect: DLR110
    rf = RandomForestRegressor(n_estimators=300, random_state=1).fit(X[tr], y[tr])
    maes.append(mean_absolute_error(y[te], rf.predict(X[te])))
print("MAE", np.mean(maes))
