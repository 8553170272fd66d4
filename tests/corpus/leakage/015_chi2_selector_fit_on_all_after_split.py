"""IBD vs control from gut OTU counts: chi2 selection of 100 OTUs and multinomial naive Bayes."""
import pandas as pd
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import MultinomialNB

otu = pd.read_csv("gut_otu_counts.csv").drop_duplicates()
y = otu["ibd"].to_numpy()
X = otu.drop(columns=["ibd"]).to_numpy()
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)

sel = SelectKBest(chi2, k=100).fit(X, y)  # expect: DLR102
X_train_sel = sel.transform(X_train)
X_test_sel = sel.transform(X_test)

nb = MultinomialNB(alpha=0.5).fit(X_train_sel, y_train)
print("test accuracy", nb.score(X_test_sel, y_test))
