"""Pick the 30 genes most correlated with disease status, then fit a sparse logistic model."""
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("expression_with_status.csv").drop_duplicates()
correlations = df.corr(numeric_only=True)["status"].drop("status").abs()  # expect: DLR102
top_genes = correlations.sort_values(ascending=False).index[:30].tolist()
X = df[top_genes]
y = df["status"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=5)
model = LogisticRegression(penalty="l1", solver="liblinear", C=0.5).fit(X_train, y_train)
print("F1 on test", f1_score(y_test, model.predict(X_test)))
