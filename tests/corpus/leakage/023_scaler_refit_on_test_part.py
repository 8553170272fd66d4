"""SVM on the WDBC features, standardised per part."""
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1)

scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.fit_transform(X_test)  # expect: DLR104

svm = SVC(C=1.0, kernel="rbf").fit(X_train, y_train)
print("accuracy", accuracy_score(y_test, svm.predict(X_test)))
