from scipy.stats import spearmanr
from sklearn.metrics import mean_squared_error


def regression_report(name, y_true, y_pred):
    rho = spearmanr(y_true, y_pred).correlation
    print(f"{name}: RMSE={mean_squared_error(y_true, y_pred) ** 0.5:.3f} Spearman={rho:.3f}")
