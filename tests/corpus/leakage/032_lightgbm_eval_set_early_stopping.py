"""LightGBM drug-sensitivity regression (IC50 from cell-line expression + drug fingerprints)."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from scipy.stats import pearsonr
from sklearn.model_selection import train_test_split

gdsc = pd.read_csv("gdsc_features.csv").drop_duplicates()
X = gdsc.drop(columns=["ln_ic50"])
y = gdsc["ln_ic50"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=2024)

reg = lgb.LGBMRegressor(n_estimators=5000, learning_rate=0.02, num_leaves=63, subsample=0.8)
reg.fit(  # expect: DLR105
    X_train, y_train,
    eval_set=[(X_train, y_train), (X_test, y_test)],
    eval_metric="rmse",
    callbacks=[lgb.early_stopping(stopping_rounds=100), lgb.log_evaluation(200)],
)
pred = reg.predict(X_test)
print("RMSE", np.sqrt(np.mean((pred - y_test) ** 2)), "Pearson r", pearsonr(pred, y_test)[0])
