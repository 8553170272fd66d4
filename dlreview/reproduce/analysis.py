"""From the records of the runs to verdicts: which value a claim refers to, seed statistics, determinism, the
label-shuffle control and leakage confirmed at run time."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from dlreview.manuscript.claims import Claim
from dlreview.reproduce.config import Selector
from dlreview.reproduce.metrics import ClaimError, is_proportion, normalise_metric, same_metric

VERDICTS = ("reproduced", "within_variability", "not_reproduced", "not_computed")
NEAR_CHANCE = 0.1   # a label-shuffle value this close to chance shows no signal without the labels
# two-sided 95% quantiles of Student's t, by degrees of freedom (1.96 beyond 30)
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
       11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086,
       21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042}


@dataclass
class Measurement:
    """One metric value a run produced: recorded by the hook, read from a metrics file, or matched on the output."""

    metric: str | None          # normalised name; None for a file or pattern key that names no known metric
    value: float
    source: str                 # sklearn.metrics.roc_auc_score, file:results.json, pattern, ...
    file: str | None = None
    line: int | None = None
    cell: int | None = None
    function: str | None = None
    model: str | None = None    # the estimator whose predictions were scored, when the hook could tell
    key: str | None = None      # the metrics file's key (nested keys joined with "."), or the pattern's key
    chance: float | None = None
    index: int = 0              # order within the run

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def where(self) -> str:
        if self.key is not None:
            return f"{self.source} key {self.key!r}"
        place = self.file or "?"
        if self.cell is not None:
            place += f":cell {self.cell}"
        if self.line is not None:
            place += f":{self.line}"
        return place


@dataclass
class RunRecord:
    events: list[dict] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)


def read_events(path: Path) -> list[dict]:
    """The JSON-lines record of a run; a line cut short by a killed process is skipped."""
    events = []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return events
    for line in text.splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and "event" in event:
            event["_index"] = len(events)  # file order is the order of the run (appends from every process)
            events.append(event)
    _assign_cells(events)
    return events


def _assign_cells(events: list[dict]) -> None:
    """In a notebook, the runner writes a ``cell`` event (the code-cell number) when a cell finishes; what the hook
    recorded before it, since the previous one, happened in that cell. A cell cut short (an error, a kill) is
    the one after the last that finished."""
    following = None
    last_finished = 0
    for event in reversed(events):
        if event["event"] == "cell":
            following = event.get("cell")
        elif event.get("cell") is not None:
            event["cell"] = following
    for event in events:
        if event["event"] == "cell":
            last_finished = event.get("cell") or last_finished
        elif "cell" in event and event["cell"] is None and event.get("file", "").endswith(".ipynb"):
            event["cell"] = last_finished + 1


def hook_measurements(events: list[dict]) -> list[Measurement]:
    found = []
    for event in events:
        if event["event"] != "metric" or event.get("value") is None:
            continue
        found.append(Measurement(metric=event["metric"], value=float(event["value"]), source=event["computed_by"],
                                 file=event.get("file"), line=event.get("line"), cell=event.get("cell"),
                                 function=event.get("function"), model=event.get("model"),
                                 chance=event.get("chance")))
    return found


def file_measurements(path: Path, shown: str) -> list[Measurement]:
    """A JSON file (nested objects flattened to dotted keys) or a CSV file (two columns key,value; or a header row
    of metric names and one row per model, keyed ``model.metric`` by the first column)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    pairs: list[tuple[str, object]] = []
    if path.suffix.lower() == ".csv":
        rows = [row for row in csv.reader(io.StringIO(text)) if row]
        if rows and len(rows[0]) == 2 and _number(rows[0][1]) is not None:
            pairs = [(row[0], row[1]) for row in rows if len(row) == 2]
        elif rows and len(rows[0]) == 2 and rows[0][1].strip().lower() == "value":
            pairs = [(row[0], row[1]) for row in rows[1:] if len(row) == 2]
        elif rows:
            header = rows[0]
            for row in rows[1:]:
                for name, cell in zip(header[1:], row[1:]):
                    pairs.append((f"{row[0]}.{name}", cell))
    else:
        try:
            data = json.loads(text)
        except ValueError:
            return []
        pairs = list(_flatten(data, ""))
    found = []
    for key, raw in pairs:
        value = _number(raw)
        if value is not None:
            found.append(_keyed(key, value, f"file:{shown}"))
    return found


def pattern_measurements(pattern: re.Pattern, output: str) -> list[Measurement]:
    found = []
    for match in pattern.finditer(output):
        value = _number(match.group("value"))
        if value is None:
            continue
        groups = match.groupdict()
        key = groups.get("key") or groups.get("metric") or "pattern"
        measurement = _keyed(key, value, "pattern")
        if groups.get("metric"):
            measurement.metric = _metric_or_none(groups["metric"])
        if groups.get("model"):
            measurement.model = groups["model"]
        found.append(measurement)
    return found


def _keyed(key: str, value: float, source: str) -> Measurement:
    metric = _metric_or_none(key.split(".")[-1])
    if metric is not None and is_proportion(metric) and 1 < value <= 100:
        value = value / 100  # a proportion written in percent
    return Measurement(metric=metric, value=value, source=source, key=key)


def _metric_or_none(name: str) -> str | None:
    try:
        return normalise_metric(name)
    except ClaimError:
        return None


def _flatten(data, prefix: str):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _flatten(value, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix, data


def _number(raw) -> float | None:
    if isinstance(raw, bool):
        return None
    try:
        value = float(str(raw).strip().rstrip("%")) / (100 if str(raw).strip().endswith("%") else 1)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# -- which recorded value a claim refers to ----------------------------------------------------------------------------
@dataclass
class Selection:
    measurement: Measurement | None
    candidates: int
    ambiguous: bool
    how: str


def selector_for(claim: Claim, models: dict[str, Selector]) -> Selector:
    """The claim's own selector (configuration claims), else the ``models`` entry for its model, else none."""
    own = claim.extra.get("selector") if claim.extra else None
    if own is not None and (own.at or own.key or own.occurrence != "last"):
        return own
    if claim.model:
        wanted = _norm(claim.model)
        for name, selector in models.items():
            if _norm(name) == wanted:
                return selector
    return own or Selector()


def select(claim: Claim, selector: Selector, measurements: list[Measurement]) -> Selection:
    """Which measurement of a run the claim refers to.

    1. ``key``: the metrics-file or pattern value with exactly that key.
    2. otherwise values of the claim's metric, narrowed by ``at`` (file, file:line, notebook:cell N) if given, else
       by the claim's ``model``: values whose model (the scikit-learn estimator whose predictions were scored), key,
       file name or function name matches the model's name; when none does, values not attributed to another model.
    3. of what is left, the ``occurrence``: the last by default (the final evaluation), "first", or N-th.
    ``ambiguous`` says that several different values were left and nothing but the default chose among them.
    """
    if selector.key is not None:
        candidates = [m for m in measurements if m.key == selector.key]
        how = f"key {selector.key!r}"
    else:
        candidates = [m for m in measurements if m.metric is not None and same_metric(claim.metric, m.metric)]
        how = "metric"
        if selector.at is not None:
            candidates = [m for m in candidates if _at(selector.at, m)]
            how += f" at {selector.at}"
        elif claim.model:
            matching = [m for m in candidates if _model_matches(claim.model, m)]
            if matching:
                candidates, how = matching, f"{how} of model {claim.model!r}"
            else:
                candidates = [m for m in candidates if not m.model]
                how = f"{how}, not attributed to another model than {claim.model!r}"
    if not candidates:
        return Selection(None, 0, False, how)
    occurrence = selector.occurrence
    explicit = occurrence != "last"
    if occurrence == "last":
        chosen = candidates[-1]
    elif occurrence == "first":
        chosen = candidates[0]
    else:
        position = occurrence - 1 if occurrence > 0 else occurrence
        if not -len(candidates) <= position < len(candidates):
            return Selection(None, len(candidates), False, f"{how}, occurrence {occurrence} of {len(candidates)}")
        chosen = candidates[position]
    distinct = {round(m.value, 12) for m in candidates}
    ambiguous = len(distinct) > 1 and not explicit and selector.at is None and selector.key is None
    return Selection(chosen, len(candidates), ambiguous, f"{how}, {occurrence} of {len(candidates)}")


def _at(at: str, measurement: Measurement) -> bool:
    match = re.fullmatch(r"(?P<file>[^:]+)(?::cell (?P<cell>\d+)|:(?P<line>\d+))?", at)
    if match is None or measurement.file is None:
        return False
    if Path(measurement.file).as_posix() != Path(match["file"]).as_posix():
        return False
    if match["cell"] is not None:
        return measurement.cell == int(match["cell"])
    if match["line"] is not None:
        return measurement.line == int(match["line"])
    return True


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _acronym(name: str) -> str:
    words = re.findall(r"[A-Z][a-z0-9]*", name)
    words = [w for w in words if w not in ("Classifier", "Regressor", "CV")]
    return "".join(w[0] for w in words).lower()


def _model_matches(model: str, measurement: Measurement) -> bool:
    wanted = _norm(model)
    if not wanted:
        return False
    labels = [measurement.model, measurement.key, Path(measurement.file).stem if measurement.file else None,
              measurement.function]
    for label in filter(None, labels):
        normal = _norm(label)
        if len(normal) >= 2 and (wanted in normal or normal in wanted):
            return True
        if label == measurement.model and _acronym(label) == wanted:
            return True
    return False


# -- statistics and verdicts -------------------------------------------------------------------------------------------
def summary(values: list[float]) -> dict | None:
    if not values:
        return None
    n = len(values)
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if n > 1 else 0.0
    half = T95.get(n - 1, 1.96) * sd / math.sqrt(n) if n > 1 else 0.0
    return {"n": n, "values": values, "mean": mean, "sd": sd, "ci95": [mean - half, mean + half],
            "min": min(values), "max": max(values)}


def reproduces(claim: Claim, measured: float, tolerance: float) -> bool:
    """At the precision the value was reported with (``Claim.matches``), and within the tolerance on top of it."""
    return claim.matches(measured) or abs(round(measured, claim.decimals) - claim.value) <= tolerance + 1e-12


def seed_spread(seeds: dict | None) -> tuple[float, float] | None:
    """The seed spread: the lowest to the highest value over the seed runs (at least two)."""
    if not seeds or seeds["n"] < 2:
        return None
    return seeds["min"], seeds["max"]


def verdict(claim: Claim, published: float | None, seeds: dict | None, tolerance: float) -> dict:
    measured = published if published is not None else (seeds["mean"] if seeds else None)
    if measured is None:
        return {"verdict": "not_computed", "measured": None, "difference": None}
    difference = measured - claim.value
    result = {"measured": measured, "difference": difference,
              "measured_from": "published run" if published is not None else "mean over seeds"}
    if reproduces(claim, measured, tolerance):
        return {"verdict": "reproduced", **result}
    spread = seed_spread(seeds)
    if spread is not None:
        unit = 0.5 * 10 ** -claim.decimals  # the reported value stands for anything that rounds to it
        if spread[0] - tolerance - unit <= claim.value <= spread[1] + tolerance + unit:
            return {"verdict": "within_variability", "seed_spread": list(spread), **result}
    return {"verdict": "not_reproduced", "seed_spread": list(spread) if spread else None, **result}


def compare_runs(first: list[Measurement], second: list[Measurement]) -> dict:
    """The determinism check: the same seed twice must give the same values. Compared by place (where, metric,
    key) and order within a place, so that processes writing to the record in another order do not count."""
    def order(measurements):
        return sorted(measurements, key=lambda m: (m.where(), str(m.metric), str(m.key)))

    first, second = order(first), order(second)
    differences = []
    for index in range(max(len(first), len(second))):
        a = first[index] if index < len(first) else None
        b = second[index] if index < len(second) else None
        if a is None or b is None or a.metric != b.metric or a.key != b.key or a.value != b.value:
            differences.append({"index": index, "metric": (a or b).metric or (a or b).key,
                                "where": (a or b).where(), "first": a.value if a else None,
                                "second": b.value if b else None})
    if not first and not second:
        return {"identical": None, "compared": 0, "differences": [],
                "note": "no metric was recorded in either run: nothing to compare"}
    return {"identical": not differences, "compared": max(len(first), len(second)), "differences": differences}


CHANCE = {"roc_auc": 0.5, "mcc": 0.0, "cohen_kappa": 0.0, "r2": 0.0, "pearson_r": 0.0, "spearman_r": 0.0}


def shuffle_control(claim: Claim, values: list[Measurement], runs: list[list[Measurement]],
                    applied: bool = True) -> dict | None:
    """What the claim's metric is with the labels permuted (one value per permutation), against chance: the value
    of a model without signal. Chance comes from the hook (majority class for accuracy, prevalence for PR AUC,
    from the labels the metric was given), else is known for the metric (ROC AUC 0.5, MCC 0, R² 0...).
    ``near_chance``: the mean within 0.1 of chance, or within two standard deviations of the permutations. When no
    labels were permuted (no scikit-learn fit, and the code did not opt in), the control is marked not applied."""
    if not values:
        return None
    if not applied:
        stats = summary([m.value for m in values])
        return {"applied": False, "values": stats["values"], "mean": stats["mean"], "sd": stats["sd"],
                "n": stats["n"], "chance": None, "near_chance": None,
                "note": "no labels were shuffled: no scikit-learn fit, and the code did not opt in "
                        "(DLREVIEW_SHUFFLE_LABELS)"}
    chance = next((m.chance for m in values if m.chance is not None), None)
    if chance is None:
        chance = CHANCE.get(claim.metric)
    if chance is None:  # the same metric recorded by the hook in those runs knows it (same test labels)
        chance = next((m.chance for run in runs for m in run
                       if m.chance is not None and m.metric and same_metric(claim.metric, m.metric)), None)
    stats = summary([m.value for m in values])
    near = None
    if chance is not None:
        near = abs(stats["mean"] - chance) <= max(NEAR_CHANCE, 2 * stats["sd"])
    return {"applied": True, "values": stats["values"], "mean": stats["mean"], "sd": stats["sd"], "n": stats["n"],
            "chance": chance, "near_chance": near}


# -- leakage confirmed at run time ------------------------------------------------------------------------------------
class _Rows:
    """Row fingerprints joined into identities: a transform's output row ``i`` is its input row ``i``."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, row: str) -> str:
        root = row
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while row != root:
            self.parent[row], row = root, self.parent.get(row, row)
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def leakage(events: list[dict]) -> dict:
    """Every fit that saw rows a ``train_test_split`` put in a test part, with counts; a leak when the test rows
    were then evaluated (predict/score) after that fit. A refit on all rows after the last evaluation is listed
    but is no leak."""
    rows = _Rows()
    for event in events:
        if event["event"] == "map" and event.get("rows") and event.get("out"):
            for a, b in zip(event["rows"], event["out"]):
                rows.join(a, b)
    splits = []
    for event in events:
        if event["event"] == "split":
            for part in event.get("parts", []):
                splits.append({"where": _site(event), "test": {rows.find(r) for r in part["test"]},
                               "n_test": len(part["test"]), "order": _order(event)})
    evaluations = [(_order(event), {rows.find(r) for r in event["rows"]}) for event in events
                   if event["event"] == "evaluate" and event.get("rows")]
    fits = []
    for event in events:
        if event["event"] != "fit" or not event.get("rows"):
            continue
        identities = [rows.find(r) for r in event["rows"]]
        for split in splits:
            seen = sum(1 for identity in identities if identity in split["test"])
            if not seen:
                continue
            evaluated_after = any(order > _order(event) and not evaluated.isdisjoint(split["test"])
                                  for order, evaluated in evaluations)
            fits.append({"estimator": event["estimator"], "method": event["method"], "where": _site(event),
                         "rows": len(identities), "test_rows_seen": seen, "test_rows": split["n_test"],
                         "split": split["where"], "fit_before_split": _order(event) < split["order"],
                         "evaluated_after": evaluated_after, "leak": evaluated_after})
    return {"splits": len(splits), "fits_checked": sum(1 for e in events if e["event"] == "fit" and e.get("rows")),
            "confirmed": any(fit["leak"] for fit in fits), "fits": fits}


def _order(event: dict) -> tuple:
    return (event.get("_index", 0),)


def _site(event: dict) -> str:
    place = event.get("file") or "?"
    if event.get("cell") is not None:
        place += f":cell {event['cell']}"
    if event.get("line") is not None:
        place += f":{event['line']}"
    return place
