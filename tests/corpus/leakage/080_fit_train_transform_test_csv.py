"""ICU mortality: impute and scale with statistics of the training part only."""
import pandas as pd
import sklearn.preprocessing as pp
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

labs = pd.read_csv("icu_first_day_labs.csv").drop_duplicates()
X = labs.drop(columns=["mortality"]).to_numpy()
y = labs["mortality"].to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=3)

imputer = SimpleImputer(strategy="median").fit(X_train)
scaler = pp.StandardScaler().fit(imputer.transform(X_train))
X_train = scaler.transform(imputer.transform(X_train))
X_test = scaler.transform(imputer.transform(X_test))

lr = LogisticRegression(max_iter=2000).fit(X_train, y_train)
print("test accuracy", lr.score(X_test, y_test))
