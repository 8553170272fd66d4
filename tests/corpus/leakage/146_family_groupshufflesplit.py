"""Variant effect prediction in pedigrees: relatives stay on the same side of the split."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupShuffleSplit

ped = pd.read_csv("pedigree_variants.csv").drop_duplicates()
features = ["cadd", "revel", "spliceai", "gnomad_af", "conservation"]
splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=0)
train_idx, test_idx = next(splitter.split(ped[features], ped["causal"], groups=ped["family_id"]))
train, test = ped.iloc[train_idx], ped.iloc[test_idx]

gbc = GradientBoostingClassifier(random_state=0).fit(train[features], train["causal"])
print("test accuracy", gbc.score(test[features], test["causal"]))
