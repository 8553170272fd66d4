"""Nightly heart-rate variability from a wearable: predict next-day fatigue; earlier nights train, later nights test."""
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit, train_test_split

nights = pd.read_csv("hrv_nights.csv", parse_dates=["night"]).drop_duplicates().sort_values("night")
features = ["rmssd", "sdnn", "lf_hf", "resting_hr", "sleep_hours"]
X, y = nights[features], nights["fatigue_next_day"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

search = GridSearchCV(
    RandomForestRegressor(random_state=0),
    {"max_depth": [3, 5, None], "min_samples_leaf": [1, 5, 10]},
    cv=TimeSeriesSplit(n_splits=5),
    scoring="neg_mean_absolute_error",
)
search.fit(X_train, y_train)
print(search.best_params_, "test MAE", mean_absolute_error(y_test, search.predict(X_test)))
