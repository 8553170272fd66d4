"""Weekly influenza-like-illness forecasting, evaluated with forward-chaining folds."""
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

ili = pd.read_csv("ili_weekly.csv", parse_dates=["week_start"]).drop_duplicates()
ili = ili.sort_values("week_start")
for lag in (1, 2, 3, 4):
    ili[f"lag{lag}"] = ili["ili_rate"].shift(lag)
ili = ili.dropna()
X = ili[["lag1", "lag2", "lag3", "lag4", "search_volume"]]
y = ili["ili_rate"]

scores = cross_val_score(Ridge(alpha=1.0), X, y, cv=TimeSeriesSplit(n_splits=5), scoring="neg_mean_absolute_error")
print("MAE per fold", -scores)
