"""Which of the 30 WDBC nuclear features matter? Keep the 8 most informative, then train and test."""
from sklearn import feature_selection as fs
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

data = load_breast_cancer()
X, y = data.data, data.target
selector = fs.SelectKBest(score_func=fs.mutual_info_classif, k=8)
X_top = selector.fit_transform(X, y)  # expect: DLR102
print("selected:", list(data.feature_names[selector.get_support()]))

X_train, X_test, y_train, y_test = train_test_split(X_top, y, test_size=0.3, random_state=0)
rf = RandomForestClassifier(random_state=0).fit(X_train, y_train)
print("test accuracy", rf.score(X_test, y_test))
