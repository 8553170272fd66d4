"""miRNA-target site classifier; duplicates removed from each part after splitting."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

sites = pd.read_csv("mirna_target_sites.csv")
train, test = train_test_split(sites, test_size=0.2, random_state=1)  # expect: DLR108
train = train.drop_duplicates()
test = test.drop_duplicates()

features = [c for c in sites.columns if c not in ("functional", "mirna", "utr")]
rf = RandomForestClassifier(n_estimators=300, random_state=1)
rf.fit(train[features], train["functional"])
print("test accuracy", rf.score(test[features], test["functional"]))
