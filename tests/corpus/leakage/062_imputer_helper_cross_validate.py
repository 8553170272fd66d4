"""Frailty index from geriatric assessment items; missing items imputed by a helper."""
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.model_selection import cross_validate


def impute(frame):
    imp = SimpleImputer(strategy="median")
    return pd.DataFrame(imp.fit_transform(frame), columns=frame.columns)  # expect: DLR109


geri = pd.read_csv("geriatric_assessment.csv").drop_duplicates()
y = geri["frailty_index"]
X = impute(geri.drop(columns=["frailty_index"]))
cv = cross_validate(RandomForestRegressor(n_estimators=300, random_state=0), X, y, cv=5,
                    scoring=("r2", "neg_mean_absolute_error"))
print("R2", cv["test_r2"].mean(), "MAE", -cv["test_neg_mean_absolute_error"].mean())
