"""Library-API knowledge (which calls fit state, split data, score models) as data.

The facts come from dlreview/data/sklearn_api.json, generated from scikit-learn itself by
scripts/generate_api_data.py, so checks never hard-code API lists and linting never
imports scikit-learn. Callers pass fully qualified, already-resolved names such as
"sklearn.preprocessing.StandardScaler"; every public import path sklearn offers is a key.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType


@dataclass(frozen=True)
class TransformerInfo:
    """How a transformer's fit learns: the facts that decide whether fitting leaks."""

    stateless: bool  # learns nothing in fit (Normalizer, FunctionTransformer)
    labels_only: bool  # fitted on the target alone (LabelEncoder)
    supervised: bool  # fit uses y alongside X (SelectKBest, TargetEncoder)
    module: str  # public home module, e.g. "sklearn.preprocessing"
    random_state: bool  # constructor takes random_state


@dataclass(frozen=True)
class EstimatorInfo:
    kinds: frozenset[str]  # among classifier, regressor, cluster, transformer, outlier_detector
    random_state: bool  # constructor takes random_state
    cv: bool  # constructor takes cv: model selection happens inside fit
    random_by_default: bool = False  # its default configuration's result depends on random_state (probed)


@dataclass(frozen=True)
class SplitterInfo:
    groups: bool  # split() consumes groups
    time_ordered: bool  # training indices always precede test indices
    shuffle_param: bool  # constructor has `shuffle`
    random_state: bool  # constructor takes random_state


@dataclass(frozen=True)
class MetricInfo:
    # classification_label | classification_score | regression | clustering | curve | other
    category: str
    precision_recall: bool  # precision/recall family (sensitive to class imbalance)


@dataclass(frozen=True)
class ApiData:
    """Everything in sklearn_api.json, read-only."""

    sklearn_version: str
    transformers: Mapping[str, TransformerInfo]
    estimators: Mapping[str, EstimatorInfo]
    splitters: Mapping[str, SplitterInfo]
    split_functions: frozenset[str]
    cv_functions: frozenset[str]
    search_cv: frozenset[str]
    pipelines: Mapping[str, str]
    shuffle_functions: frozenset[str]
    resample_functions: frozenset[str]
    metrics: Mapping[str, MetricInfo]
    curated: Mapping[str, frozenset[str]]  # hand-maintained torch/numpy/imblearn/keras names

    @property
    def samplers(self) -> frozenset[str]:
        return self.curated["imblearn_samplers"]

    @property
    def imblearn_pipelines(self) -> frozenset[str]:
        return self.curated["imblearn_pipelines"]

    @property
    def torch_split_functions(self) -> frozenset[str]:
        return self.curated["torch_split_functions"]

    @property
    def torch_subset(self) -> frozenset[str]:
        return self.curated["torch_subset"]

    @property
    def permutation_functions(self) -> frozenset[str]:
        return self.curated["numpy_permutation"] | self.curated["torch_permutation"]

    def curated_set(self, key: str) -> frozenset[str]:
        return self.curated.get(key, frozenset())

    def is_model_class(self, qualname: str) -> bool:
        """A model class of a library other than scikit-learn (Keras, XGBoost, LightGBM, CatBoost, torch.nn)."""
        last = qualname.rsplit(".", 1)[-1]
        return bool(last[:1].isupper()) and any(qualname.startswith(p) for p in self.curated_set("model_class_prefixes"))

    def is_metric(self, qualname: str) -> bool:
        """A function whose result scores predictions against labels."""
        return qualname in self.metrics or any(qualname.startswith(p) for p in self.curated_set("metric_prefixes"))

    def is_supervised_transformer(self, qualname: str) -> bool:
        """A transformer whose fit learns from the labels (SelectKBest, RFE, TargetEncoder): selection bias.

        Composites (ColumnTransformer, FeatureUnion) and ensembles that scikit-learn marks as needing y are
        judged by their parts, not here."""
        info = self.transformers.get(qualname)
        return (info is not None and info.supervised
                and info.module not in ("sklearn.compose", "sklearn.pipeline", "sklearn.ensemble", "sklearn.isotonic"))

    def is_stateful_transformer(self, qualname: str) -> bool:
        """True if fitting it learns statistics from X: fitting it before the split leaks."""
        info = self.transformers.get(qualname)
        return info is not None and not info.stateless and not info.labels_only

    def cross_validates(self, qualname: str) -> bool:
        """Its fit runs a cross-validation (GridSearchCV, LogisticRegressionCV, ...)."""
        info = self.estimators.get(qualname)
        return qualname in self.search_cv or (info is not None and info.cv)


def canonical(qualname: str) -> str:
    """The public name of something imported through a private module: ``sklearn.preprocessing._data.X``
    is ``sklearn.preprocessing.X``."""
    if "._" not in qualname:
        return qualname
    head, _, last = qualname.rpartition(".")
    return ".".join(part for part in head.split(".") if not part.startswith("_")) + "." + last


def _frozen(mapping: dict, make) -> Mapping:
    return MappingProxyType({name: make(value) for name, value in mapping.items()})


@functools.cache
def load() -> ApiData:
    """Parse the packaged JSON once per process (json only, so imports stay cheap)."""
    raw = json.loads(
        (files("dlreview") / "data" / "sklearn_api.json").read_text(encoding="utf-8"))
    return ApiData(
        sklearn_version=raw["sklearn_version"],
        transformers=_frozen(raw["transformers"], lambda v: TransformerInfo(**v)),
        estimators=_frozen(raw["estimators"], lambda v: EstimatorInfo(
            kinds=frozenset(v["kinds"]), random_state=v["random_state"], cv=v["cv"],
            random_by_default=v["random_by_default"])),
        splitters=_frozen(raw["splitters"], lambda v: SplitterInfo(**v)),
        split_functions=frozenset(raw["split_functions"]),
        cv_functions=frozenset(raw["cv_functions"]),
        search_cv=frozenset(raw["search_cv"]),
        pipelines=MappingProxyType(dict(raw["pipelines"])),
        shuffle_functions=frozenset(raw["shuffle_functions"]),
        resample_functions=frozenset(raw["resample_functions"]),
        metrics=_frozen(raw["metrics"], lambda v: MetricInfo(**v)),
        curated=_frozen(raw["curated"], frozenset),
    )


def is_transformer(qualname: str) -> bool:
    return qualname in load().transformers


def is_stateful_transformer(qualname: str) -> bool:
    return load().is_stateful_transformer(qualname)


def transformer_info(qualname: str) -> TransformerInfo | None:
    return load().transformers.get(qualname)


def estimator_info(qualname: str) -> EstimatorInfo | None:
    return load().estimators.get(qualname)


def is_splitter(qualname: str) -> bool:
    """A CV splitter class (KFold, GroupKFold, TimeSeriesSplit...)."""
    return qualname in load().splitters


def splitter_info(qualname: str) -> SplitterInfo | None:
    return load().splitters.get(qualname)


def is_split_function(qualname: str) -> bool:
    """A function that splits arrays into train/test (train_test_split)."""
    return qualname in load().split_functions


def is_cv_function(qualname: str) -> bool:
    """A function that fits an estimator under cross-validation (cross_val_score...)."""
    return qualname in load().cv_functions


def is_search_cv(qualname: str) -> bool:
    """A hyper-parameter search estimator (GridSearchCV...)."""
    return qualname in load().search_cv


def pipeline_convention(qualname: str) -> str | None:
    """How a pipeline builder receives its steps: "steps", "varargs", "transformers",
    "varargs_tuples" or "transformer_list"; None if `qualname` is not one."""
    return load().pipelines.get(qualname)


def metric_info(qualname: str) -> MetricInfo | None:
    return load().metrics.get(qualname)
