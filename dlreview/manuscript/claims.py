"""Metric values a manuscript reports, as structured data (what ``dlreview reproduce`` verifies)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dlreview.manuscript.document import NOT_OWN, Document, Sentence, Table

# Normalised metric names, and whether a higher value is better.
METRICS = {
    "accuracy": True, "balanced_accuracy": True, "roc_auc": True, "pr_auc": True, "f1": True, "precision": True,
    "recall": True, "sensitivity": True, "specificity": True, "mcc": True, "r2": True, "rmse": False, "mae": False,
    "pearson_r": True, "spearman_r": True,
}


@dataclass(frozen=True)
class Spread:
    """The uncertainty reported with a value: ``kind`` is ``sd``, ``se``, ``ci``, ``iqr``, ``range`` or ``pm`` (a
    ± whose meaning the text does not give). ``value`` is the half-width for ± forms; ``low``/``high`` bound an
    interval; ``level`` is its confidence in percent. All on the scale of ``Claim.value``."""

    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    level: float | None = None


@dataclass(frozen=True)
class Claim:
    """One reported metric value.

    ``value`` is on the 0-1 scale when the metric is a proportion reported in percent (``91%`` gives 0.91 and
    ``percent`` True); ``decimals`` is the number of decimals of ``value`` on that scale as written (``91%`` gives
    2, ``0.996`` gives 3), so a re-computed value matches when it rounds to ``value`` at that precision.
    """

    metric: str
    value: float
    text: str                     # the value as written, e.g. "91.2%" or "0.93"
    decimals: int
    percent: bool
    path: str
    line: int | None              # Markdown/LaTeX: line in ``path``; PDF: line on ``page``
    page: int | None
    sentence: str                 # the sentence or table row it comes from
    source: str = "text"          # "text" or "table"
    model: str | None = None      # as the sentence or table row names it
    split: str | None = None      # train, validation, test, external or cross-validation
    spread: Spread | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def matches(self, measured: float) -> bool:
        """True when ``measured`` (on the scale of ``value``) equals the claim at the precision it was reported."""
        return round(measured, self.decimals) == round(self.value, self.decimals)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("extra")
        return data


# ------------------------------------------------------------------------------------------------------ extraction
_PROPORTIONS = frozenset({"accuracy", "balanced_accuracy", "roc_auc", "pr_auc", "f1", "precision", "recall",
                          "sensitivity", "specificity"})
_CORRELATIONS = frozenset({"mcc", "r2", "pearson_r", "spearman_r"})
# Order matters: longer names first, so "balanced accuracy" is not read as "accuracy".
_METRIC_NAMES = [
    ("pr_auc", (r"(?:area under (?:the )?precision[- ]recall curve|precision[- ]recall (?:AUC|area under (?:the )?"
               r"curve)|PR[- ]?AUC|AUC[- ]?PR|AUPRC|AUPR|average precision|\bmAP\b|\bAP\b)")),
    ("roc_auc", (r"(?:area under (?:the )?(?:receiver[- ]operating[- ]characteristic|ROC) curve|ROC[- ]?AUC|"
                r"AUC[- ]?ROC|AUROC|c[- ]statistics?|AUCs?\b)")),
    ("balanced_accuracy", r"balanced accurac(?:y|ies)"),
    ("accuracy", r"(?:classification |overall |top-1 )?accurac(?:y|ies)|\bACC\b"),
    ("f1", r"(?:macro[- ]|micro[- ]|weighted[- ])?(?:F1[- ]?scores?|F1|F[- ]scores?|F[- ]measure|F1[- ]measure)"),
    ("mcc", r"\bMCC\b|Matthews(?:'s?)? correlation(?: coefficient)?"),
    ("precision", r"(?<!average )(?<!mean average )precision(?![- ]recall)|\bPPV\b|positive predictive value"),
    ("recall", r"(?<!precision[- ])recall"),
    ("sensitivity", r"sensitivit(?:y|ies)|true positive rate|\bTPR\b"),
    ("specificity", r"specificit(?:y|ies)|true negative rate|\bTNR\b"),
    ("r2", r"\bR\s?\^\s?2\b|\bR²|\bR2\b|coefficient of determination|\br-squared\b|\bR-squared\b"),
    ("rmse", r"\bRMSE\b|root[- ]mean[- ]squared?[- ]error"),
    ("mae", r"\bMAE\b|mean absolute error"),
    ("pearson_r", (r"Pearson(?:'s)?(?: product[- ]moment)?(?: correlations?)?(?: coefficients?)?(?:\s*\(?\s*r\s*\)?)?|"
                  r"(?-i:\br)(?=\s*=)")),
    ("spearman_r", (r"Spearman(?:'s)?(?: rank)?(?: correlations?)?(?: coefficients?)?(?:\s*\(?\s*(?:rho|ρ|r_?s|r)"
                   r"\s*\)?)?|(?:\brho|ρ)(?=\s*=)")),
]
# Abbreviations that tables use in their headers ("Bal. acc.", "Sens.", "Spec.").
_HEADER_METRIC = re.compile(r"(?P<balanced_accuracy>\bbal(?:anced|\.)? ?acc(?:uracy|\.)?)|(?P<sensitivity>\bsens\.?(?!\w))|"
                            r"(?P<specificity>\bspec\.?(?!\w))|(?P<accuracy>\bacc\.?(?!\w))|"
                            r"(?P<precision>\bprec\.?(?!\w))|(?P<recall>\brec\.?(?!\w))", re.IGNORECASE)
_METRIC = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _METRIC_NAMES), re.IGNORECASE)
_CASE_SENSITIVE = {"accuracy": r"\bACC\b", "sensitivity": r"\bTPR\b", "specificity": r"\bTNR\b", "pr_auc": r"\bAP\b"}
_NUMBER = r"[-−–]?(?:\d+(?:[.,]\d+)?|\.\d+)"
_VALUE = re.compile(rf"(?<![\w.^/-])(?P<number>{_NUMBER})(?P<unit>\s?%)?(?![\w/])")
_SPREAD_PM = re.compile(rf"^\s*(?:±|\+/-|\+-|∓)\s*(?P<number>{_NUMBER})(?P<unit>\s?%)?(?:\s*\(?\s*(?P<what>SD|s\.d\.|"
                        rf"std|SEM?|s\.e\.m?\.?)\s*\)?)?", re.IGNORECASE)
_SPREAD_PAREN = re.compile(rf"^\s*[(\[,;]\s*(?:(?P<level>\d+(?:\.\d+)?)\s?%\s*)?(?P<what>CI|confidence interval|SD|s\.d\.|"
                           rf"std|standard deviation|SEM?|s\.e\.m?\.?|standard error|IQR|interquartile range|range)"
                           rf"\s*[:=,]?\s*(?P<a>{_NUMBER})(?P<ua>\s?%)?(?:\s*(?:[-–—−]|to|,)\s*(?P<b>{_NUMBER})"
                           rf"(?P<ub>\s?%)?)?\s*[)\]]?", re.IGNORECASE)
_SPREAD_INTERVAL = re.compile(rf"^\s*[(\[]\s*(?P<a>{_NUMBER})(?P<ua>\s?%)?\s*(?:[-–—−]|to|,)\s*(?P<b>{_NUMBER})"
                              rf"(?P<ub>\s?%)?\s*[)\]]")
_CITATION = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]|\bet al\b|\(\s*[A-Z][A-Za-z-]+(?: et al\.?| and [A-Z][a-z]+)?,? "
                       r"(?:19|20)\d\d[a-z]?\s*\)|\b(?:previously|earlier|prior|original) (?:reported|published|"
                       r"work|study|studies|method|paper)|\breported (?:by|in)\b|\b(?:in|from) the literature\b|"
                       r"\b(?:has|have|had) been reported\b|\b(?:was|were) reported (?:to|in|for)\b",
                       re.IGNORECASE)
_NOT_A_CLAIM_AFTER = re.compile(r"^\s*(?:of (?:the )?(?:patients|samples|cases|participants|subjects|cells|images|"
                                r"genes|the data|individuals|positives?|negatives?)|patients|samples|epochs|"
                                r"participants|subjects|cases|images|cells|genes|features|layers|units|"
                                r"folds?|times|fold|seeds?|runs|years|months|days|hours|minutes|seconds|"
                                r"GB|MB|GPUs?|parameters|assays|tasks|targets|datasets|data sets|classes|"
                                r"categories|labels|types|cohorts|sites|hospitals|centres|centers|models|"
                                r"repetitions|repeats|splits|trials|configurations|percentage points?|points?)\b",
                                re.IGNORECASE)
_NOT_A_CLAIM_BEFORE = re.compile(r"(?:(?:±|\+/-|\+-)\s*|(?:increased|decreased|raised|lowered|dropped|rose|fell|"
                                 r"improved|reduced|changed|outperformed \w+(?: \w+)?) (?:\w+ ){0,3}by (?:about |around )?|\b[pP]\s*[<=>≤≥]\s*|\bn\s*[=:]\s*|threshold(?: of)?\s*|cut-?off(?: of)?\s*|"
                                 r"(?:above|below|exceeding|greater than|less than|lower than|higher than|over|under|"
                                 r"at least|at most)\s+|learning rate(?: of)?\s*|lr\s*[=:]?\s*|dropout(?: rate)?(?: of)?"
                                 r"\s*|weight decay(?: of)?\s*|batch size(?: of)?\s*|\$|version\s*|v|"
                                 r"(?:19|20)\d\d\s*[-–]\s*)$", re.IGNORECASE)
_GENERIC_MODELS = (
    r"(?:[A-Za-z0-9]+-(?:only|based|pretrained|trained|layer|tuned|free) )?"
    r"(?:\dD |deep |convolutional |recurrent |graph |fully[- ]connected |feed[- ]forward |attention[- ]|"
    r"bidirectional |Bi-?)?(?:neural network|CNN|RNN|LSTM|GRU|MLP|multilayer perceptron|transformer|autoencoder|"
    r"GNN|GCN|GAT|GIN|MPNN|graph (?:attention|convolutional|isomorphism) network|ensemble|"
    r"majority[- ]class(?: classifier| baseline)?|(?:dummy|constant|random) (?:classifier|baseline)|"
    r"U-?Net|ResNet-?\d*|DenseNet-?\d*|VGG-?\d*|"
    r"EfficientNet(?:-\w+)?|ViT|BERT\w*|Inception(?:-?v\d)?|logistic regression|random forests?|"
    r"support vector machines?|SVMs?|SVR|XGBoost|LightGBM|CatBoost|gradient[- ]boost(?:ed|ing)(?: (?:trees?|"
    r"machines?|decision trees?|classifier))?|GBM|GBDT|k-?nearest neighbou?rs?|k-?NN|naive Bayes|linear regression|"
    r"ridge(?: regression)?|lasso(?: regression)?|elastic[- ]net|decision trees?|linear SVM|linear model)")
_MODELS = re.compile(rf"\b(?P<model>{_GENERIC_MODELS})(?![\w-])", re.IGNORECASE)
_PERFORMANCE_VERBS = r"(?:achieved|achieves|reached|reaches|obtained|obtains|attained|scored|yielded|had|has|gave|" \
                     r"outperformed|outperforms|performed|showed|improved)"
_NAME = r"[A-Z][\w]*(?:[-.][\w]+)*(?: [A-Z0-9][\w-]*)?"
_INTRODUCED = re.compile(rf"\b(?:we (?:propose|present|introduce|develop|developed|describe|designed|built|call)|"
                         rf"called|named|termed|dubbed)\s+(?:a |an |the )?(?:new |novel )?(?P<name>{_NAME})")
_SUBJECT = re.compile(rf"(?:^|[,;.(]\s*|\b(?:and|while|whereas|but|set|data|cohort|mice)\s+)(?P<name>{_NAME})\s+"
                      rf"{_PERFORMANCE_VERBS}\b")
_NOT_NAMES = re.compile(r"^(?:The|This|These|Our|We|It|Its|Each|All|Both|On|In|For|At|With|A|An|Table|Figure|Fig|"
                        r"Model|Models|Training|Test|Validation|Performance|Accuracy|Results?|Overall|Here|However|"
                        r"Finally|Moreover|Thus|Therefore|Compared|Across|After|Before|When|Using)\b")


def _model_names(document) -> re.Pattern:
    """The models a paper compares: the usual architectures and methods, and the paper's own names for its models
    (a name it introduces, "X achieved ...", a row label of a results table)."""
    names: set[str] = set()
    for sentence in document.sentences:
        for pattern in (_INTRODUCED, _SUBJECT):
            for match in pattern.finditer(sentence.text):
                name = match.group("name").strip(" .,")
                if not _NOT_NAMES.match(name) and not _METRIC.fullmatch(name):
                    names.add(name)
    for table in document.tables:
        header = " ".join(" ".join(row) for row in table.rows[:table.header_rows])
        if not (_METRIC.search(header) or _HEADER_METRIC.search(header)):
            continue   # only the rows of results tables name models
        for row in table.rows[table.header_rows:]:
            label = re.sub(r"\s*\([^)]*\)\s*", " ", row[0] if row else "").strip()
            if label and not _VALUE.fullmatch(label) and not _METRIC.search(label) and len(label) <= 40:
                names.add(label)
    specific = sorted((re.escape(n) for n in names if n), key=len, reverse=True)
    pattern = "|".join([*specific, _GENERIC_MODELS])
    return re.compile(rf"(?<![\w-])(?P<model>{pattern})(?![\w-])", re.IGNORECASE)


_SPLITS = [
    ("cross-validation", re.compile(r"cross[- ]?validat\w*|\b\d+[- ]fold\b|\bCV\b|\bLOOCV\b|leave-one-\w+-out|"
                                    r"nested CV|inner folds?|outer folds?", re.IGNORECASE)),
    ("external", re.compile(r"\bexternal\w*|independent(?:ly)? (?:\w+ )?(?:test|validation|cohort|data\w*|set|"
                            r"samples?|strains|proteins|patients|laboratory|study)|(?:validation|test) cohort from|"
                            r"another (?:hospital|cohort|site|centre|center|laboratory|institution)|"
                            r"(?:different|second) (?:hospital|site|centre|center|laboratory|institution)",
                            re.IGNORECASE)),
    ("test", re.compile(r"\btest(?:ing)?(?: set| data| split| cohort| samples| partition)?\b|held[- ]out|hold[- ]out|"
                        r"unseen", re.IGNORECASE)),
    ("validation", re.compile(r"\bvalidation(?: set| data| split| cohort)?\b|\bdev(?:elopment)? set\b",
                              re.IGNORECASE)),
    ("train", re.compile(r"\btrain(?:ing)?(?: set| data| split| accuracy| performance)\b", re.IGNORECASE)),
]


def extract_claims(source: Document | Path | str) -> list[Claim]:
    """Every metric value the manuscript reports, from its sentences and its tables."""
    if not isinstance(source, Document):
        from dlreview.manuscript.document import read_document

        path = Path(source)
        source = read_document(path, str(source))
    claims: list[Claim] = []
    models = _model_names(source)
    for sentence in source.sentences:
        if sentence.kind == "heading" or sentence.section in ("references", "acknowledgements"):
            continue
        if sentence.section == "introduction" and not re.search(r"\b(?:we|our)\b", sentence.text, re.IGNORECASE):
            continue   # the introduction quotes other papers' results
        claims.extend(_sentence_claims(sentence, models))
    for table in source.tables:
        if table.section not in NOT_OWN:
            claims.extend(_table_claims(table))
    return claims


def _metric_of(match: re.Match) -> str | None:
    name = match.lastgroup
    if name in _CASE_SENSITIVE and re.fullmatch(_CASE_SENSITIVE[name], match.group(0), re.IGNORECASE) and \
            not re.fullmatch(_CASE_SENSITIVE[name], match.group(0)):
        return None   # "acc", "ap" in lower case are words, not metric abbreviations
    return name


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace("–", "-").replace(",", ".") if text.count(",") == 1 and
                 "." not in text and len(text.split(",")[1]) != 3 else text.replace("−", "-").replace("–", "-")
                 .replace(",", ""))


def _decimals(text: str) -> int:
    text = text.replace(",", ".") if "," in text and len(text.split(",")[-1]) != 3 else text.replace(",", "")
    return len(text.split(".")[1]) if "." in text else 0


def _scaled(metric: str, text: str, percent_sign: bool, percent_context: bool) -> tuple[float, int, bool] | None:
    """(value on the metric's scale, decimals on that scale, reported in percent), or None if implausible."""
    value = _number(text)
    decimals = _decimals(text)
    if metric in _PROPORTIONS:
        if percent_sign or (percent_context and value > 1) or 1 < value <= 100:
            if not 0 <= value <= 100:
                return None
            return round(value / 100, decimals + 2), decimals + 2, True
        return (value, decimals, False) if 0 <= value <= 1 else None
    if metric in _CORRELATIONS:
        if percent_sign:
            return (round(value / 100, decimals + 2), decimals + 2, True) if -100 <= value <= 100 else None
        return (value, decimals, False) if -1 <= value <= 1 else None
    return (value, decimals, False) if value >= 0 and not percent_sign else None


def _spread(after: str, sentence: str, metric: str, percent: bool, context: bool) -> tuple[Spread | None, int]:
    """The spread written right after a value, and how many characters it takes."""
    def scale(number: str, unit: str | None) -> float:
        value = _number(number)
        if unit or (percent and metric in _PROPORTIONS | _CORRELATIONS) or (context and value > 1):
            return round(value / 100, _decimals(number) + 2)
        return value

    match = _SPREAD_PM.match(after)
    if match:
        what = (match.group("what") or "").lower().replace(".", "")
        if not what:
            lowered = sentence.lower()
            what = ("sd" if re.search(r"\bs\.?d\.?\b|standard deviation|\bstd\b", lowered) else
                    "se" if re.search(r"\bsem?\b|standard error", lowered) else
                    "ci" if re.search(r"confidence interval|\bci\b", lowered) else "pm")
        kind = {"sd": "sd", "std": "sd", "se": "se", "sem": "se", "ci": "ci"}.get(what, "pm")
        return Spread(kind, value=scale(match.group("number"), match.group("unit"))), match.end()
    match = _SPREAD_PAREN.match(after)
    if match:
        what = match.group("what").lower().replace(".", "")
        kind = ("ci" if what in ("ci", "confidence interval") else "sd" if what in ("sd", "std", "standard deviation")
                else "se" if what in ("se", "sem", "standard error") else "iqr" if what in ("iqr", "interquartile range")
                else "range")
        low = scale(match.group("a"), match.group("ua"))
        if match.group("b") is None:
            if kind == "ci":
                return None, 0
            return Spread(kind, value=low), match.end()
        level = float(match.group("level")) if match.group("level") else (95.0 if kind == "ci" else None)
        return Spread(kind, low=low, high=scale(match.group("b"), match.group("ub")), level=level), match.end()
    match = _SPREAD_INTERVAL.match(after)
    if match and re.search(r"confidence interval|\bCI\b|\binterval", sentence, re.IGNORECASE):
        level = re.search(r"(\d+(?:\.\d+)?)\s?%\s*(?:CI|confidence)", sentence, re.IGNORECASE)
        return Spread("ci", low=scale(match.group("a"), match.group("ua")), high=scale(match.group("b"), match.group("ub")),
                      level=float(level.group(1)) if level else 95.0), match.end()
    return None, 0


def _split_of(text: str) -> str | None:
    """The split a text names, when it names only one kind ("external test cohort" is external)."""
    found = _splits_in(text)
    kinds = {kind for _, _, kind in found}
    if "external" in kinds:
        kinds.discard("test")
        kinds.discard("validation")
    return kinds.pop() if len(kinds) == 1 else None


def _splits_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, split) of every mention, an earlier pattern winning where mentions overlap."""
    found: list[tuple[int, int, str]] = []
    for name, pattern in _SPLITS:
        for match in pattern.finditer(text):
            if not any(start < match.end() and match.start() < end for start, end, _ in found):
                found.append((match.start(), match.end(), name))
    return sorted(found)


def _sentence_claims(sentence: Sentence, models: re.Pattern = _MODELS) -> list[Claim]:
    text = sentence.text
    citation = _CITATION.search(text)
    if citation:
        # "the AUPRC of 0.62 we observe is modest compared with the 95% reported with random splits [3]": the
        # paper's own value before the others' is kept
        own = re.search(r"\b(?:we|our)\b", text[:citation.start()], re.IGNORECASE)
        others = re.search(r"\b(?:reported|published|previous(?:ly)?|prior|earlier|others?)\b", text, re.IGNORECASE)
        if not own or not others or others.start() < own.start():
            return []
        text = text[:others.start()]
        # and what is compared with them: "below the 0.78 reported for DeepLoc", "than the 0.9 reported"
        text = re.sub(r"\b(?:below|above|than|compared (?:with|to)|versus|vs\.?|against|unlike)\b[^,;:]*$", "", text)
    metrics = [(m.start(), m.end(), _metric_of(m)) for m in _METRIC.finditer(text)]
    # a metric named as an objective ("the threshold that maximised MCC") carries no value
    metrics = [m for m in metrics if m[2] and not re.search(r"(?:maximi[sz]|minimi[sz]|optimi[sz])\w*\s+(?:the\s+)?$",
                                                               text[:m[0]], re.IGNORECASE)]
    if not metrics:
        return []
    percent_context = bool(re.search(r"\(\s*%\s*\)|in percent|percentage points", text))
    if re.search(r"\bwould\b", text) and not re.search(r"\b(?:reached|achieved|obtained|attained|was|were|yielded)\b",
                                                        text):
        return []   # a hypothetical ("with a sensitivity of 0.9, the system would ...")
    claims: list[Claim] = []
    consumed = 0
    compared = 0
    values: list[tuple[int, int, str, bool]] = []
    for match in _VALUE.finditer(text):
        if match.start() < consumed:
            continue
        before = text[:match.start()]
        after = text[match.end():]
        if _NOT_A_CLAIM_BEFORE.search(before[-40:]) or _NOT_A_CLAIM_AFTER.match(after):
            continue
        if re.match(r"\s?%\s*(?:CI|confidence)", text[match.end() - (1 if match.group("unit") else 0):], re.IGNORECASE) \
                or re.match(r"\s*%?\s*(?:CI|confidence)", after, re.IGNORECASE):
            continue
        # the nearest metric named before the value in the same clause, or right after it ("0.91 AUROC")
        metric = None
        previous = [m for m in metrics if m[1] <= match.start()]
        if previous:
            _, end, name = previous[-1]
            between = text[end:match.start()]
            last_value = values[-1] if values and values[-1][1] > end else None
            if last_value is not None:
                # a value after other values: the next item of a list ("0.91, 0.85 and 0.80"), or a value compared
                # with the sentence's first ("0.91, compared with 0.85 for the baseline"; one written the same way,
                # in percent or not, when the sentence has several)
                glue = _LIST_GLUE.match(text[last_value[1]:match.start()])
                if glue and glue.group("compare"):
                    compared = len(values)   # values from here on are compared with those before, in order
                    percent = bool(match.group("unit"))
                    metric = next((v[2] for v in values if v[3] == percent), values[0][2])
                elif glue and compared:
                    position = len(values) - compared
                    metric = values[position][2] if position < compared else last_value[2]
                elif glue:
                    metric = last_value[2]
                elif _MODEL_GLUE.match(text[last_value[1]:match.start()]) and models.search(
                        text[last_value[1]:match.start()]):
                    metric = last_value[2]   # "0.784, and the waveform-only CNN 0.752"
                elif _COMPARED_IN_PARENTHESES.search(text[last_value[1]:match.start()]):
                    percent = bool(match.group("unit"))
                    metric = next((v[2] for v in values if v[3] == percent), values[0][2])
            elif len(between) <= 80 and not re.search(r"[;]|\bwhile\b|\bwhereas\b|\bbut\b|\bagainst\b|"
                                                      r"\bcompared\b|\bversus\b|\bvs\b|\b(?:prevalence|incidence|"
                                                      r"rate|proportion|fraction|percentage|share|threshold|ratio|"
                                                      r"frequency|cut-?off)\b", between, re.IGNORECASE):
                metric = name
        following = [m for m in metrics if m[0] >= match.end()]
        spread_from = match.end()
        if following and re.match(r"^\s*(?:in |for |on )?(?:the |an? |mean |average )?$",
                                  text[match.end():following[0][0]]) and (
                metric is None or not re.search(r"\b(?:of|was|were|=|:|reached|achieved|is)\s*$", text[:match.start()])):
            metric, spread_from = following[0][2], following[0][1]
        if metric is None:
            continue
        scaled = _scaled(metric, match.group("number"), bool(match.group("unit")), percent_context)
        if scaled is None:
            continue
        value, decimals, percent = scaled
        spread, length = _spread(text[match.end():], text, metric, percent, percent_context)
        if spread is None and spread_from != match.end():
            spread, length = _spread(text[spread_from:], text, metric, percent, percent_context)
            length += spread_from - match.end() if spread else 0
        consumed = match.end() + length
        values.append((match.start(), consumed, metric, bool(match.group("unit"))))
        claims.append(Claim(
            metric=metric, value=value, text=match.group(0).strip(), decimals=decimals, percent=percent,
            path=sentence.place.path, line=sentence.place.line, page=sentence.place.page, sentence=text,
            source="text", spread=spread,
        ))
    return _attach_context(_respectively(claims, values, metrics, text), values, text, models,
                           compared or None)


_LIST_GLUE = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:(?:for|across|over|on|in|at) [^,;]{1,60}?)?(?:,|,?\s*(?:and|or)\b|,?\s*"
                        r"(?P<compare>against|versus|vs\.?|compared (?:with|to)|(?:higher|lower|better|worse) than(?: "
                        r"(?:either|both|that of|those of))?|than)(?!\w))\s*$", re.IGNORECASE)
_MODEL_GLUE = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:and|or|while|whereas)\s+(?:the |a |an |our )?[\w-]+(?: [\w-]+){0,2}"
                         r"\s*(?:reached|achieved|obtained|had|with|of)?\s*$", re.IGNORECASE)
# a value in parentheses after a model that a sentence compares with ("higher than ResNet-50 (0.941)")
_COMPARED_IN_PARENTHESES = re.compile(r"(?:against|versus|vs\.?|compared (?:with|to)|than|either|or|and)\s+(?:the |a |an )?"
                                      r"[\w-]+(?: [\w-]+){0,3}\s*\($", re.IGNORECASE)


def _respectively(claims: list[Claim], values: list[tuple], metrics: list[tuple], text: str) -> list[Claim]:
    """"Sensitivity and specificity were 0.85 and 0.90, respectively": as many metrics named before the first value
    as values in its list, each value to the metric in the same position."""
    from dataclasses import replace

    if not claims or not re.search(r"\brespectively\b", text, re.IGNORECASE):
        return claims
    named = []
    for start, _, name in metrics:
        if start < values[0][0] and name not in named:
            named.append(name)
    if len(named) < 2 or len(named) != len(claims) or len({v[2] for v in values}) != 1:
        return claims
    out = []
    for index, (claim, name) in enumerate(zip(claims, named)):
        scaled = _scaled(name, claim.text.rstrip("%").strip(), claim.text.endswith("%"), False)
        if scaled is None:
            return claims
        values[index] = (*values[index][:2], name, scaled[2])
        out.append(replace(claim, metric=name, value=scaled[0], decimals=scaled[1], percent=scaled[2]))
    return out


def _attach_context(claims: list[Claim], values: list[tuple[int, int, str, bool]], text: str,
                    models: re.Pattern, compared_from: int | None = None) -> list[Claim]:
    """The model and split each value refers to. "respectively" pairs a list of values with a list of models;
    otherwise a model named right after the value ("0.52 for the logistic regression") or the nearest named before
    it. The split is the nearest named before the value (or after it, in the same clause)."""
    from dataclasses import replace

    mentions: list[tuple[int, int, str]] = []
    for m in models.finditer(text):
        if mentions and not text[mentions[-1][1]:m.start()].strip():   # "the EnhancerNet ensemble": one mention
            mentions[-1] = (mentions[-1][0], m.end(), text[mentions[-1][0]:m.end()])
        else:
            mentions.append((m.start(), m.end(), m.group("model").strip()))
    splits = _splits_in(text)
    respectively = re.search(r"\brespectively\b", text, re.IGNORECASE)
    out = []
    for index, (claim, (start, end, metric, _)) in enumerate(zip(claims, values)):
        model = None
        if respectively:
            same_metric = [i for i, v in enumerate(values) if v[2] == metric]
            named = [m for m in mentions if m[0] > values[same_metric[-1]][1]]
            if len(same_metric) > 1 and len(named) >= len(same_metric):
                model = named[same_metric.index(index)][2]
        if model is None:
            following = next((m for m in mentions if m[0] >= end), None)
            # past the rest of a list ("0.52 and 0.61 for a lasso regression")
            gap = re.sub(rf"^(?:\s*(?:,|\band\b|\bor\b)+\s*{_VALUE.pattern})+", "", text[end:following[0]]) \
                if following is not None else ""
            if following is not None and re.match(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:for|of|by|with|from) "
                                                  r"(?:the |a |an |our )?(?:[\w-]+ )?$", gap):
                model = following[2]
        if model is None and compared_from is not None and index >= compared_from:
            named = re.match(r"(?:\s*(?:,|and|or)\s*[-−–]?(?:\d[\d.,]*|\.\d+)\s?%?)*\s*(?:\([^)]*\)\s*)?,?\s*for "
                             r"(?:the |a |an )?((?:[\w-]+ ){0,3}?[\w-]+)(?=\s*(?:[,.;)]|$|\bon\b|\bin\b|\bat\b))",
                             text[end:])
            model = named.group(1) if named else None   # "compared with 0.664 for homology transfer"
        if model is None:
            before = [m for m in mentions if m[1] <= start]
            model = before[-1][2] if before else None
        split = None
        preceding = [kind for s, e, kind in splits if e <= start]
        if preceding:
            split = preceding[-1]
        else:
            clause_end = re.search(r"[;]|\.(?!\d)|\bwhereas\b|\bwhile\b", text[end:])
            limit = end + (clause_end.start() if clause_end else len(text))
            split = next((kind for s, e, kind in splits if s >= end and s < limit), None)
        out.append(replace(claim, model=model, split=split))
    return out


def _table_claims(table: Table) -> list[Claim]:
    """Values in a table whose header (or first column) names a metric; the first column names the model, and
    the caption or a column/row label the split."""
    if len(table.rows) < 2:
        return []
    header_rows = table.rows[:table.header_rows]
    width = max(len(row) for row in table.rows)
    headers = []
    for column in range(width):
        headers.append(" ".join(row[column] for row in header_rows if column < len(row) and row[column]))
    metric_columns = {}
    for column, header in enumerate(headers):
        match = next((m for m in _METRIC.finditer(header) if _metric_of(m)), None) or _HEADER_METRIC.search(header)
        if match:
            metric_columns[column] = (_metric_of(match), bool(re.search(r"\(\s*%\s*\)|\bin %|%$", header)))
    split_columns = [c for c, h in enumerate(headers) if re.search(r"^(?:split|set|data ?set|cohort|evaluation)$",
                                                                 h.strip(), re.IGNORECASE)]
    caption_split = _split_of(table.caption) if table.caption else None
    claims = []
    for row, place in zip(table.rows[table.header_rows:], table.places[table.header_rows:]):
        label = row[0] if row else ""
        row_metric = None
        if not metric_columns:   # metrics as rows: "AUROC | 0.91 | 0.85"
            match = next((m for m in _METRIC.finditer(label) if _metric_of(m)), None)
            row_metric = (_metric_of(match), "%" in label) if match else None
            if row_metric is None:
                continue
        row_split = next((_split_of(row[c]) for c in split_columns if c < len(row)), None) or \
            next((_split_of(cell) for cell in row if cell and not _VALUE.match(cell) and _split_of(cell)), None)
        for column, cell in enumerate(row):
            if column == 0:
                continue
            metric, percent_header = metric_columns.get(column, row_metric or (None, False))
            if metric is None:
                continue
            match = _VALUE.search(cell)
            if match is None or cell[:match.start()].strip() not in ("", "$"):
                continue
            scaled = _scaled(metric, match.group("number"), bool(match.group("unit")), percent_header)
            if scaled is None:
                continue
            value, decimals, percent = scaled
            spread, _ = _spread(cell[match.end():], f"{cell} {table.caption} {headers[column]}", metric, percent,
                                percent_header)
            model = re.sub(r"\s*\((?:proposed|ours|this (?:work|study)|our (?:model|method))\)", "",
                           label if metric_columns else headers[column], flags=re.IGNORECASE).strip()
            claims.append(Claim(
                metric=metric, value=value, text=match.group(0).strip(), decimals=decimals, percent=percent,
                path=place.path, line=place.line, page=place.page, sentence=" | ".join(row), source="table",
                model=model or None, split=row_split or _split_of(headers[column]) or caption_split, spread=spread,
            ))
    return claims
