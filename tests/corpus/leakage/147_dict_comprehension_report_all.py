"""Supplementary Table 3: held-out R2 of five regressors, all reported, none chosen."""
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import ElasticNet, Ridge
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR

resp = pd.read_csv("ccle_drug_response.csv").drop_duplicates()
X = resp.drop(columns=["auc_response"])
y = resp["auc_response"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

models = {
    "ridge": Ridge(alpha=1.0),
    "enet": ElasticNet(alpha=0.01),
    "svr": SVR(C=3.0),
    "rf": RandomForestRegressor(n_estimators=300, random_state=0),
    "gbr": GradientBoostingRegressor(random_state=0),
}
r2 = {name: m.fit(X_train, y_train).score(X_test, y_test) for name, m in models.items()}
pd.Series(r2, name="test R2").to_csv("supplementary_table_3.csv")
print(pd.Series(r2).round(3))
