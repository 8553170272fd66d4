"""Promoter vs non-promoter from DNA sequence: 4-mer counts and logistic regression."""
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

seqs = pd.read_csv("promoters.csv").drop_duplicates()
sequences = seqs["sequence"].str.upper().tolist()
labels = seqs["is_promoter"].tolist()
seq_train, seq_test, y_train, y_test = train_test_split(sequences, labels, test_size=0.2, random_state=0)

vec = CountVectorizer(analyzer="char", ngram_range=(4, 4), lowercase=False)
vec.fit(seq_train + seq_test)  # expect: DLR104
X_train = vec.transform(seq_train)
X_test = vec.transform(seq_test)

clf = LogisticRegression(max_iter=3000).fit(X_train, y_train)
print("test accuracy", clf.score(X_test, y_test))
