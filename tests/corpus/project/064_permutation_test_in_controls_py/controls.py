from sklearn.model_selection import StratifiedKFold, permutation_test_score


def label_permutation_test(model, X, y, seed=0, n_permutations=1000):
    """Refit the model on permuted labels; the observed score should be far out in the null distribution."""
    score, null, p = permutation_test_score(model, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=seed),
                                            scoring="f1", n_permutations=n_permutations, random_state=seed)
    return {"score": score, "null_mean": null.mean(), "p": p}
