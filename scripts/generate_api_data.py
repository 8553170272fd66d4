"""Generate dlreview/data/sklearn_api.json from the installed scikit-learn.

dlreview must know which library calls learn state, split data or score models without
importing those libraries at lint time, so that knowledge is derived here, once, from
scikit-learn's own introspection (all_estimators, tags, signatures, metadata routing) and
stored as data. Rerun after bumping the pinned scikit-learn; `--check` exits 1 when stale.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import re
import sys
import warnings
from pathlib import Path
from types import ModuleType

import numpy as np
import sklearn
from sklearn.base import OutlierMixin
from sklearn.experimental import (  # noqa: F401  (they expose experimental estimators)
    enable_halving_search_cv,
    enable_iterative_imputer,
)
from sklearn.linear_model import LogisticRegression
from sklearn.utils import all_estimators, get_tags

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "dlreview" / "data" / "sklearn_api.json"
KINDS = ("classifier", "regressor", "cluster", "transformer")  # all_estimators' type filters
SKIPPED = {"externals", "tests"}  # vendored third-party code and test suites: not sklearn API

# Minimal values for constructor parameters without a default: get_tags() and
# get_metadata_routing() need instances. A new required parameter fails loudly (KeyError).
PLACEHOLDERS = {
    "estimator": LogisticRegression, "estimators": lambda: [("lr", LogisticRegression())],
    "transformers": list, "transformer_list": list, "dictionary": lambda: np.eye(2),
    "n_groups": lambda: 2, "p": lambda: 2, "test_fold": lambda: np.arange(12) % 3,
}

# Hand-written: calling conventions (how each constructor/factory receives its steps).
PIPELINES = {
    "sklearn.pipeline.Pipeline": "steps",
    "sklearn.pipeline.make_pipeline": "varargs",
    "sklearn.pipeline.FeatureUnion": "transformer_list",
    "sklearn.pipeline.make_union": "varargs",
    "sklearn.compose.ColumnTransformer": "transformers",
    "sklearn.compose.make_column_transformer": "varargs_tuples",
}

_OVER = "ADASYN BorderlineSMOTE KMeansSMOTE RandomOverSampler SMOTE SMOTEN SMOTENC SVMSMOTE"
_UNDER = ("AllKNN ClusterCentroids CondensedNearestNeighbour EditedNearestNeighbours "
          "InstanceHardnessThreshold NearMiss NeighbourhoodCleaningRule OneSidedSelection "
          "RandomUnderSampler RepeatedEditedNearestNeighbours TomekLinks")
# Hand-maintained: these libraries are not dependencies, so nothing here can be derived.
CURATED = {
    # torch: splits a Dataset into random train/test subsets.
    "torch_split_functions": ["torch.utils.data.random_split"],
    # torch: index-based dataset views, the manual way to build train/test sets.
    "torch_subset": ["torch.utils.data.Subset"],
    # torch: random permutation used for hand-rolled shuffling and splitting.
    "torch_permutation": ["torch.randperm"],
    # numpy: hand-rolled shuffling and splitting.
    "numpy_permutation": ["numpy.random.permutation", "numpy.random.shuffle"],
    # imbalanced-learn public samplers (over/under/combined): resampling before a split leaks.
    "imblearn_samplers": sorted(
        [f"imblearn.over_sampling.{n}" for n in _OVER.split()]
        + [f"imblearn.under_sampling.{n}" for n in _UNDER.split()]
        + ["imblearn.combine.SMOTEENN", "imblearn.combine.SMOTETomek"]),
    # imbalanced-learn pipelines, which apply samplers during fit only.
    "imblearn_pipelines": ["imblearn.pipeline.Pipeline", "imblearn.pipeline.make_pipeline"],
    # keras Model.fit keyword arguments that carve out or pass a validation set.
    "keras_fit_validation_kwargs": ["validation_split", "validation_data"],
    # Keyword arguments of fit/train calls in Keras, XGBoost, LightGBM, CatBoost and PyTorch Lightning that hand
    # a data set to training for monitoring, early stopping or checkpointing: it must not be the test set.
    "evaluation_keywords": ["eval_set", "evals", "val_dataloaders", "valid_sets", "validation_data"],
    # Model classes outside scikit-learn, by name prefix: their instances fit, predict and evaluate.
    "model_class_prefixes": ["catboost.CatBoost", "keras.Model", "keras.Sequential", "keras.models.",
                             "lightgbm.LGBM", "tensorflow.keras.Model", "tensorflow.keras.Sequential",
                             "tensorflow.keras.models.", "torch.nn.", "xgboost.XGB"],
    # Base classes whose subclasses' objects hold rows of data (a custom torch Dataset, a Keras Sequence).
    "dataset_classes": ["keras.utils.PyDataset", "keras.utils.Sequence", "tensorflow.keras.utils.Sequence",
                        "torch.utils.data.Dataset", "torch.utils.data.IterableDataset"],
    # Functions that read a data set from a file (rows may repeat: nobody has removed duplicates yet).
    "file_loaders": ["numpy.genfromtxt", "numpy.loadtxt", "pandas.read_csv", "pandas.read_excel",
                     "pandas.read_feather", "pandas.read_hdf", "pandas.read_parquet", "pandas.read_table"],
    # Ways to drop duplicate rows.
    "deduplicating_functions": ["numpy.unique"],
    "deduplicating_methods": ["drop_duplicates"],
    # Summary statistics over rows: computed on all rows and mixed back into the data, they leak like a scaler.
    "statistic_functions": ["numpy.amax", "numpy.amin", "numpy.max", "numpy.mean", "numpy.median", "numpy.min",
                            "numpy.nanmax", "numpy.nanmean", "numpy.nanmedian", "numpy.nanmin", "numpy.nanstd",
                            "numpy.percentile", "numpy.quantile", "numpy.std", "numpy.var", "torch.max",
                            "torch.mean", "torch.median", "torch.min", "torch.std", "torch.var"],
    "statistic_methods": ["max", "mean", "median", "min", "quantile", "std", "var"],
    # pandas correlation methods: used to pick features by their correlation with the label.
    "correlation_methods": ["corr", "corrwith"],
    # Metrics outside sklearn.metrics, by name prefix (their results are scores).
    "metric_prefixes": ["torch.nn.functional.", "torchmetrics.", "keras.losses.", "keras.metrics.",
                        "tensorflow.keras.losses.", "tensorflow.keras.metrics."],
}

METRIC_SUFFIXES = ("_score", "_error", "_loss", "_curve")
METRIC_NAMES = {"classification_report", "confusion_matrix", "precision_recall_fscore_support"}
SCORE_PARAMS = {"y_score", "y_proba", "y_prob", "probas_pred", "pred_decision"}
CLUSTER_PARAMS = {"labels_true", "labels_pred"}
PRECISION_RECALL_TOKENS = {"precision", "recall", "f1", "fbeta", "fscore"}
# How scikit-learn documents a `y` that fit accepts but does not use.
IGNORED_Y = re.compile(r"ignored|not used|not needed|none for unsupervised", re.IGNORECASE)


def _walk(name: str):
    """Yield module `name` and its public submodules, recursively."""
    module = importlib.import_module(name)
    yield module
    for info in pkgutil.iter_modules(getattr(module, "__path__", [])):
        if not info.name.startswith("_") and info.name not in SKIPPED:
            yield from _walk(f"{name}.{info.name}")


def _exports(module: ModuleType):
    """(name, object) users may import from `module`: its __all__, else what it defines."""
    has_all = hasattr(module, "__all__")
    names = set(module.__all__) if has_all else {n for n in vars(module) if n[0] != "_"}
    for name in sorted(names):
        obj = getattr(module, name)
        home = getattr(obj, "__module__", None) or ""
        own = home == module.__name__ or home.startswith(module.__name__ + "._")
        if home.startswith("sklearn") and (has_all or own):
            yield name, obj


def public_paths() -> dict[object, list[str]]:
    """Each public sklearn class/function -> all its public qualified names, shortest first."""
    paths: dict[object, set[str]] = {}
    for top in sklearn.__all__:
        if top in SKIPPED or not isinstance(getattr(sklearn, top), ModuleType):
            continue
        for module in _walk(f"sklearn.{top}"):
            for name, obj in _exports(module):
                if inspect.isclass(obj) or inspect.isfunction(obj):
                    paths.setdefault(obj, set()).add(f"{module.__name__}.{name}")
    return {obj: sorted(p, key=lambda q: (q.count("."), q)) for obj, p in paths.items()}


def _params(obj) -> set[str]:
    return set(inspect.signature(obj).parameters)


def _required(cls) -> list[str]:
    """Constructor parameters without a default."""
    return [p.name for p in inspect.signature(cls).parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _instance(cls):
    return cls(**{name: PLACEHOLDERS[name]() for name in _required(cls)})


def _y_doc(cls) -> str | None:
    """First sentence of fit's numpydoc `y` entry ("" if undocumented); None without y."""
    if "y" not in _params(cls.fit):
        return None
    lines = (inspect.getdoc(cls.fit) or "").splitlines()
    for i, line in enumerate(lines):
        if re.match(r"y\s*:", line):
            entry = [line]
            for nxt in lines[i + 1:]:
                if nxt and not nxt[0].isspace():
                    break
                entry.append(nxt)
            return " ".join(" ".join(entry).split()).split(". ")[0]
    return ""


def _learns_nothing_from_rows(cls, uses_y: bool) -> bool:
    """Probe: fit on two data sets that differ in every way a fit can notice (scale, which column predicts the
    label, which column is constant, where values are missing); if both then transform a third data set the same
    way, the fit learned only the shape (PolynomialFeatures), nothing from the rows."""
    if {"random_state", "estimator"} & set(_params(cls)):
        return False  # a random fit differs anyway (its sameness would be luck); a meta-estimator fits a model

    rng = np.random.default_rng(0)
    first, second = rng.uniform(1, 10, size=(60, 15)), rng.uniform(100, 1000, size=(60, 15))
    first[rng.random((60, 15)) < 0.4] = 0.0      # different sparsity patterns (document frequencies)
    second[:, :5][rng.random((60, 5)) < 0.8] = 0.0
    first[:, 1] = 5.0                             # a constant column in one only
    first_labels = (first[:, 0] > np.median(first[:, 0])).astype(int)      # which column predicts the label
    second_labels = (second[:, 7] > np.median(second[:, 7])).astype(int)
    first[:6, 0] = first[6:12, 3] = np.nan        # where values are missing
    second[:6, 0] = np.nan
    probe = rng.uniform(1, 1000, size=(20, 15))
    probe[0, 0] = np.nan
    clean = [np.nan_to_num(rows, nan=3.0) for rows in (first, second, probe)]
    for (one, two, probed) in ((first, second, probe), clean):
        outputs = []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for rows, labels in ((one, first_labels), (two, second_labels)):
                    fitted = _instance(cls)
                    fitted.fit(rows, labels) if uses_y else fitted.fit(rows)
                    output = fitted.transform(probed)
                    outputs.append(output.toarray() if hasattr(output, "toarray") else np.asarray(output, dtype=float))
        except Exception:  # noqa: BLE001, S112 - no missing values allowed: probe again without; other input needed: learns from rows
            continue
        return outputs[0].shape == outputs[1].shape and bool(np.allclose(outputs[0], outputs[1], equal_nan=True))
    return False


def _random_by_default(cls, kinds: set[str]) -> bool:
    """Probe: fit the default configuration with two different ``random_state`` values on the same data; if what
    it predicts, transforms or clusters differs, its result depends on the seed (RandomForest, MLP, KMeans), and a
    call without ``random_state`` is not reproducible. LogisticRegression's default solver, SVC or PCA on small
    data give the same result whatever the seed: leaving it out changes nothing."""
    if "random_state" not in _params(cls):
        return False
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(80, 6))
    rows[:, 0] += np.repeat([0.0, 1.0], 40)
    labels = np.repeat([0, 1], 40)
    targets = rows[:, 0] * 2 + rng.normal(scale=0.5, size=80)
    unseen = rng.normal(size=(40, 6))   # rows it was not fitted on: a memorising model differs there
    outputs = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for seed in (0, 1):
                model = cls(**{name: PLACEHOLDERS[name]() for name in _required(cls)}, random_state=seed)
                y = targets if "regressor" in kinds else labels
                if hasattr(model, "fit_predict") and not hasattr(model, "predict"):
                    output = model.fit_predict(rows)
                elif hasattr(model, "predict_proba") and "classifier" in kinds:
                    output = model.fit(rows, y).predict_proba(unseen)
                elif hasattr(model, "predict"):
                    output = model.fit(rows, y).predict(unseen)
                elif hasattr(model, "fit_transform"):
                    output = model.fit_transform(rows, y)
                else:
                    return True
                outputs.append(output.toarray() if hasattr(output, "toarray") else np.asarray(output, dtype=float))
    except Exception:  # noqa: BLE001 - cannot be probed with defaults: it takes a seed, so assume it uses it
        return True
    return outputs[0].shape != outputs[1].shape or not np.allclose(outputs[0], outputs[1])


def _transformer(cls, module: str) -> dict:
    tags = get_tags(_instance(cls))
    target = tags.target_tags
    labels_only = not tags.input_tags.two_d_array and (
        target.one_d_labels or target.two_d_labels)
    # target_tags.required misses transformers whose fit merely *accepts* y=None
    # (SelectKBest, SelectFromModel, PLS...), so also trust fit's documented y.
    y_doc = _y_doc(cls)
    uses_y = target.required or bool(y_doc and not IGNORED_Y.search(y_doc))
    # composites are judged by their parts; neighbour graphs keep the training rows themselves
    composite = module in ("sklearn.compose", "sklearn.pipeline", "sklearn.neighbors")
    stateless = not tags.requires_fit or (not labels_only and not composite and _learns_nothing_from_rows(cls, uses_y))
    return {"stateless": stateless, "labels_only": labels_only,
            "supervised": uses_y and not labels_only,  # fitting on y alone is labels_only
            "module": module, "random_state": "random_state" in _params(cls)}


def _splitter(cls) -> dict:
    splitter, params = _instance(cls), _params(cls)
    np.random.seed(0)  # splitters with random_state=None draw from numpy's global RNG
    folds = list(splitter.split(np.zeros((12, 1)), np.arange(12) % 2, np.arange(12) // 2))
    return {"groups": "groups" in splitter.get_metadata_routing().split.requests,
            # probe: every training index precedes every test index in every fold
            "time_ordered": all(train.max() < test.min() for train, test in folds),
            "shuffle_param": "shuffle" in params, "random_state": "random_state" in params}


def _metric(func) -> dict:
    name, params, home = func.__name__, _params(func), func.__module__
    if name.endswith("_curve"):
        category = "curve"
    elif home.startswith("sklearn.metrics.cluster") or params & CLUSTER_PARAMS:
        category = "clustering"
    elif params & SCORE_PARAMS:
        category = "classification_score"
    elif home.rpartition(".")[2].lstrip("_") == "regression":
        category = "regression"
    elif "y_pred" in params:
        category = "classification_label"
    else:
        category = "other"
    pr = bool(set(name.split("_")) & PRECISION_RECALL_TOKENS) or name == "classification_report"
    return {"category": category, "precision_recall": pr}


def _verified(qualname: str) -> str:
    module, _, attr = qualname.rpartition(".")
    if not hasattr(importlib.import_module(module), attr):
        raise LookupError(f"{qualname} is gone from scikit-learn {sklearn.__version__}")
    return qualname


def _estimator_sections(paths: dict) -> dict:
    kinds: dict[type, set[str]] = {}
    for kind in KINDS:
        for _, cls in all_estimators(type_filter=kind):
            kinds.setdefault(cls, set()).add(kind)
    estimators, transformers = {}, {}
    for _, cls in all_estimators():
        own = kinds.setdefault(cls, set())
        if issubclass(cls, OutlierMixin):
            own.add("outlier_detector")
        # CountVectorizer/TfidfVectorizer lack TransformerMixin (and transformer tags), so the
        # type filter misses them: add self-contained classes with fit_transform + transform.
        if hasattr(cls, "fit_transform") and hasattr(cls, "transform") and not _required(cls):
            own.add("transformer")
        names = paths.get(cls)
        if not names:
            raise LookupError(f"{cls.__module__}.{cls.__qualname__}: no public import path")
        params = _params(cls)
        entry = {"kinds": sorted(own), "random_state": "random_state" in params,
                 "random_by_default": _random_by_default(cls, own), "cv": "cv" in params}
        estimators.update(dict.fromkeys(names, entry))
        if "transformer" in own:
            info = _transformer(cls, module=names[0].rpartition(".")[0])
            transformers.update(dict.fromkeys(names, info))
    return {"estimators": estimators, "transformers": transformers}


def _function_sections(paths: dict) -> dict:
    splitters, metrics = {}, {}
    split_functions, cv_functions, search_cv = set(), set(), set()
    for obj, names in paths.items():
        in_model_selection = any(n.startswith("sklearn.model_selection.") for n in names)
        if in_model_selection and inspect.isclass(obj):
            if (hasattr(obj, "split") and hasattr(obj, "get_n_splits")
                    and not inspect.isabstract(obj) and not obj.__name__.startswith("Base")):
                splitters.update(dict.fromkeys(names, _splitter(obj)))
            if "cv" in _params(obj) and _params(obj) & {"param_grid", "param_distributions"}:
                search_cv.update(names)
        elif in_model_selection and inspect.isfunction(obj):
            sig = inspect.signature(obj).parameters
            arrays = sig.get("arrays")
            varargs = arrays is not None and arrays.kind is arrays.VAR_POSITIONAL
            if varargs and {"test_size", "train_size"} <= set(sig):
                split_functions.update(names)
            if {"estimator", "cv"} <= set(sig):
                cv_functions.update(names)
        if (any(n.startswith("sklearn.metrics.") for n in names) and inspect.isfunction(obj)
                and (obj.__name__.endswith(METRIC_SUFFIXES) or obj.__name__ in METRIC_NAMES)):
            metrics.update(dict.fromkeys(names, _metric(obj)))
    return {"splitters": splitters, "metrics": metrics,
            "split_functions": sorted(split_functions),
            "cv_functions": sorted(cv_functions), "search_cv": sorted(search_cv)}


def build() -> dict:
    """Derive the whole data set from the installed scikit-learn."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecations and convergence chatter from probing
        paths = public_paths()
        return {
            "sklearn_version": sklearn.__version__,
            "generated_by": "scripts/generate_api_data.py",
            **_estimator_sections(paths),
            **_function_sections(paths),
            "pipelines": {_verified(name): arg for name, arg in PIPELINES.items()},
            "shuffle_functions": [_verified("sklearn.utils.shuffle")],
            "resample_functions": [_verified("sklearn.utils.resample")],
            "curated": CURATED,
        }


def render(data: dict) -> str:
    """The exact text stored on disk: sorted keys keep it deterministic and diffable."""
    return json.dumps(data, sort_keys=True, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the stored file differs from what would be generated")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        stored = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if stored != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date for scikit-learn "
                  f"{sklearn.__version__}; run: python scripts/generate_api_data.py",
                  file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date (scikit-learn {sklearn.__version__})")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} (scikit-learn {sklearn.__version__})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
