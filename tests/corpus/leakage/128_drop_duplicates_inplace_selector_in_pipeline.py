"""IBD from OTU counts: deduplicated in place, chi2 selection inside the pipeline."""
import pandas as pd
from sklearn.feature_selection import SelectKBest, chi2
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline

otu = pd.read_csv("gut_otu_counts.csv")
otu.drop_duplicates(inplace=True)
y = otu["ibd"].to_numpy()
X = otu.drop(columns=["ibd"]).to_numpy()
pipe = Pipeline([("select", SelectKBest(chi2, k=100)), ("nb", MultinomialNB(alpha=0.5))])
scores = cross_val_score(pipe, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0))
print("accuracy", scores.mean())
