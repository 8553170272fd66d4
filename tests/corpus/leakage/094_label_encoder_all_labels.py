"""Cancer type from RNA-seq; string labels encoded once for all rows."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

rna = pd.read_csv("pancan_rnaseq.csv").drop_duplicates()
encoder = LabelEncoder()
y = encoder.fit_transform(rna["cancer_type"])
X = rna.drop(columns=["cancer_type"]).to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
rf = RandomForestClassifier(n_estimators=500, random_state=0).fit(X_train, y_train)
print(classification_report(y_test, rf.predict(X_test), target_names=encoder.classes_))
