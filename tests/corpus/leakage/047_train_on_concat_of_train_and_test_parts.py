"""Disease progression regression (sklearn diabetes data) with gradient boosting."""
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

X, y = load_diabetes(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

X_full = np.concatenate([X_train, X_test])
y_full = np.concatenate([y_train, y_test])
model = GradientBoostingRegressor(random_state=0).fit(X_full, y_full)  # expect: DLR107
pred = model.predict(X_test)
print("test R2", r2_score(y_test, pred))
