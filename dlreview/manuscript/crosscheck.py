"""Paper against code (DLR801-DLR805): what the manuscript says was done, checked against the facts the code
analysis recorded (``dlreview.project``). Each finding is on the manuscript's sentence and names the code.

Written for precision: a check speaks only when the code shows the kind of thing it looks for somewhere (metrics
computed, splits made, literal hyperparameter values), so a study whose code does it in a way dlreview cannot see
is not accused of leaving it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from dlreview.checks.libraries import SEEDS
from dlreview.manuscript.checklist import _NEGATED, _TRADITIONAL, own_tables
from dlreview.manuscript.claims import _CITATION
from dlreview.manuscript.document import NOT_OWN as _NOT_OWN
from dlreview.manuscript.document import Sentence

CROSS_CHECKS = {
    "DLR801": "seeds-claimed-not-set",
    "DLR802": "baseline-not-trained",
    "DLR803": "metric-not-computed",
    "DLR804": "split-not-performed",
    "DLR805": "hyperparameter-mismatch",
}


@dataclass(frozen=True)
class CodeCall:
    where: str          # "train.py:12", for messages
    call: dict


@dataclass(frozen=True)
class CodeValue:
    where: str
    key: str
    value: object


@dataclass
class Code:
    """What the code of the checked projects does, as the paper-code checks need it."""

    calls: list[CodeCall]
    values: list[CodeValue]
    splits: int
    imports: set[str]
    strings: set[str]

    @classmethod
    def of(cls, projects, locate: Callable) -> Code:
        calls, values, splits, imports, strings = [], [], 0, set(), set()
        for project in projects:
            for source in project.files.values():
                imports.update(source.facts.get("imports", []))
                strings.update(source.facts.get("metric_strings", []))
                for call in source.calls:
                    calls.append(CodeCall(_Where(locate, project, source, call["at"]), call))
                for value in source.facts.get("values", []):
                    values.append(CodeValue(_Where(locate, project, source, value["at"]), value["key"],
                                            value["value"]))
                splits += len(source.facts.get("splits", []))
        return cls(calls, values, splits, imports, strings)

    def names(self) -> Iterator[tuple[CodeCall, str]]:
        for item in self.calls:
            yield item, item.call.get("name") or ""


class _Where:
    """A code location, found only when a message needs it (a fact may have been recorded without a position)."""

    def __init__(self, locate, project, source, at):
        self.args = (project, source, at)
        self.locate = locate

    def __str__(self) -> str:
        return self.locate(*self.args)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Where) and self.args[1] is other.args[1] and self.args[2] == other.args[2]

    def __hash__(self) -> int:
        return hash((id(self.args[1]), str(self.args[2])))


# ------------------------------------------------------------------------------------------------------ seeds
_SEED_CLAIM = re.compile(r"\bseed", re.IGNORECASE)


def seeds_not_set(review, code: Code) -> Iterator[tuple[Sentence, str]]:
    status = next(s for s in review.checklist if s.item.key == "seeds")
    if status.status != "found" or not code.calls:
        return
    from dlreview.manuscript.checklist import _SEEDS

    claim = next((s for s in review.document.sentences if s.section not in _NOT_OWN and _SEED_CLAIM.search(s.text)
                  and _SEEDS(review.document, s)), None)
    if claim is None:
        return   # determinism stated, no seed
    for item, name in code.names():
        call = item.call
        if name in SEEDS or name.endswith(("seed_everything", ".manual_seed", "set_seed", "set_random_seed")):
            return
        if call.get("method") in ("manual_seed", "seed", "set_seed"):
            return   # torch.Generator().manual_seed(0), rng.seed(0)
        if any(call["kw"].get(key, None) is not None for key in ("random_state", "seed", "random_seed")):
            return   # a literal, a constant or an argument: not None
        if name in ("numpy.random.default_rng", "numpy.random.RandomState", "random.Random") and \
                not call.get("method") and any(value is not None for value in call.get("pos", [])):
            return
    yield claim, ("the manuscript says random seeds were fixed, but the code sets none: no random.seed, "
                  "np.random.seed, torch.manual_seed, tf.random.set_seed or seed_everything call, no seeded "
                  "generator, and no random_state")




# ------------------------------------------------------------------------------------------------------ baselines
# (model as the paper names it, its pattern in the paper, the classes that build it in code, those classes for
# messages)
_BASELINE_CODE = [
    ("logistic regression", r"logistic regression", r"LogisticRegression|SGDClassifier|(?i:\.logit$|statsmodels.*\.glm$)",
     "LogisticRegression"),
    ("random forest", r"random forests?", r"RandomForest|ExtraTrees", "RandomForestClassifier/Regressor"),
    ("support vector machine", r"support vector|\bSVMs?\b|\bSVC\b|\bSVR\b", r"SVC$|SVR$|NuSVC$|NuSVR$|\.svm\.",
     "SVC, LinearSVC or SVR"),
    ("XGBoost", r"XGBoost", r"^xgboost\.", "xgboost model"),
    ("LightGBM", r"LightGBM", r"^lightgbm\.", "lightgbm model"),
    ("CatBoost", r"CatBoost", r"^catboost\.", "catboost model"),
    ("gradient boosting", r"gradient[- ]boost|\bGBM\b|\bGBDT\b",
     r"GradientBoosting|^xgboost\.|^lightgbm\.|^catboost\.",
     "(Hist)GradientBoosting, XGBoost, LightGBM or CatBoost model"),
    ("k-nearest neighbours", r"k-?nearest neighbou?rs?|\bk-?NN\b", r"KNeighbors", "KNeighborsClassifier/Regressor"),
    ("naive Bayes", r"naive Bayes", r"naive_bayes\.", "naive Bayes model (GaussianNB, ...)"),
    ("linear regression", r"linear regression", r"LinearRegression$|(?i:statsmodels.*\.ols$)",
     "LinearRegression or OLS"),
    ("ridge regression", r"\bridge\b", r"Ridge", "Ridge model"),
    ("lasso", r"\blasso\b", r"Lasso", "Lasso model"),
    ("elastic net", r"elastic[- ]net", r"ElasticNet", "ElasticNet model"),
    ("decision tree", r"decision trees?", r"DecisionTree", "DecisionTreeClassifier/Regressor"),
]
_BASELINE_CODE = [(label, re.compile(paper, re.IGNORECASE), re.compile(code), shown)
                  for label, paper, code, shown in _BASELINE_CODE]
_TRADITIONAL_RE = re.compile(_TRADITIONAL, re.IGNORECASE)


def baselines_not_trained(review, code: Code) -> Iterator[tuple[Sentence, str]]:
    names = [name for _, name in code.names() if name]
    if not names:
        return
    reported: set[str] = set()
    for sentence in _own_sentences(review):
        if _NEGATED.search(sentence.text) or not _TRADITIONAL_RE.search(sentence.text) or \
                _CITATION.search(sentence.text):
            continue
        for label, paper, library, shown in _BASELINE_CODE:
            if label in reported or not paper.search(sentence.text):
                continue
            if label == "gradient boosting" and re.search(r"XGBoost|LightGBM|CatBoost", sentence.text, re.IGNORECASE):
                continue   # named more precisely in the same sentence
            reported.add(label)
            if not any(library.search(name) for name in names):
                yield sentence, (f"the manuscript reports results of {label}, but the checked code never builds "
                                 f"such a model (no {shown})")


def _own_sentences(review) -> Iterator[Sentence]:
    for sentence in review.document.sentences:
        if sentence.kind != "heading" and sentence.section in ("abstract", "methods", "results", "discussion",
                                                               "conclusion", "other"):
            yield sentence
    for table in own_tables(review.document):
        for row, place in zip(table.rows, table.places):
            yield Sentence(" | ".join(row), place, table.section, kind="table")


# ------------------------------------------------------------------------------------------------------ metrics
_METRIC_CODE: dict[str, re.Pattern] = {metric: re.compile(pattern, re.IGNORECASE) for metric, pattern in {
    "accuracy": r"accuracy_score$|classification_report$|confusion_matrix$|(?:^|\.)(?:Binary|Multiclass)?Accuracy$|"
                r"^accuracy$|^acc$|\.score$|evaluate$",
    "balanced_accuracy": r"balanced_accuracy",
    "roc_auc": r"roc_auc|roc_curve$|(?:^|\.)(?:Binary|Multiclass)?AUROC$|^auc$|metrics\.AUC$|^AUC$|\.auc$",
    "pr_auc": r"average_precision|precision_recall_curve$|(?:^|\.)(?:Binary|Multiclass)?AveragePrecision$|"
              r"AUPRC|pr_auc|\.auc$",
    "f1": r"f1|fbeta|classification_report$|precision_recall_fscore_support$|F1Score$|FBetaScore$",
    "precision": r"precision_score$|classification_report$|precision_recall_fscore_support$|confusion_matrix$|"
                 r"(?:^|\.)(?:Binary|Multiclass)?Precision$|^precision$",
    "recall": r"recall_score$|classification_report$|precision_recall_fscore_support$|confusion_matrix$|"
              r"(?:^|\.)(?:Binary|Multiclass)?Recall$|^recall$|sensitivity",
    "sensitivity": r"recall_score$|sensitivity|classification_report$|precision_recall_fscore_support$|"
                   r"confusion_matrix$|roc_curve$|(?:^|\.)(?:Binary|Multiclass)?Recall$|^recall$",
    "specificity": r"specificity|confusion_matrix$|roc_curve$|(?:^|\.)(?:Binary|Multiclass)?Specificity$|"
                   r"recall_score$",
    "mcc": r"matthews_corrcoef|MatthewsCorrCoef|^mcc$",
    "r2": r"r2_score|R2Score|^r2$|\.score$|evaluate$",
    "rmse": r"mean_squared_error|root_mean_squared|MeanSquaredError|^mse$|^rmse$",
    "mse": r"mean_squared_error|MeanSquaredError|^mse$",
    "mae": r"mean_absolute_error|MeanAbsoluteError|^mae$",
    "pearson_r": r"pearsonr|corrcoef|PearsonCorrCoef|\.corr$",
    "spearman_r": r"spearmanr|SpearmanCorrCoef|\.corr$",
}.items()}
_ANY_METRIC = re.compile(r"sklearn\.metrics\.|torchmetrics\.|keras\.metrics\.|scipy\.stats\.(?:pearsonr|spearmanr)|"
                         r"numpy\.corrcoef")


def _computed(code: Code) -> list[str]:
    """Names of what the code computes that may be a metric: qualified call names, method names, strings given as
    ``scoring=``/``metrics=``, metric functions imported (``make_scorer(matthews_corrcoef)``) and metric names written
    as strings anywhere (``{"ap": "average_precision"}``, ``SCORING = "roc_auc"``, ``get_scorer("f1")``)."""
    found = list(code.imports) + list(code.strings)
    for item, name in code.names():
        call = item.call
        if name:
            found.append(name)
        if call.get("method"):
            found.append("." + call["method"])
        for key in ("scoring", "metrics", "metric", "eval_metric", "monitor"):
            value = call["kw"].get(key)
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str) and text != "?":
                    found.append(text)
    return found


def metrics_not_computed(review, code: Code) -> Iterator[tuple[Sentence, str]]:
    computed = _computed(code)
    if not any(_ANY_METRIC.search(name) for name in computed):
        return   # the code computes no metric dlreview recognises: it may compute them by hand
    seen: set[str] = set()
    for claim in review.claims:
        if claim.metric in seen:
            continue
        seen.add(claim.metric)
        pattern = _METRIC_CODE.get(claim.metric)
        if pattern is not None and not any(pattern.search(name) for name in computed):
            sentence = _sentence_of(review, claim)
            yield sentence, (f"the manuscript reports {_METRIC_WORDS.get(claim.metric, claim.metric)} "
                             f"({claim.text}), but the code never computes it")


_METRIC_WORDS = {"roc_auc": "ROC AUC", "pr_auc": "PR AUC / average precision", "f1": "F1", "mcc": "MCC",
                 "r2": "R²", "rmse": "RMSE", "mae": "MAE", "mse": "MSE", "pearson_r": "Pearson's r",
                 "spearman_r": "Spearman's rho", "balanced_accuracy": "balanced accuracy"}


def _sentence_of(review, claim) -> Sentence:
    from dlreview.manuscript.document import Place

    for sentence in review.document.sentences:
        if sentence.text == claim.sentence:
            return sentence
    return Sentence(claim.sentence, Place(claim.path, claim.line or 1, claim.page), "results", kind="table")


# ------------------------------------------------------------------------------------------------------ splits
_GROUP_WORDS = re.compile(r"\b(?:patients?|subjects?|participants?|donors?|individuals?|animals?|mice|mouse|sites?|"
                          r"centres?|centers?|hospitals?|families|family|chromosomes?|litters?)\b", re.IGNORECASE)
_ID_COLUMN = re.compile(r"(?:^|_)(?:id|ids|subject|patient|donor|individual|mouse|animal)(?:_|$)", re.IGNORECASE)
_GROUP_SPLITS = re.compile(r"Group|LeaveOneGroupOut|LeavePGroupsOut|PredefinedSplit")


def split_not_performed(review, code: Code) -> Iterator[tuple[Sentence, str]]:
    from dlreview.manuscript.checklist import split_by_group

    if code.splits == 0:
        return
    claim = next((s for s in review.document.sentences if s.section not in _NOT_OWN and s.kind == "text"
                  and split_by_group(review.document, s) and _GROUP_WORDS.search(s.text)), None)
    if claim is None:
        return   # no group split stated; homology clustering and replicates are done by tools outside the code
    words = _GROUP_WORDS.search(claim.text)
    for item, name in code.names():
        call = item.call
        if _GROUP_SPLITS.search(name.rsplit(".", 1)[-1]) or "groups" in call["kw"] or "group" in call["kw"]:
            return
        if name.endswith("numpy.unique") or (call.get("method") in ("unique", "drop_duplicates", "groupby", "nunique")
                                             and any(_GROUP_WORDS.search(str(a)) or _ID_COLUMN.search(str(a))
                                                     for a in [*call.get("attrs", []), *call.get("names", [])])):
            return   # split over unique identifiers: the usual hand-written group split
    yield claim, (f"the manuscript says the data were split by {words.group(0).lower()}, but the code splits rows "
                  f"at random: no group-aware splitter (GroupKFold, GroupShuffleSplit, StratifiedGroupKFold, "
                  f"LeaveOneGroupOut), no groups= argument, no split over unique identifiers")


# ------------------------------------------------------------------------------------------------------ values
_NUMBER = (r"(10\s*\^?\s*[-−–]\s*\d+|\d+(?:\.\d+)?\s*[x×]\s*10\s*\^?\s*[-−–]\s*\d+|\d+(?:\.\d+)?e[-−]?\d+|"
           r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)(\s?%)?")
_JOIN = r"(?:\s*(?:of|was|were|=|:|\||set to|to|at|is|equal to|p ?=)\s*|\s+)"
_PAPER_VALUES = {
    "learning rate": (re.compile(rf"learning rate(?: \w+){{0,3}}{_JOIN}{_NUMBER}", re.IGNORECASE),
                      r"^(?:lr|learning_?rate(?:_init)?|eta)$"),
    "batch size": (re.compile(rf"batch size(?: \w+){{0,2}}{_JOIN}{_NUMBER}", re.IGNORECASE), r"^(?:batch_?size|bs)$"),
    "epochs": (re.compile(rf"(?:for|over|trained for|up to|maximum of|max(?:imum)?) {_NUMBER} (?:training )?epochs|"
                          rf"epochs(?: \w+){{0,2}}{_JOIN}{_NUMBER}", re.IGNORECASE), r"^(?:(?:n_|num_|max_|n)?epochs?)$"),
    "dropout": (re.compile(rf"dropout(?: rate| probability)?{_JOIN}{_NUMBER}", re.IGNORECASE),
                r"^(?:dropout(?:_?(?:rate|p|prob))?|drop_?rate|rate|p)$"),
    "weight decay": (re.compile(rf"weight decay(?: \w+){{0,2}}{_JOIN}{_NUMBER}", re.IGNORECASE), r"^(?:weight_?decay|wd)$"),
    "number of trees": (re.compile(rf"(?:{_NUMBER} (?:trees|estimators)\b|number of (?:trees|estimators)(?: \w+){{0,2}}"
                                   rf"{_JOIN}{_NUMBER}|n_estimators\s*=\s*{_NUMBER})", re.IGNORECASE),
                        r"^(?:n_?estimators|num_?trees|n_?trees)$"),
    "maximum depth": (re.compile(rf"max(?:imum|\.)? (?:tree )?depth(?: \w+){{0,2}}{_JOIN}{_NUMBER}|max_depth\s*=\s*"
                                 rf"{_NUMBER}", re.IGNORECASE), r"^max_?depth$"),
}
# words of a schedule or a search, not of the value used: "halved every 10 epochs", "warm-up over 500 steps"
_NOT_THE_VALUE = re.compile(r"halv|reduc|(?<!weight )decay|every|after|warm|multipl|divid|\bdrop(?:s|ped)?\b|schedul|steps?\b|"
                            r"factor|"
                            r"\bby\b|from|between|range|grid|search|over|among|candidates", re.IGNORECASE)
_CODE_KEYS = {label: re.compile(pattern, re.IGNORECASE) for label, (_, pattern) in _PAPER_VALUES.items()}
_DROPOUT_LAYERS = re.compile(r"(?:torch\.nn\.|keras\.layers\.|tensorflow\.keras\.layers\.)(?:Dropout|AlphaDropout|"
                             r"SpatialDropout\dD|Dropout\dd)$")


def _paper_number(text: str, percent: str | None = None) -> float | None:
    text = text.replace("−", "-").replace("–", "-").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")
    if percent:
        try:
            return float(text) / 100
        except ValueError:
            return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)[x×]10\^?(-\d+)", text)
    if match:
        return float(match.group(1)) * 10 ** int(match.group(2))
    match = re.fullmatch(r"10\^?(-\d+)", text)
    if match:
        return 10.0 ** int(match.group(1))
    try:
        return float(text)
    except ValueError:
        return None


def _code_values(code: Code, label: str) -> list[tuple[object, str]]:
    key = _CODE_KEYS[label]
    found: list[tuple[object, str]] = []
    for item, name in code.names():
        call = item.call
        for keyword, value in call["kw"].items():
            if keyword in ("rate", "p") and not _DROPOUT_LAYERS.search(name):
                continue
            if key.match(keyword):
                found.append((value, str(item.where)))
        if label == "dropout" and _DROPOUT_LAYERS.search(name) and call.get("pos"):
            found.append((call["pos"][0], str(item.where)))
        if (call.get("method") == "add_argument" or name.endswith("add_argument")) and call.get("pos"):
            flag = str(call["pos"][0]).lstrip("-").replace("-", "_")
            if key.match(flag) and "default" in call["kw"]:
                found.append((call["kw"]["default"], str(item.where)))
    for value in code.values:
        if key.match(value.key):
            found.append((value.value, str(value.where)))
    return [(value, where) for value, where in found
            if isinstance(value, (int, float, list)) and not isinstance(value, bool)]


def _equal(a: float, b) -> bool:
    if isinstance(b, list):
        return any(_equal(a, item) for item in b)
    return isinstance(b, (int, float)) and abs(a - b) <= 1e-9 * max(1.0, abs(a))


def hyperparameters_differ(review, code: Code) -> Iterator[tuple[Sentence, str]]:
    reported: set[str] = set()
    for sentence in _own_sentences(review):
        if sentence.section not in ("methods", "other", "abstract", "results"):
            continue
        for label, (pattern, _) in _PAPER_VALUES.items():
            if label in reported:
                continue
            match = pattern.search(sentence.text)
            if match is None or _NOT_THE_VALUE.search(match.group(0)):
                continue
            groups = match.groups()
            index = next(i for i, group in enumerate(groups) if group)
            number = _paper_number(groups[index], groups[index + 1] if index + 1 < len(groups) else None)
            if number is None:
                continue
            values = _code_values(code, label)
            literal = [(value, where) for value, where in values if not isinstance(value, list)]
            if not values or any(_equal(number, value) for value, _ in values) or not literal:
                continue
            reported.add(label)
            shown = ", ".join(f"{_show(value)} ({where})" for value, where in literal[:3])
            yield sentence, (f"the manuscript gives {label} {_show(number)}, but the code sets {shown}: report the "
                             f"values the results come from, or fix the code")


def _show(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


CHECKS = {"DLR801": seeds_not_set, "DLR802": baselines_not_trained, "DLR803": metrics_not_computed,
          "DLR804": split_not_performed, "DLR805": hyperparameters_differ}


def cross_check(review, code: Code) -> Iterator[tuple[str, Sentence, str]]:
    for rule, check in CHECKS.items():
        for sentence, message in check(review, code):
            yield rule, sentence, message
