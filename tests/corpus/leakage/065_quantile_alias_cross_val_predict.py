"""Disease progression (sklearn diabetes data): Gaussianise features, then ridge regression."""
import sklearn.preprocessing as skpre
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold, cross_val_predict

X, y = load_diabetes(return_X_y=True)
qt = skpre.QuantileTransformer(n_quantiles=200, output_distribution="normal")
X_q = qt.fit_transform(X)  # expect: DLR109
pred = cross_val_predict(Ridge(alpha=1.0), X_q, y, cv=KFold(5, shuffle=True, random_state=0))
print("CV R2", r2_score(y, pred))
