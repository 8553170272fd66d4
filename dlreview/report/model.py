"""The report model: one plain, JSON-ready dict assembled from the static check, the manuscript review and a
reproduction record. HTML, PDF, the JSON export and the DOME export are all made from it."""

from __future__ import annotations

import copy
import datetime
import re
from pathlib import Path

from dlreview.engine import CheckResult
from dlreview.findings import Finding
from dlreview.manuscript.claims import METRICS
from dlreview.output import location
from dlreview.report.excerpts import allowed_roots, excerpt
from dlreview.report.paths import Places
from dlreview.rulespec import PAPER, TIPS, load_specs

SCHEMA = 1
RECORD_SCHEMA = 1   # the schema of `dlreview reproduce` records this report reads (the record's tool.schema)
SEVERITIES = ("error", "warning", "info")

AREAS = {
    "data": "Data and leakage",
    "optimisation": "Baselines and tuning",
    "evaluation": "Evaluation",
    "reproducibility": "Reproducibility",
    "interpretation": "Interpretation",
    "ethics": "Ethics",
    "design": "Design and representation",
}
_DATA_TIP7 = {"DLR603", "DLR604", "DLR605", "DLR606", "DLR804"}
# How the report writes the normalised metric names (``claims.METRICS``): exactly those, a test checks it.
METRIC_DISPLAY = {"accuracy": "accuracy", "balanced_accuracy": "balanced accuracy", "roc_auc": "ROC AUC",
                  "pr_auc": "PR AUC", "f1": "F1", "precision": "precision", "recall": "recall",
                  "sensitivity": "sensitivity", "specificity": "specificity", "mcc": "MCC", "r2": "R\u00b2",
                  "rmse": "RMSE", "mae": "MAE", "pearson_r": "Pearson r", "spearman_r": "Spearman \u03c1"}
METRIC_NAMES = {metric: METRIC_DISPLAY.get(metric, metric.replace("_", " ")) for metric in METRICS}
NOTHING_TO_VERIFY = "nothing to verify"
SHUFFLE_NOT_APPLIED = "not applied (no scikit-learn fit, and the code did not opt in)"
NO_METRIC_RECORDED = "no metric recorded"


class ReportError(Exception):
    """Bad input for a report (a record that is not a reproduction record, say), said in one sentence."""


def area_of(rule: str, tip: int) -> str:
    if tip == 10:
        return "ethics"
    if tip in (8, 9):
        return "interpretation"
    if tip in (2, 6):
        return "optimisation"
    if tip == 3:
        return "reproducibility"
    if tip == 4:
        return "data"
    if tip == 7:
        return "data" if rule.startswith("DLR1") or rule in _DATA_TIP7 else "evaluation"
    return "design"


def metric_name(metric: str | None) -> str:
    """A metric's name as the report writes it: ``METRIC_DISPLAY`` for the normalised names (``claims.METRICS``),
    else the name with spaces (a metric only the record knows, such as ``log_loss``)."""
    return METRIC_NAMES.get(metric or "", (metric or "metric").replace("_", " "))


def is_proportion(metric: str | None) -> bool:
    """A metric bounded by 0 and 1 (accuracy, AUC, F1...): its intervals are clamped to [0, 1]."""
    from dlreview.reproduce.metrics import is_proportion as proportion  # metric_names.json, the one list

    return bool(metric) and proportion(metric)


# ------------------------------------------------------------------------------------------------ findings
def _kind(finding: Finding, manuscript_paths: set[str]) -> str:
    if finding.is_repository_level:
        return "repository"
    if finding.is_document_level:
        return "document"
    if finding.path in manuscript_paths or finding.evidence is not None or finding.page is not None:
        return "manuscript"
    return "code"


def _shown_location(text: str, path: str, places: Places) -> str:
    """A location (``path:line:col``, ``folder/``...) with its path as the report shows it."""
    bare = path.rstrip("/")
    if bare and text.startswith(bare):
        return places.path(bare) + text[len(bare):]
    return places.text(text)


def _finding(number: int, finding: Finding, specs: dict, manuscript_paths: set[str], roots: list[Path],
             places: Places) -> dict:
    spec = specs.get(finding.rule)
    kind = _kind(finding, manuscript_paths)
    shown = places.path(finding.path)
    entry = {
        "id": f"F{number}",
        "rule": finding.rule,
        "name": spec.name if spec else finding.rule,
        "title": spec.title if spec else finding.rule,
        "tip": finding.tip,
        "area": area_of(finding.rule, finding.tip),
        "severity": finding.severity.value,
        "kind": kind,
        "location": _shown_location(location(finding), finding.path, places),
        "path": shown,
        "line": finding.line if finding.scope == "file" else None,
        "cell": finding.cell,
        "page": finding.page,
        "message": places.text(finding.message),
        "evidence": None,
        "fix": (spec.fix.strip() if spec else ""),
    }
    if kind == "manuscript" and finding.evidence:
        entry["evidence"] = {"sentence": finding.evidence, "path": shown, "line": finding.line,
                             "page": finding.page}
    elif kind == "code":
        excerpted = excerpt(finding.path, finding.line, finding.end_line, finding.cell, roots)
        if excerpted is not None:
            entry["evidence"] = {"excerpt": {**excerpted, "path": shown}}
    return entry


# ------------------------------------------------------------------------------------------------ manuscripts
def _title(review) -> str | None:
    """The manuscript's title: its first Markdown heading or LaTeX ``\\title``, read from the first 64 KiB."""
    try:
        with open(review.document.path, encoding="utf-8", errors="replace") as stream:
            head = stream.read(65536)
    except (OSError, TypeError):
        return None
    if review.document.format == "md":
        match = re.search(r"^#\s+(.+?)\s*#*\s*$", head, re.MULTILINE)
    elif review.document.format == "tex":
        match = re.search(r"\\title(?:\[[^\]]*\])?\{([^{}]{1,400})\}", head)
    else:
        return None
    return " ".join(match.group(1).split())[:300] if match else None


def _manuscript(review, places: Places) -> dict:
    data = review.to_dict()
    data["path"] = places.path(data["path"])
    data["files"] = [places.path(path) for path in data["files"]]
    for entry in [*data["checklist"], *data["claims"]]:
        evidence = entry.get("evidence") if isinstance(entry.get("evidence"), dict) else entry
        if evidence.get("path"):
            evidence["path"] = places.path(evidence["path"])
        if entry.get("reason"):
            entry["reason"] = places.text(entry["reason"])
    data["title"] = _title(review)
    abstract = [s.text for s in review.document.sentences if getattr(s, "section", None) == "abstract"]
    data["abstract"] = " ".join(abstract[:3]) or None
    return data


# ------------------------------------------------------------------------------------------------ reproduction
def _num(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _claim_label(claim: dict) -> str:
    label = metric_name(claim.get("metric"))
    if claim.get("model"):
        label += f" \u00b7 {claim['model']}"
    elif (claim.get("select") or {}).get("key"):
        label += f" \u00b7 {claim['select']['key']}"
    return label


def normalise_record(record: dict, source: str) -> dict:
    """The parts of a ``dlreview reproduce`` record the report shows, read defensively (the record's shape is
    documented in the README, "The JSON record"; a missing key reads as unknown, never as a crash)."""
    if not isinstance(record, dict) or not isinstance(record.get("claims", []), list) or \
            not isinstance(record.get("summary"), dict):
        raise ReportError("the reproduction record is not a `dlreview reproduce` JSON record (no summary)")
    tool = record.get("tool") if isinstance(record.get("tool"), dict) else {}
    if tool.get("name", "dlreview") != "dlreview":
        raise ReportError(f"the reproduction record was written by {str(tool.get('name'))[:80]!r}, not by "
                          f"`dlreview reproduce`")
    schema = tool.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema != RECORD_SCHEMA:
        said = "has no schema (tool.schema)" if schema is None else f"has schema {str(schema)[:40]!r}"
        raise ReportError(f"the reproduction record {said}; this report reads schema {RECORD_SCHEMA}: make the "
                          f"record again with this version of `dlreview reproduce`")
    try:
        return _normalise(record, source)
    except (AttributeError, TypeError, KeyError, ValueError, IndexError) as exc:
        raise ReportError(f"the reproduction record has an unexpected shape ({type(exc).__name__}: {exc})") from None


def _normalise(record: dict, source: str) -> dict:
    claims = []
    for index, entry in enumerate(record.get("claims") or [], start=1):
        if not isinstance(entry, dict):
            continue
        claim = entry.get("claim") or {}
        seeds = entry.get("seeds") or None
        shuffle = entry.get("label_shuffle") or None
        measured = _num(entry.get("measured"))
        item = {
            "id": f"C{index}",
            "label": _claim_label(claim),
            "metric": claim.get("metric"),
            "model": claim.get("model"),
            "reported": _num(claim.get("value")),
            "reported_text": claim.get("text"),
            "reported_where": _where(claim),
            "sentence": claim.get("sentence"),
            "measured": measured,
            "measured_from": entry.get("measured_from"),
            "difference": _num(entry.get("difference")),
            "tolerance": _num(entry.get("tolerance")),
            "verdict": entry.get("verdict") or "unknown",
            "reason": entry.get("reason"),
            "ambiguous": bool(entry.get("ambiguous")),
            "seeds": None,
            "label_shuffle": None,
        }
        if isinstance(seeds, dict):
            item["seeds"] = _seeds(seeds, claim.get("metric"))
        if isinstance(shuffle, dict):
            item["label_shuffle"] = _shuffle(shuffle)
        item["description"] = _describe_claim(item)
        claims.append(item)
    runs = []
    for run in record.get("runs") or []:
        if isinstance(run, dict):
            runs.append({"id": run.get("id"), "experiment": run.get("experiment"), "seed": run.get("seed"),
                         "label_shuffle": bool(run.get("label_shuffle")), "status": run.get("status"),
                         "duration_s": _num(run.get("duration_s")), "metrics": len(run.get("metrics") or []),
                         "failure": _failure(run)})
    leakage = record.get("leakage") or {}
    fits = []
    for fit in leakage.get("fits") or []:
        if isinstance(fit, dict):
            fits.append({**{k: fit.get(k) for k in ("estimator", "method", "where", "rows", "test_rows_seen",
                                                     "test_rows", "split", "fit_before_split", "evaluated_after",
                                                     "leak")},
                         "description": f"{fit.get('estimator')}.{fit.get('method')} at {fit.get('where')} saw "
                                        f"{fit.get('test_rows_seen')} of the {fit.get('test_rows')} test rows of "
                                        f"the split at {fit.get('split')}"
                                        + (", which were evaluated afterwards" if fit.get("leak") else "")})
    environment = record.get("environment") or {}
    packages = environment.get("packages") or {}
    key_packages = {name: packages[name] for name in ("torch", "tensorflow", "jax", "scikit-learn", "numpy", "scipy",
                                                      "pandas", "xgboost", "lightgbm", "keras") if name in packages}
    total = sum(run["duration_s"] for run in runs if run["duration_s"] is not None)
    summary = record.get("summary") or {}
    study = record.get("study") or {}
    normal = {
        "source": source,
        "study": study.get("path"),
        "commands": study.get("commands") or [],
        "tool": record.get("tool") or {},
        "settings": record.get("settings") or {},
        "summary": summary,
        "claims": claims,
        "runs": runs,
        "total_runtime_s": round(total, 3) if runs else None,
        "determinism": _determinism(record.get("determinism"), summary),
        "leakage": {"confirmed": leakage.get("confirmed"), "splits": leakage.get("splits"),
                    "fits_checked": leakage.get("fits_checked"), "fits": fits},
        "environment": {k: environment.get(k) for k in ("python", "implementation", "platform", "machine", "cpu",
                                                        "cpu_count", "gpus", "torch", "tensorflow", "device",
                                                        "dlreview")}
                       | {"key_packages": key_packages, "packages": packages},
        "isolation": record.get("isolation") or {},
        "warnings": [],
    }
    normal["counts"] = _counts(summary, claims)
    normal["headline"] = _headline(normal)
    normal["verdict"] = _overall(normal)
    return normal


def _seeds(seeds: dict, metric: str | None) -> dict:
    """The values over seeds. Their 95% interval is clamped to [0, 1] for a proportion, and there is none (nor a
    standard deviation) with fewer than two seeds: a zero-width interval would claim a certainty one run cannot."""
    values = [v for v in seeds.get("values") or [] if _num(v) is not None]
    n = seeds.get("n") if isinstance(seeds.get("n"), int) and not isinstance(seeds.get("n"), bool) else len(values)
    ci = seeds.get("ci95") if isinstance(seeds.get("ci95"), (list, tuple)) else []
    low, high = (_num(ci[0]) if ci else None), (_num(ci[1]) if len(ci) > 1 else None)
    sd = _num(seeds.get("sd"))
    if n < 2:
        low = high = sd = None
    elif is_proportion(metric):
        low = None if low is None else min(max(low, 0.0), 1.0)
        high = None if high is None else min(max(high, 0.0), 1.0)
    return {"n": n, "values": values, "mean": _num(seeds.get("mean")), "sd": sd, "ci95": [low, high],
            "min": _num(seeds.get("min")), "max": _num(seeds.get("max"))}


def _shuffle(shuffle: dict) -> dict:
    """The label-shuffle control. ``applied`` false: no labels were shuffled (no scikit-learn fit, and the code did
    not opt in), so its values say nothing about chance; a record without the key is from before it was written,
    when the control was always applied."""
    applied = shuffle.get("applied") is not False
    near = shuffle.get("near_chance") if applied and isinstance(shuffle.get("near_chance"), bool) else None
    return {"applied": applied, "n": shuffle.get("n"),
            "values": [v for v in shuffle.get("values") or [] if _num(v) is not None],
            "mean": _num(shuffle.get("mean")), "sd": _num(shuffle.get("sd")),
            "chance": _num(shuffle.get("chance")) if applied else None, "near_chance": near,
            "status": ("near chance" if near else "above chance" if near is False else "unknown") if applied
            else SHUFFLE_NOT_APPLIED, "note": shuffle.get("note")}


def _determinism(block, summary: dict) -> dict | None:
    """The determinism check: ``identical`` true, false, or None when it was not checked, with the reason. A run
    pair that recorded no metric was not checked, whatever an older record says (it wrote ``identical: false``)."""
    if not isinstance(block, dict):
        if isinstance(summary.get("deterministic"), bool):
            return {"seed": None, "identical": summary["deterministic"], "compared": None, "differences": [],
                    "note": None, "reason": None}
        return None
    differences = [d for d in block.get("differences") or [] if isinstance(d, dict)]
    compared = block.get("compared")
    identical = block.get("identical") if isinstance(block.get("identical"), bool) else None
    note = block.get("note") if isinstance(block.get("note"), str) else None
    reason = None
    if identical is False and not differences and not compared:
        identical = None
    if identical is None:
        reason = NO_METRIC_RECORDED if not compared and (note is None or "no metric" in note) else (note or
                                                                                                  "unknown")
    return {"seed": block.get("seed"), "identical": identical, "compared": compared, "differences": differences,
            "note": note, "reason": reason}


def _counts(summary: dict, claims: list[dict]) -> dict:
    """How many reported values there are and how each fared: the record's summary, else counted from its claims."""
    counts = {}
    for verdict in ("reproduced", "within_variability", "not_reproduced", "not_computed"):
        value = summary.get(verdict)
        counts[verdict] = value if isinstance(value, int) and not isinstance(value, bool) else \
            sum(1 for c in claims if c["verdict"] == verdict)
    total = summary.get("claims")
    counts["claims"] = total if isinstance(total, int) and not isinstance(total, bool) else len(claims)
    return counts


def _where(claim: dict) -> str | None:
    path = claim.get("path")
    if not path:
        return None
    if claim.get("page"):
        return f"{Path(path).name}, page {claim['page']}"
    if claim.get("line"):
        return f"{Path(path).name}:{claim['line']}"
    return Path(path).name


def _failure(run: dict) -> str | None:
    if run.get("status") == "ok":
        return None
    for command in run.get("commands") or []:
        if isinstance(command, dict) and command.get("status") != "ok":
            tail = (command.get("stderr_tail") or command.get("stdout_tail") or "").strip().splitlines()[-1:]
            return f"{command.get('command')}: {command.get('status')} (exit {command.get('exit_code')})" + \
                (f": {tail[0][:300]}" if tail else "")
    return run.get("status")


def _fmt(value, digits: int = 4) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _describe_claim(item: dict) -> str:
    text = f"{item['label']} reported as {item['reported_text']}: {item['verdict'].replace('_', ' ')}"
    if item["measured"] is not None:
        text += f", measured {_fmt(item['measured'])}"
        if item["difference"] is not None and item["verdict"] != "reproduced":
            text += f" ({item['difference']:+.4f})"
    if item.get("reason"):
        text += f" ({item['reason']})"
    return text


def _headline(normal: dict) -> str:
    summary, counts = normal["summary"], normal["counts"]
    total = counts["claims"]
    good = counts["reproduced"] + counts["within_variability"]
    if total:
        parts = [f"{good} of {total} reported value{'s' if total != 1 else ''} reproduced"]
    else:
        parts = ["no reported values to verify"]
    if counts["within_variability"]:
        parts[-1] += f" ({counts['within_variability']} within the seed variability)"
    if counts["not_reproduced"]:
        parts.append(f"{counts['not_reproduced']} not reproduced")
    if counts["not_computed"]:
        parts.append(f"{counts['not_computed']} not computed")
    if normal["leakage"]["confirmed"]:
        parts.append("leakage confirmed at run time")
    identical = (normal["determinism"] or {}).get("identical")
    if identical is False:
        parts.append("not deterministic")
    elif identical is True:
        parts.append("deterministic")
    if summary.get("failed_runs"):
        parts.append(f"{len(summary['failed_runs'])} failed run(s)")
    return "; ".join(parts)


def _overall(normal: dict) -> str:
    summary, counts = normal["summary"], normal["counts"]
    if summary.get("published_run") not in (None, "ok") or summary.get("failed_runs"):
        return "failed"
    if counts["not_reproduced"] or counts["not_computed"]:
        return "not reproduced"
    if not counts["claims"]:
        return NOTHING_TO_VERIFY
    if normal["leakage"]["confirmed"] or (normal["determinism"] or {}).get("identical") is False:
        return "reproduced with concerns"
    return "reproduced"


def _runtime_items(reproduction: dict) -> list[dict]:
    """What the re-execution adds to the tips: confirmed leaks (Tip 7), nondeterminism and values not reproduced
    (Tip 3), a label-shuffle control far from chance (Tip 7). ``runtime`` says what each is (the DOME export places
    it by that)."""
    items = []

    def add(tip: int, severity: str, title: str, message: str, area: str, runtime: str) -> None:
        items.append({"id": f"R{len(items) + 1}", "rule": "reproduce", "name": "re-execution", "title": title,
                      "tip": tip, "area": area, "severity": severity, "kind": "reproduction",
                      "location": "re-execution", "path": None, "line": None, "cell": None, "page": None,
                      "message": message, "evidence": None, "fix": "", "runtime": runtime})

    for fit in reproduction["leakage"]["fits"]:
        if fit.get("leak"):
            add(7, "error", "Leakage confirmed at run time", fit["description"] + ": the test score is optimistic",
                "data", "leakage")
    determinism = reproduction.get("determinism") or {}
    if determinism.get("identical") is False:
        first = (determinism.get("differences") or [{}])[0]
        add(3, "warning", "Not deterministic", f"two runs with seed {determinism.get('seed')} gave different "
            f"metrics ({len(determinism.get('differences') or [])} values differ; first: {first.get('metric')} at "
            f"{first.get('where')}, {first.get('first')} then {first.get('second')})", "reproducibility",
            "determinism")
    for claim in reproduction["claims"]:
        if claim["verdict"] in ("not_reproduced", "not_computed"):
            add(3, "warning", "Reported value not reproduced" if claim["verdict"] == "not_reproduced"
                else "Reported value not computed by the code", claim["description"], "reproducibility", "value")
        shuffle = claim.get("label_shuffle") or {}
        if shuffle.get("applied") is not False and shuffle.get("near_chance") is False:
            add(7, "warning", "Label-shuffle control above chance",
                f"{claim['label']}: with shuffled labels the model still reaches {_fmt(shuffle.get('mean'), 3)} "
                f"(chance {_fmt(shuffle.get('chance'), 3)}): the evaluation may leak labels", "evaluation",
                "label-shuffle")
    return items


# ------------------------------------------------------------------------------------------------ summary
def _verdict(counts: dict[str, int], serious: bool = False) -> str:
    if serious or counts.get("error"):
        return "serious issues"
    if counts.get("warning"):
        return "issues to address"
    if counts.get("info"):
        return "minor issues"
    return "no issues found"


def _summary(findings: list[dict], runtime: list[dict], reproduction: dict | None, assessed: bool) -> dict:
    counts = {severity: sum(1 for f in findings if f["severity"] == severity) for severity in SEVERITIES}
    areas = []
    for key, title in AREAS.items():
        mine = [f for f in findings + runtime if f["area"] == key]
        if key == "design" and not mine:
            continue
        area_counts = {s: sum(1 for f in mine if f["severity"] == s) for s in SEVERITIES}
        verdict = _verdict(area_counts) if assessed or mine else "not assessed"
        top = sorted({f["title"] for f in mine if f["severity"] != "info"},
                     key=lambda t: (min(SEVERITIES.index(f["severity"]) for f in mine if f["title"] == t), t))[:2]
        areas.append({"area": key, "title": title, "verdict": verdict, "counts": area_counts,
                      "detail": "; ".join(top) if top else ""})
    if reproduction is not None:
        detail = reproduction["headline"]
        if reproduction.get("warnings"):
            detail = "; ".join(reproduction["warnings"]) + ". " + detail
        areas.append({"area": "reexecution", "title": "Re-execution", "verdict": reproduction["verdict"],
                      "counts": None, "detail": detail})
    else:
        areas.append({"area": "reexecution", "title": "Re-execution", "verdict": "not re-executed", "counts": None,
                      "detail": "The study was not re-executed for this report."})
    return {"findings": counts, "total": len(findings), "areas": areas,
            "reproduced": None if reproduction is None else {
                "verdict": reproduction["verdict"], "headline": reproduction["headline"],
                "warnings": reproduction.get("warnings") or [], **reproduction["counts"]}}


# ------------------------------------------------------------------------------------------------ assembly
def _rules_checked(specs: dict, settings, code: bool, manuscript: bool) -> dict[int, list[dict]]:
    from dlreview.manuscript import manuscript_rules

    on_manuscripts = manuscript_rules()
    enabled = set(settings.enabled(specs))
    by_tip: dict[int, list[dict]] = {}
    for spec in specs.values():
        if spec.id not in enabled or not spec.tip:
            continue
        is_manuscript = spec.id in on_manuscripts
        needs = (code and manuscript) if spec.id.startswith("DLR8") else (manuscript if is_manuscript else code)
        if needs:
            by_tip.setdefault(spec.tip, []).append({"rule": spec.id, "title": spec.title})
    return by_tip


def shuffled(claim: dict) -> bool:
    """Whether a claim has a label-shuffle control that was applied and measured (Figure 3 shows those)."""
    shuffle = claim.get("label_shuffle") or {}
    return shuffle.get("applied") is not False and shuffle.get("mean") is not None


def _figures(reproduction: dict | None) -> list[dict]:
    if not reproduction or not reproduction["claims"]:
        return []
    figures = []
    claims = reproduction["claims"]
    if any(c["reported"] is not None and (c["measured"] is not None or c["seeds"]) for c in claims):
        figures.append({"id": "fig-reported-vs-reproduced", "kind": "reported_vs_reproduced",
                        "title": "Reported and reproduced values",
                        "caption": "Each reported value (open diamond) beside the value of the published run "
                                   "(filled circle) and the mean over seeds with its 95% interval (bar)."})
    if any(c["seeds"] and c["seeds"]["values"] for c in claims):
        figures.append({"id": "fig-seeds", "kind": "seed_distribution", "title": "Distribution over seeds",
                        "caption": "Every seed's value (dots), their mean (line), and the reported value "
                                   "(open diamond)."})
    if any(shuffled(c) for c in claims):
        figures.append({"id": "fig-label-shuffle", "kind": "label_shuffle", "title": "Real and shuffled labels",
                        "caption": "Performance with the real labels beside the mean over label permutations "
                                   "(with its standard deviation), and the chance level (dashed)."})
    return figures


def _groups(findings: list[dict]) -> list[dict]:
    """Findings of one rule together (most severe rule first), so that its advice is given once."""
    groups: dict[str, dict] = {}
    for finding in findings:
        key = finding["rule"] if finding["rule"] != "reproduce" else f"reproduce:{finding['title']}"
        group = groups.setdefault(key, {"rule": finding["rule"], "title": finding["title"], "fix": finding["fix"],
                                        "severity": finding["severity"], "ids": []})
        group["ids"].append(finding["id"])
        if SEVERITIES.index(finding["severity"]) < SEVERITIES.index(group["severity"]):
            group["severity"] = finding["severity"]
    return sorted(groups.values(), key=lambda g: (SEVERITIES.index(g["severity"]), g["rule"]))


def _unread_manuscripts(result: CheckResult, paths: list[Path], manuscripts: list[Path],
                        places: Places) -> list[dict]:
    """The manuscripts given that could not be read, with the reason (from the check's errors)."""
    from dlreview.engine import display_path, is_manuscript

    given = {display_path(path) for path in [*manuscripts, *(p for p in paths if is_manuscript(p))]}
    return [{"path": places.path(error.path), "reason": places.text(error.reason)} for error in result.errors
            if error.path in given]


def _folder_name(path: Path) -> str:
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return path.name
    return (resolved if resolved.is_dir() or not resolved.exists() else resolved.parent).name


def _localised(reproduction: dict, audited: Path, places: Places) -> dict:
    """The normalised record as this report shows it: its paths relative or by name, and a warning when it is of a
    study in another folder than the one audited (a record given with --reproduce-record may be of another study)."""
    shown = copy.deepcopy(reproduction)
    recorded = reproduction.get("study")
    places.foreign(recorded if isinstance(recorded, str) else None)
    warnings = list(shown.get("warnings") or [])
    if isinstance(recorded, str) and recorded.strip():
        name = _folder_name(Path(recorded))   # "." or "../study" as the record of a run here names it
        audited_name = _folder_name(audited)
        if name and audited_name and name != audited_name:
            warnings.append(f"The record is of the study in a folder named \u201c{name}\u201d, not \u201c"
                            f"{audited_name}\u201d: its values may be of another study")
    shown["warnings"] = warnings
    shown["study"] = places.path(recorded) if isinstance(recorded, str) else recorded
    shown["source"] = places.text(shown.get("source"))
    shown["commands"] = [places.text(command) for command in shown.get("commands") or []]
    for run in shown["runs"]:
        run["failure"] = places.text(run.get("failure"))
    for fit in shown["leakage"]["fits"]:
        for key in ("where", "split", "description"):
            fit[key] = places.text(fit.get(key))
    for claim in shown["claims"]:
        for key in ("reason", "description", "measured_from"):
            claim[key] = places.text(claim.get(key))
    if shown.get("determinism"):
        for difference in shown["determinism"]["differences"]:
            difference["where"] = places.text(difference.get("where"))
        for key in ("note", "reason"):
            shown["determinism"][key] = places.text(shown["determinism"].get(key))
    isolation = shown.get("isolation") or {}
    if isinstance(isolation.get("notes"), list):
        isolation["notes"] = [places.text(note) for note in isolation["notes"]]
    shown["headline"] = places.text(shown.get("headline"))
    return shown


def assemble(result: CheckResult, paths: list[Path], settings, *, manuscripts: list[Path] = (),
             reproduction: dict | None = None, projects: list | None = None,
             now: datetime.datetime | None = None) -> dict:
    """The report for a check result (``check_paths`` with the manuscripts) and, optionally, a normalised
    reproduction record (``normalise_record``)."""
    from dlreview.report.dome import dome_export
    from dlreview.report.ethics import ethics_section
    from dlreview.report.provenance import provenance, seal

    specs = load_specs()
    roots = allowed_roots([*paths, *manuscripts])
    places = Places([*paths, *manuscripts])
    audited = paths[0] if paths else Path(".")
    if reproduction is not None:
        reproduction = _localised(reproduction, audited, places)
    manuscript_paths = {path for review in result.manuscripts for path in review.to_dict()["files"]}
    reviews = [_manuscript(review, places) for review in result.manuscripts]
    findings = [_finding(number, finding, specs, manuscript_paths, roots, places)
                for number, finding in enumerate(result.findings, start=1)]
    runtime = _runtime_items(reproduction) if reproduction else []
    code_checked = result.files > len(result.manuscripts)
    checked = _rules_checked(specs, settings, code_checked, bool(result.manuscripts))
    tips = []
    for number, title in TIPS.items():
        mine = [f for f in findings if f["tip"] == number] + [f for f in runtime if f["tip"] == number]
        tips.append({"number": number, "title": title, "findings": mine, "groups": _groups(mine),
                     "rules_checked": checked.get(number, []),
                     "counts": {s: sum(1 for f in mine if f["severity"] == s) for s in SEVERITIES}})
    other = [f for f in findings if f["tip"] not in TIPS]
    claims = [claim for m in reviews for claim in m.get("claims", [])]
    unread = _unread_manuscripts(result, list(paths), list(manuscripts), places)
    report = {
        "schema": SCHEMA,
        "title": "Reproducibility and ethics report",
        "subject": {"paths": [places.path(p.as_posix()) for p in paths],
                    "manuscripts": [m["path"] for m in reviews],
                    "manuscripts_unread": unread,
                    "manuscript_title": next((m["title"] for m in reviews if m.get("title")), None),
                    "files_checked": result.files},
        "provenance": provenance(audited, now, shown=places.path(audited.as_posix())),
        "reference": PAPER,
        "summary": _summary(findings, runtime, reproduction, assessed=result.files > 0),
        "tips": tips,
        "other_findings": other,
        "manuscripts": reviews,
        "claims": claims,
        "reproduction": reproduction,
        "ethics": None,
        "figures": _figures(reproduction),
        "errors": [{"location": _shown_location(e.location(), e.path, places), "reason": places.text(e.reason)}
                   for e in result.errors],
        "dome": None,
    }
    report["ethics"] = ethics_section(projects or [], reviews, findings, claims, reproduction)
    report["dome"] = dome_export(report)
    return seal(report)
