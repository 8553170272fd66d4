"""dlreview/data/sklearn_api.json: in sync with scikit-learn, and derived correctly."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dlreview import apidata

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "generate_api_data.py"
DATA = ROOT / "dlreview" / "data" / "sklearn_api.json"

SK = "sklearn."
PRE, MS, FS = SK + "preprocessing.", SK + "model_selection.", SK + "feature_selection."


def _generator():
    """scripts/ is not a package: import the generator by path."""
    spec = importlib.util.spec_from_file_location("generate_api_data", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stored_json_matches_installed_sklearn():
    sklearn = pytest.importorskip("sklearn")
    stored_text = DATA.read_text(encoding="utf-8")
    stored = json.loads(stored_text)
    if sklearn.__version__ != stored["sklearn_version"]:
        pytest.fail(
            f"{DATA.relative_to(ROOT)} was generated from scikit-learn "
            f"{stored['sklearn_version']} but {sklearn.__version__} is installed; install the "
            "pinned dev extras or run `python scripts/generate_api_data.py` and commit the result")
    generator = _generator()
    built = generator.build()
    assert json.loads(generator.render(built)) == stored, (
        "stale data: run `python scripts/generate_api_data.py`")
    assert generator.render(built) == stored_text, "not rendered by the generator"


@pytest.mark.parametrize("name", [
    PRE + "StandardScaler", PRE + "MinMaxScaler", SK + "impute.SimpleImputer",
    PRE + "OneHotEncoder", SK + "decomposition.PCA", FS + "SelectKBest",
    SK + "feature_extraction.text.TfidfVectorizer",
])
def test_stateful_transformers(name):
    assert apidata.is_transformer(name)
    assert apidata.is_stateful_transformer(name)


@pytest.mark.parametrize("name", [PRE + "Normalizer", PRE + "FunctionTransformer"])
def test_stateless_transformers(name):
    assert apidata.transformer_info(name).stateless
    assert not apidata.is_stateful_transformer(name)


def test_label_transformers():
    assert apidata.transformer_info(PRE + "LabelEncoder").labels_only
    assert not apidata.is_stateful_transformer(PRE + "LabelEncoder")
    assert not apidata.transformer_info(PRE + "StandardScaler").labels_only


def test_supervised_transformers():
    for name in (FS + "SelectKBest", FS + "RFE", FS + "SelectFromModel", PRE + "TargetEncoder"):
        assert apidata.transformer_info(name).supervised, name
    for name in (PRE + "StandardScaler", SK + "decomposition.PCA", PRE + "LabelEncoder"):
        assert not apidata.transformer_info(name).supervised, name


def test_non_transformers_are_not_transformers():
    assert not apidata.is_transformer(SK + "linear_model.LogisticRegression")
    assert not apidata.is_stateful_transformer("sklearn.preprocessing._data.StandardScaler")


def test_splitters():
    for name in ("KFold", "StratifiedKFold", "GroupKFold", "TimeSeriesSplit"):
        assert apidata.is_splitter(MS + name), name
    assert apidata.splitter_info(MS + "GroupKFold").groups
    assert not apidata.splitter_info(MS + "KFold").groups
    assert apidata.splitter_info(MS + "TimeSeriesSplit").time_ordered
    assert not apidata.splitter_info(MS + "KFold").time_ordered
    assert apidata.splitter_info(MS + "KFold").shuffle_param
    assert not apidata.is_splitter(MS + "GridSearchCV")


def test_model_selection_functions():
    assert apidata.is_split_function(MS + "train_test_split")
    assert apidata.is_cv_function(MS + "cross_val_score")
    assert not apidata.is_cv_function(MS + "train_test_split")
    assert apidata.is_search_cv(MS + "GridSearchCV")
    assert apidata.is_search_cv(MS + "HalvingRandomSearchCV")


def test_estimators():
    info = apidata.estimator_info(SK + "linear_model.LogisticRegression")
    assert "classifier" in info.kinds and info.random_state and not info.cv
    assert apidata.estimator_info(SK + "linear_model.LogisticRegressionCV").cv


def test_metrics():
    assert apidata.metric_info(SK + "metrics.average_precision_score").precision_recall
    assert not apidata.metric_info(SK + "metrics.accuracy_score").precision_recall
    assert apidata.metric_info(SK + "metrics.roc_auc_score").category == "classification_score"
    assert apidata.metric_info(SK + "metrics.accuracy_score").category == "classification_label"
    assert apidata.metric_info(SK + "metrics.roc_curve").category == "curve"
    assert apidata.metric_info(SK + "metrics.mean_squared_error").category == "regression"
    # re-exported: both public paths are keys
    assert apidata.metric_info(SK + "metrics.cluster.adjusted_rand_score").category == "clustering"
    assert apidata.metric_info(SK + "metrics.adjusted_rand_score").category == "clustering"


def test_loads_through_apidata():
    data = apidata.load()
    assert data is apidata.load()  # parsed once
    assert data.sklearn_version == json.loads(DATA.read_text(encoding="utf-8"))["sklearn_version"]
    assert apidata.pipeline_convention(SK + "pipeline.make_pipeline") == "varargs"
    assert apidata.pipeline_convention(SK + "compose.ColumnTransformer") == "transformers"
    assert apidata.pipeline_convention(SK + "linear_model.LogisticRegression") is None
    assert "sklearn.utils.shuffle" in data.shuffle_functions
    assert "torch.utils.data.random_split" in data.curated["torch_split_functions"]
    assert "imblearn.over_sampling.SMOTE" in data.curated["imblearn_samplers"]
    with pytest.raises(TypeError):
        data.transformers["x"] = None  # read-only
