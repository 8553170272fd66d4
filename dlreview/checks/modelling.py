"""Tips 2, 6 and 7 across a project: baselines, equal tuning, recorded hyperparameters, the metric panel, a
validation split for tuning, and a label-shuffle control. Each reports once per project, on its entry point (the
first script or notebook, in path order, whose run reaches what the rule is about), except where the problem has a
place of its own (an untuned baseline's construction, a tuning call)."""

from __future__ import annotations

from collections.abc import Iterator

from dlreview.apidata import load
from dlreview.checks import libraries as lib
from dlreview.checks.queries import baseline_name, deep_kind, entry_point, short
from dlreview.findings import Severity
from dlreview.project import TUNING_RESULTS, Project, ProjectCheck, ProjectReport, Reached, SourceFile


def _deep(project: Project):
    return lambda item: item.is_call and deep_kind(project, item.file, item.fact) is not None


def _baselines(project: Project) -> list[tuple[SourceFile, dict, str]]:
    found = []
    for source, call in project.all_calls():
        name = baseline_name(call)
        if name is not None:
            found.append((source, call, name))
    return found


# ------------------------------------------------------------------------------------------------ DLR301
class MissingBaseline(ProjectCheck):
    id = "DLR301"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        entry = entry_point(project, _deep(project))
        if entry is None or _baselines(project):
            return
        source, item = entry
        model = short(item.fact.get("name") or "model")
        yield ProjectReport(f"a deep model (`{model}`) is trained and no traditional model is trained anywhere in the "
                            f"project: without a baseline (logistic regression, random forest, gradient boosting, "
                            f"an SVM) nobody can tell whether deep learning adds anything (Tip 2)", source, item.site)


# ------------------------------------------------------------------------------------------------ tuning
def _tuning_functions(project: Project) -> list[tuple[SourceFile, str]]:
    """Functions handed to a tuning library: an Optuna objective, a Keras Tuner model builder, a Ray trainable."""
    found = []
    for source, call in project.all_calls():
        name = call.get("name") or ""
        if name.startswith(lib.TUNING_PREFIXES):
            found.extend((source, fn) for fn in call.get("fns", []))
    return found


def tuning_calls(project: Project) -> list[tuple[SourceFile, dict]]:
    """Calls that tune hyperparameters: a search CV's fit, a study's optimize, a tuner's search, ``fmin``, a Ray
    ``Tuner.fit``; for a search object that is never fitted, its construction."""
    api = load()
    found: list[tuple[SourceFile, dict]] = []
    for source in project.files.values():
        constructions, runs = [], []
        for call in source.calls:
            name, method = call.get("name") or "", call.get("method")
            searching = name in api.search_cv or name == "skopt.BayesSearchCV"
            if searching and method is None:
                constructions.append(call)
            elif searching and method == "fit" or name.startswith(lib.TUNING_PREFIXES) and method in lib.TUNING_RUN_METHODS or name in ("hyperopt.fmin", "skopt.gp_minimize", "skopt.forest_minimize", "ray.tune.run"):
                runs.append(call)
        found.extend((source, call) for call in (runs or constructions))
    return sorted(found, key=lambda pair: (pair[0].rel, pair[1]["at"][1] or 0))


def _is_hand_tuned(call: dict) -> bool:
    """Built in a loop with an argument that is not a literal: ``for lr in grid: Net(lr=lr)``."""
    values = [*call.get("kw", {}).values(), *call.get("pos", [])]
    return bool(call.get("loop")) and any(value == "?" for value in values)


def tuned_models(project: Project) -> tuple[set[str], bool]:
    """Names of the model classes that are tuned somewhere, and whether a deep model is among them."""
    api = load()
    tuned: set[str] = set()
    deep = False
    for source, call in project.all_calls():
        name = call.get("name") or ""
        if (name in api.search_cv or name == "skopt.BayesSearchCV") and not call.get("method"):
            for model in call.get("models", []):
                tuned.add(short(model))
                if short(model) in lib.SKLEARN_DEEP or model.startswith(lib.DEEP_WRAPPERS):
                    deep = True
                if model.startswith("local:"):
                    deep = deep or bool(set(project.class_bases(source, model[6:])) & (
                        lib.TORCH_MODULE_BASES | lib.KERAS_MODEL_BASES))
    for source, function in _tuning_functions(project):
        for item in project.reach(source, function):
            owner, call = item.file, item.fact
            if not item.is_call:
                continue
            if deep_kind(project, owner, call):
                deep = True
            base = baseline_name(call)
            if base:
                tuned.add(base)
    for source, call in project.all_calls():
        if _is_hand_tuned(call):
            if deep_kind(project, source, call) or _is_optimizer(call):
                deep = True
            base = baseline_name(call)
            if base:
                tuned.add(base)
    return tuned, deep


def _is_optimizer(call: dict) -> bool:
    name = call.get("name") or ""
    return not call.get("method") and name.startswith(lib.TORCH_OPTIMIZER_PREFIX) and short(name)[:1].isupper()


# ------------------------------------------------------------------------------------------------ DLR302
class UnequalTuning(ProjectCheck):
    id = "DLR302"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        tuned, deep_tuned = tuned_models(project)
        if not deep_tuned:
            return
        for source, call, name in sorted(_baselines(project), key=lambda t: (t[0].rel, t[1]["at"][1] or 0)):
            if name in tuned or _is_hand_tuned(call) or load().cross_validates(call.get("name") or ""):
                continue  # tuned, or tunes itself (LogisticRegressionCV, RidgeCV)
            arguments = set(call.get("kw", {})) - lib.NOT_HYPERPARAMETERS
            if arguments or call.get("pos"):
                continue
            yield ProjectReport(f"the deep model's hyperparameters are tuned but this `{name}` baseline keeps its "
                                f"defaults: the comparison favours the deep model (Tips 2 and 6); tune the baseline "
                                f"with the same budget (e.g. `GridSearchCV({name}(), param_grid)`)", source,
                                tuple(call["at"]))


# ------------------------------------------------------------------------------------------------ DLR303
def _records(project: Project) -> bool:
    """The project saves or logs what the tuning chose (see DLR303's docs for what counts)."""
    api = load()
    for source, call in project.all_calls():
        name, method = call.get("name") or "", call.get("method")
        if name.startswith(lib.TRACKER_PREFIXES) or method == "add_hparams":
            return True
        if name == "optuna.create_study" and "storage" in call.get("kw", {}):
            return True
        # ``joblib.dump(search, ...)``: the whole search object, its results included
        if name in lib.WRITERS and any(model in api.search_cv for model in call.get("models", [])):
            return True
        mentions = set(call.get("attrs", [])) & TUNING_RESULTS or \
            set(call.get("names", [])) & set(source.facts.get("best_names", []))
        if not mentions:
            continue
        if name in lib.WRITERS or method in lib.WRITE_METHODS or name.startswith("logging."):
            return True
        if source.is_notebook and (name in lib.DISPLAYS or name == "builtins.print"):
            return True
    configs = [rel for rel in project.listing
               if rel.lower().endswith((".yaml", ".yml", ".json", ".toml", ".cfg", ".ini", ".gin"))
               and not rel.lower().endswith(("environment.yml", "environment.yaml", "pyproject.toml"))
               and ".ipynb" not in rel]
    loads_config = any((call.get("name") or "") in lib.CONFIG_LOADERS for _, call in project.all_calls())
    return bool(configs) and loads_config


class UnrecordedHyperparameters(ProjectCheck):
    id = "DLR303"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        tunings = tuning_calls(project)
        if not tunings or _records(project):
            return
        source, call = tunings[0]
        what = short(call.get("name") or "tuning") + (f".{call['method']}" if call.get("method") else "")
        yield ProjectReport(f"hyperparameters are tuned (`{what}`) but neither the chosen values nor the search are "
                            f"saved: write `best_params_` (and the search space) to a file, or log them to an "
                            f"experiment tracker, so that others can rerun the final model (Tip 6)", source,
                            tuple(call["at"]))


# ------------------------------------------------------------------------------------------------ DLR401
def _metric_kind(call: dict) -> str | None:
    """"pr" for a precision-recall metric, "blind" for accuracy / ROC AUC, None otherwise."""
    api = load()
    name, method = call.get("name") or "", call.get("method")
    if method == "compile":
        metrics = call.get("kw", {}).get("metrics")
        values = [value for value in metrics if isinstance(value, str)] if isinstance(metrics, list) else []
        if any(value.lower() in lib.KERAS_PR_METRICS for value in values):
            return "pr"
        if any(value.lower() in lib.KERAS_BLIND_METRICS for value in values):
            return "blind"
        return None
    if method == "score" and baseline_name({"name": name}) and "Classifier" in name:
        return "blind"
    if method is not None:
        return None
    if name in lib.MORE_PR_METRICS:   # before scikit-learn's own list, which does not mark MCC precision-recall
        return "pr"
    info = api.metrics.get(name)
    if info is not None:
        if info.precision_recall:
            return "pr"
        return "blind" if short(name) in lib.BLIND_SKLEARN_METRICS else None
    if name.startswith(_METRIC_LIBRARIES):
        if short(name) == "AUC":
            return "pr" if call.get("kw", {}).get("curve") == "PR" else "blind"
        if lib.PR_METRIC_CLASSES.search(name):
            return "pr"
        if lib.BLIND_METRIC_CLASSES.search(name):
            return "blind"
    return None


_METRIC_LIBRARIES = ("torchmetrics.", "keras.metrics.", "tensorflow.keras.metrics.")


class NoPrecisionRecallMetric(ProjectCheck):
    id = "DLR401"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        blind = []
        for source, call in project.all_calls():
            kind = _metric_kind(call)
            if kind == "pr":
                return
            if kind == "blind":
                blind.append((source, call))
        if not blind:
            return
        places = {(source.rel, tuple(call["at"])) for source, call in blind}
        entry = entry_point(project, lambda item: item.is_call
                            and (item.file.rel, tuple(item.fact["at"])) in places)
        if entry is not None:
            source, item = entry
            at, what = item.site, item.fact
        else:
            source, what = min(blind, key=lambda pair: pair[0].rel)
            at = tuple(what["at"])
        label = _metric_label(what)
        yield ProjectReport(f"classification is evaluated only with {label} and no precision-recall metric: with "
                            f"imbalanced classes these can look good while the minority class is missed; also "
                            f"report average precision (PR AUC), precision, recall or F1 (Tip 7)", source, at)


def _metric_label(call: dict) -> str:
    if call.get("method") == "compile":
        return "accuracy/AUC (Keras `metrics=`)"
    if call.get("method") == "score":
        return "accuracy (`score`)"
    return f"`{short(call.get('name') or 'accuracy')}`"


# ------------------------------------------------------------------------------------------------ DLR402
def _has_validation(project: Project) -> bool:
    api = load()
    for source in project.files.values():
        if source.facts.get("validation_names"):
            return True
        if any(split.get("validation") or split.get("kind") in ("splitter", "cv")
               for split in source.facts.get("splits", [])):
            return True
        for call in source.calls:
            name = call.get("name") or ""
            kw = call.get("kw", {})
            if "validation_split" in kw or "validation_data" in kw or "eval_set" in kw:
                return True
            if name in api.splitters or name in api.cv_functions:
                return True
        if sum(1 for split in source.facts.get("splits", []) if split.get("kind") in ("function", "random_split")
               and split.get("name") in ("train_test_split", "random_split")) >= 2:
            return True
    return False


class NoValidationSplit(ProjectCheck):
    id = "DLR402"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        libraries = [(source, call) for source, call in tuning_calls(project)
                     if (call.get("name") or "").startswith(lib.TUNING_PREFIXES)
                     or call.get("name") in ("hyperopt.fmin", "skopt.gp_minimize", "skopt.forest_minimize")]
        if not libraries or _has_validation(project):
            return
        source, call = libraries[0]
        yield ProjectReport("hyperparameters are tuned while the data is split only into training and test parts: "
                            "the tuning is then scored on the test set (or on training data); hold out a validation "
                            "part (or cross-validate on the training part) for tuning and keep the test set for the "
                            "final estimate (Tip 7)", source, tuple(call["at"]))


# ------------------------------------------------------------------------------------------------ DLR403
def _is_label_control(call: dict) -> bool:
    name, method = call.get("name") or "", call.get("method")
    if name in lib.PERMUTATION_TESTS:
        return True
    if not call.get("labels"):
        return False
    if method is None and name in lib.LABEL_PERMUTERS:
        return name != "sklearn.utils.shuffle" or len(call.get("pos", [])) == 1
    if method in ("permutation", "shuffle", "permuted") and (name in lib.NUMPY_GENERATOR_MAKERS or name == ""):
        return True
    return method == "sample" and call.get("kw", {}).get("frac") in (1, 1.0)


def _is_evaluation(item: Reached) -> bool:
    if not item.is_call:
        return False
    call = item.fact
    name, method = call.get("name") or "", call.get("method")
    if method in ("score", "evaluate"):
        return True
    return method is None and (name in load().metrics or name.startswith(("torchmetrics.", "keras.metrics.")))


class NoLabelShuffleControl(ProjectCheck):
    id = "DLR403"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        if any(_is_label_control(call) for _, call in project.all_calls()):
            return
        entry = entry_point(project, _is_evaluation)
        if entry is None:
            return
        source, item = entry
        yield ProjectReport("a model is trained and evaluated, but no label-shuffle control exists: train once more "
                            "on permuted labels (`permutation_test_score`, or `rng.permutation(y_train)`) to show "
                            "the score falls to chance; otherwise leakage or a confound can pass for signal "
                            "(Tip 7, Chuang and Keiser)", source, item.site, Severity.INFO)



