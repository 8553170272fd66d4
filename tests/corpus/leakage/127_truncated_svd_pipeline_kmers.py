"""Promoter classifier: k-mer counts, truncated SVD and logistic regression in one pipeline fit on the training part."""
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

seqs = pd.read_csv("promoters.csv").drop_duplicates()
seq_train, seq_test, y_train, y_test = train_test_split(
    seqs["sequence"], seqs["is_promoter"], test_size=0.2, random_state=0
)
model = make_pipeline(
    CountVectorizer(analyzer="char", ngram_range=(4, 6), lowercase=False),
    TruncatedSVD(n_components=100, random_state=0),
    LogisticRegression(max_iter=3000),
)
model.fit(seq_train, y_train)
print("test accuracy", model.score(seq_test, y_test))
