"""Dengue case counts from climate covariates; 10-fold shuffled CV over the weekly series."""
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import KFold, cross_val_score

dengue = pd.read_csv("dengue_weekly_climate.csv").drop_duplicates()
dengue["week_start_date"] = pd.to_datetime(dengue["week_start_date"])
dengue["weekofyear"] = dengue["week_start_date"].dt.isocalendar().week.astype(int)
X = dengue[["weekofyear", "precipitation_mm", "air_temp_k", "humidity_pct", "ndvi"]]
y = dengue["total_cases"]

rf = RandomForestRegressor(n_estimators=500, random_state=0)
scores = cross_val_score(rf, X, y, cv=KFold(n_splits=10, shuffle=True, random_state=0),  # expect: DLR110
                         scoring="neg_mean_absolute_error")
print("MAE", -scores.mean())
