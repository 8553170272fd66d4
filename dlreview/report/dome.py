"""The DOME recommendations' fields (Data, Optimisation, Model, Evaluation; Walsh et al., Nature Methods 18:1122,
2021) filled from what the review found.

A field the tool found is ``reported`` with its evidence; one it did not find is ``not detected``, never "absent":
the manuscript may say it in words the checklist does not recognise. ``concerns`` lists the review's findings that
bear on the field.

Where a checklist item goes is the checklist's word (``Item.dome`` in ``dlreview.manuscript.checklist``): this module
only says which field of that area it fills. Findings of the re-execution go where the item they test goes.
"""

from __future__ import annotations

REFERENCE = ("Walsh I, Fishman D, Garcia-Gasulla D, et al. DOME: recommendations for supervised machine learning "
             "validation in biology. Nat Methods 18, 1122-1127 (2021)")
NOT_DETECTED = "not detected"

# area -> field -> (code and paper-code rules whose findings bear on it, what the field asks). The checklist items
# that report a field, and their DLR6xx rules, are not listed here: they come from the checklist (``ITEM_FIELDS``).
FIELDS = {
    "data": {
        "provenance": (("DLR208",), "source of the data, number of data points, version"),
        "dataset_splits": ((), "how the data were split, and the size of each part"),
        "redundancy_between_splits": (("DLR101", "DLR102", "DLR103", "DLR104", "DLR105", "DLR106", "DLR107",
                                       "DLR108", "DLR109", "DLR110", "DLR804"),
                                      ("independence of training and test data, preprocessing fit on the "
                                       "training data only")),
        "availability": ((), "whether and where the data are available"),
    },
    "optimisation": {
        "algorithm": ((), "the learning algorithm"),
        "data_encoding": ((), "how the data were encoded and preprocessed"),
        "parameters": (("DLR206", "DLR302", "DLR303", "DLR805"),
                       "the hyperparameters of the model and the baselines, and how they were chosen"),
        "fitting": (("DLR402",), "how over- and underfitting were ruled out"),
        "configuration_availability": (("DLR201", "DLR202", "DLR203", "DLR204", "DLR205", "DLR207", "DLR801"),
                                       "seeds, software and hardware needed to repeat the training"),
    },
    "model": {
        "baseline": (("DLR301", "DLR802"), "a traditional baseline beside the model"),
        "interpretability": (("DLR701",), "whether and how the model is interpreted"),
        "output": ((), "classification or regression"),
        "execution_time": ((), "how long training and evaluation take"),
        "software_availability": (("DLR502",), "where the code and model are"),
    },
    "evaluation": {
        "evaluation_method": ((), "how the model was evaluated (hold-out, cross-validation, external data)"),
        "performance_measures": (("DLR401", "DLR803"), "the metrics reported"),
        "comparison": (("DLR403",), "the controls the performance is compared with (label shuffle, chance)"),
        "confidence": ((), "confidence intervals or spread of the performance"),
        "evaluation_availability": ((), "whether the evaluation can be repeated"),
    },
}

# checklist item -> the field it reports, within the DOME area the checklist gives it (``Item.dome``, the one
# source of where an item goes). An item the checklist files under Reporting, which is not a DOME area, fills the
# availability field DOME asks for in the area it concerns.
ITEM_FIELDS = {
    "data-source": "provenance", "data-version": "provenance", "split-sizes": "dataset_splits",
    "split-method": "dataset_splits", "split-independence": "redundancy_between_splits",
    "preprocessing-on-train": "redundancy_between_splits", "baseline": "baseline", "baseline-tuning": "parameters",
    "hyperparameters": "parameters", "hyperparameter-search": "parameters", "seeds": "configuration_availability",
    "environment": "configuration_availability", "metrics": "performance_measures", "uncertainty": "confidence",
    "negative-control": "comparison", "external-validation": "evaluation_method",
    "interpretability": "interpretability",
}
REPORTING_FIELDS = {"code-availability": ("model", "software_availability"), "data-availability": ("data",
                                                                                                    "availability")}

# What re-execution finds (findings of rule "reproduce", by their ``runtime`` kind) goes where the checklist item it
# tests goes: a leak confirmed at run time with the independence of the splits, nondeterminism with the seeds, the
# label-shuffle control with the negative control. A value not reproduced bears on repeating the evaluation.
RUNTIME_ITEMS = {"leakage": "split-independence", "determinism": "seeds", "label-shuffle": "negative-control"}
RUNTIME_FIELDS = {"value": ("evaluation", "evaluation_availability")}


def field_of(item) -> tuple[str, str] | None:
    """The (area, field) a checklist item (``checklist.Item``) reports, or None for one outside DOME's fields
    (ethics approval, consent, limitations)."""
    area = item.dome.lower()
    if area in FIELDS:
        name = ITEM_FIELDS.get(item.key)
        return (area, name) if name in FIELDS[area] else None
    return REPORTING_FIELDS.get(item.key)


def placements() -> dict[tuple[str, str], list]:
    """(area, field) -> the checklist items that report it, in checklist order."""
    from dlreview.manuscript.checklist import ITEMS

    placed: dict[tuple[str, str], list] = {}
    for item in ITEMS:
        where = field_of(item)
        if where is not None:
            placed.setdefault(where, []).append(item)
    return placed


def runtime_field(kind: str | None) -> tuple[str, str] | None:
    """The (area, field) a re-execution finding of this ``runtime`` kind bears on."""
    from dlreview.manuscript.checklist import ITEMS

    if kind in RUNTIME_ITEMS:
        return next((field_of(item) for item in ITEMS if item.key == RUNTIME_ITEMS[kind]), None)
    return RUNTIME_FIELDS.get(kind)


_REGRESSION = {"r2", "rmse", "mae", "mse", "pearson_r", "spearman_r"}


def _statuses(reviews: list[dict]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for review in reviews:
        for status in review.get("checklist", []):
            current = found.get(status["item"])
            if current is None or (current["status"] != "found" and status["status"] == "found"):
                found[status["item"]] = {**status, "manuscript": review["path"]}
    return found


def dome_export(report: dict) -> dict:
    """The DOME fields of a report."""
    reviews = report.get("manuscripts", [])
    statuses = _statuses(reviews)
    findings = [f for tip in report.get("tips", []) for f in tip.get("findings", [])]
    reproduction = report.get("reproduction")
    placed = placements()
    sections: dict[str, dict] = {}
    for area, fields in FIELDS.items():
        sections[area] = {}
        for name, (rules, asks) in fields.items():
            items = placed.get((area, name), [])
            evidence = []
            reported_items = 0
            applicable = 0
            for item in items:
                status = statuses.get(item.key)
                if status is None or status["status"] == "not_applicable":
                    continue
                applicable += 1
                if status["status"] == "found" and status.get("evidence"):
                    reported_items += 1
                    ev = status["evidence"]
                    evidence.append({"source": "manuscript", "item": item.key, "text": ev.get("text"),
                                     "path": ev.get("path"), "line": ev.get("line"), "page": ev.get("page")})
            bearing = set(rules) | {item.rule for item in items}
            concerns = [_concern(f) for f in findings if f["rule"] in bearing
                        or (f["rule"] == "reproduce" and runtime_field(f.get("runtime")) == (area, name))]
            entry = {"asks": asks, "status": NOT_DETECTED, "evidence": evidence, "concerns": concerns}
            if applicable and reported_items == applicable:
                entry["status"] = "reported"
            elif reported_items:
                entry["status"] = "reported in part"
            elif items and not applicable and any(statuses.get(i.key, {}).get("status") == "not_applicable"
                                                  for i in items):
                entry["status"] = "not applicable"
            sections[area][name] = entry
    _from_code_and_runs(sections, report, reproduction)
    return {"recommendations": "DOME", "reference": REFERENCE,
            "subject": report.get("subject", {}),
            "legend": {"reported": "the manuscript reports it (evidence quoted)",
                       "reported in part": "some of what the field asks is reported",
                       "not detected": "dlreview did not find it; it may be there in words it does not recognise",
                       "not applicable": "the review found it does not apply (e.g. no data from people)"},
            **sections}


def _concern(finding: dict) -> dict:
    concern = {"id": finding["id"], "rule": finding["rule"], "severity": finding["severity"],
               "message": finding["message"]}
    if finding["rule"] == "reproduce":
        concern["title"] = finding["title"]
    return concern


def dome_document(report: dict) -> dict:
    """The DOME export as written beside the report: its fields, with the report it comes from."""
    provenance = report["provenance"]
    return {**report["dome"], "generated_by": {"tool": provenance["tool"], "version": provenance["version"],
                                               "date": provenance["date"],
                                               "report_sha256": provenance["content_sha256"]}}


def _from_code_and_runs(sections: dict, report: dict, reproduction: dict | None) -> None:
    """Fields the manuscript checklist does not cover, filled from the claimed metrics and the re-execution."""
    metrics = sorted({c["metric"] for c in report.get("claims", []) if c.get("metric")})
    output = sections["model"]["output"]
    if metrics:
        kind = "regression" if set(metrics) <= _REGRESSION else "classification"
        output.update(status="reported", evidence=[{"source": "manuscript", "text": f"{kind} (metrics reported: "
                                                                                    f"{', '.join(metrics)})"}])
    if reproduction:
        runs = reproduction.get("runs", [])
        total = reproduction.get("total_runtime_s")
        if runs and total is not None:
            published = next((r for r in runs if r.get("id") == "published"), None)
            text = f"re-execution: {len(runs)} runs, {total:.1f} s in all"
            if published and published.get("duration_s") is not None:
                text += f"; the published run took {published['duration_s']:.1f} s"
            sections["model"]["execution_time"].update(status="measured", evidence=[{"source": "reproduction",
                                                                                     "text": text}])
        field = sections["evaluation"]["evaluation_availability"]
        field["status"] = "re-executed"
        field["evidence"].append({"source": "reproduction", "text": reproduction.get("headline", "")})
        identical = (reproduction.get("determinism") or {}).get("identical")
        if identical is not None:
            area, name = runtime_field("determinism")
            sections[area][name]["evidence"].append(
                {"source": "reproduction", "text": "the same seed twice gave "
                 + ("identical metrics" if identical else "different metrics")})
        area, name = runtime_field("label-shuffle")
        control = sections[area][name]
        for entry in reproduction.get("claims", []):
            shuffle = entry.get("label_shuffle")
            if shuffle and shuffle.get("applied") is not False and shuffle.get("mean") is not None:
                control["evidence"].append(
                    {"source": "reproduction", "text": f"{entry.get('label')}: with shuffled labels "
                     f"{shuffle['mean']:.3f} (chance {_fmt(shuffle.get('chance'))})"})
        if control["evidence"] and control["status"] == NOT_DETECTED:
            control["status"] = "measured by re-execution"


def _fmt(value) -> str:
    return "unknown" if value is None else f"{value:.3f}"
