"""miRNA-target site classifier; exact duplicate rows removed before splitting."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

sites = pd.read_csv("mirna_target_sites.csv")
sites = sites.drop_duplicates()
features = [c for c in sites.columns if c not in ("functional", "mirna", "utr")]
train, test = train_test_split(sites, test_size=0.2, random_state=1)
rf = RandomForestClassifier(n_estimators=300, random_state=1).fit(train[features], train["functional"])
print("test accuracy", rf.score(test[features], test["functional"]))
