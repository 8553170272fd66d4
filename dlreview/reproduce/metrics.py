"""Metric names and reported values: one normalisation for the configuration, the manuscript and the records."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from dlreview.manuscript.claims import METRICS, Claim

HOOK_DIR = Path(__file__).parent / "hook"


class ClaimError(ValueError):
    """A reported value or metric name that cannot be read; the message names it."""


@lru_cache(maxsize=1)
def metric_names() -> dict:
    """``hook/metric_names.json``: the library functions per metric, shared with the start-up hook."""
    return json.loads((HOOK_DIR / "metric_names.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    names = metric_names()
    table: dict[str, str] = {}
    for section in ("sklearn.metrics", "scipy.stats", "torchmetrics", "torchmetrics.functional"):
        for function, metric in names[section].items():
            table.setdefault(_key(function), metric)
            table[_key(metric)] = metric
    table.update({_key(alias): metric for alias, metric in names["aliases"].items()})
    table.update({_key(metric): metric for metric in METRICS})
    return table


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def known_metrics() -> list[str]:
    return sorted(set(_lookup().values()))


def normalise_metric(name: str) -> str:
    """``"ROC AUC"``, ``"roc_auc_score"``, ``"AUROC"`` -> ``"roc_auc"``; an unknown name is an error."""
    metric = _lookup().get(_key(name)) or _lookup().get(_key(name).replace("_", ""))
    if metric is None:
        raise ClaimError(f"unknown metric {name!r}; known metrics: {', '.join(known_metrics())}")
    return metric


def same_metric(claimed: str, recorded: str) -> bool:
    """A claim of sensitivity is verified by a recorded recall, and so on (``same_as`` in the names file)."""
    same_as = metric_names()["same_as"]
    return same_as.get(claimed, claimed) == same_as.get(recorded, recorded)


def is_proportion(metric: str) -> bool:
    return metric in metric_names()["proportions"]


def parse_reported(value) -> tuple[float, int, bool, str]:
    """A reported value as written -> (value on the 0-1 scale for percentages, decimals on that scale, percent,
    text). ``"91%"`` -> (0.91, 2, True, "91%"); ``"0.996"`` -> (0.996, 3, False, "0.996"). Write values as strings
    in TOML to keep trailing zeros (``"0.990"``): a TOML float 0.990 reads as 0.99, two decimals."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ClaimError(f"a reported value must be a number or a string like \"91%\" or \"0.996\", not {value!r}")
    text = value.strip() if isinstance(value, str) else repr(value)
    percent = text.endswith("%")
    number_text = text[:-1].strip() if percent else text
    try:
        number = Decimal(number_text)
    except InvalidOperation:
        raise ClaimError(f"cannot read the reported value {text!r} as a number") from None
    if not number.is_finite():
        raise ClaimError(f"the reported value {text!r} is not a finite number")
    decimals = max(0, -int(number.as_tuple().exponent))
    if percent:
        return float(number) / 100, decimals + 2, True, text
    return float(number), decimals, False, text


def config_claim(metric: str, value, *, path: str, model: str | None = None, split: str | None = None,
                 extra: dict | None = None) -> Claim:
    """A value reported in the configuration, as the same :class:`Claim` the manuscript review extracts."""
    number, decimals, percent, text = parse_reported(value)
    name = normalise_metric(metric)
    return Claim(metric=name, value=number, text=text, decimals=decimals, percent=percent, path=path, line=None,
                 page=None, sentence=f"{metric} = {text}" + (f" ({model})" if model else ""), source="config",
                 model=model, split=split, extra=dict(extra or {}))
