"""The DOME recommendations' fields (Data, Optimisation, Model, Evaluation; Walsh et al., Nature Methods 18:1122,
2021) filled from what the review found.

A field the tool found is ``reported`` with its evidence; one it did not find is ``not detected``, never "absent":
the manuscript may say it in words the checklist does not recognise. ``concerns`` lists the review's findings that
bear on the field.
"""

from __future__ import annotations

REFERENCE = ("Walsh I, Fishman D, Garcia-Gasulla D, et al. DOME: recommendations for supervised machine learning "
             "validation in biology. Nat Methods 18, 1122-1127 (2021)")
NOT_DETECTED = "not detected"

# field -> (checklist items that report it, rules whose findings bear on it, what the field asks)
FIELDS = {
    "data": {
        "provenance": (("data-source", "data-version"), ("DLR208", "DLR602"),
                       "source of the data, number of data points, version"),
        "dataset_splits": (("split-sizes", "split-method"), ("DLR603", "DLR604"),
                           "how the data were split, and the size of each part"),
        "redundancy_between_splits": (("split-independence",),
                                      ("DLR101", "DLR102", "DLR103", "DLR104", "DLR105", "DLR106", "DLR107",
                                       "DLR108", "DLR109", "DLR110", "DLR605", "DLR804", "runtime-leakage"),
                                      "independence of training and test data"),
        "availability": (("data-availability",), ("DLR619",), "whether and where the data are available"),
    },
    "optimisation": {
        "algorithm": (("baseline",), ("DLR301", "DLR607", "DLR802"), "the learning algorithm and its baselines"),
        "data_encoding": (("preprocessing-on-train",), ("DLR606",), "how the data were encoded and preprocessed"),
        "parameters": (("hyperparameters", "hyperparameter-search", "baseline-tuning"),
                       ("DLR206", "DLR302", "DLR303", "DLR608", "DLR609", "DLR610", "DLR805"),
                       "the hyperparameters, and how they were chosen"),
        "fitting": (("negative-control",), ("DLR402", "DLR403", "DLR615", "label-shuffle"),
                    "how over- and underfitting were ruled out"),
        "configuration_availability": (("seeds", "environment"),
                                       ("DLR201", "DLR202", "DLR203", "DLR204", "DLR205", "DLR207", "DLR611",
                                        "DLR612", "DLR801", "determinism"),
                                       "seeds, software and hardware needed to repeat the training"),
    },
    "model": {
        "interpretability": (("interpretability",), ("DLR617", "DLR701"),
                             "whether and how the model is interpreted"),
        "output": ((), (), "classification or regression"),
        "execution_time": ((), (), "how long training and evaluation take"),
        "software_availability": (("code-availability",), ("DLR618", "DLR502"), "where the code and model are"),
    },
    "evaluation": {
        "evaluation_method": (("split-method", "external-validation"), ("DLR616",),
                              "how the model was evaluated (hold-out, cross-validation, external data)"),
        "performance_measures": (("metrics",), ("DLR401", "DLR613", "DLR803"), "the metrics reported"),
        "comparison": (("baseline", "baseline-tuning"), ("DLR301", "DLR302", "DLR607", "DLR608", "DLR802"),
                       "the baselines compared with"),
        "confidence": (("uncertainty",), ("DLR614",), "confidence intervals or spread of the performance"),
        "evaluation_availability": ((), ("not-reproduced",), "whether the evaluation can be repeated"),
    },
}

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
    sections: dict[str, dict] = {}
    for area, fields in FIELDS.items():
        sections[area] = {}
        for name, (items, rules, asks) in fields.items():
            evidence = []
            reported_items = 0
            applicable = 0
            for item in items:
                status = statuses.get(item)
                if status is None or status["status"] == "not_applicable":
                    continue
                applicable += 1
                if status["status"] == "found" and status.get("evidence"):
                    reported_items += 1
                    ev = status["evidence"]
                    evidence.append({"source": "manuscript", "item": item, "text": ev.get("text"),
                                     "path": ev.get("path"), "line": ev.get("line"), "page": ev.get("page")})
            concerns = [{"id": f["id"], "rule": f["rule"], "severity": f["severity"], "message": f["message"]}
                        for f in findings if f["rule"] in rules]
            entry = {"asks": asks, "status": NOT_DETECTED, "evidence": evidence, "concerns": concerns}
            if applicable and reported_items == applicable:
                entry["status"] = "reported"
            elif reported_items:
                entry["status"] = "reported in part"
            elif items and not applicable and any(statuses.get(i, {}).get("status") == "not_applicable"
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
        summary = reproduction.get("summary") or {}
        field = sections["evaluation"]["evaluation_availability"]
        field["status"] = "re-executed"
        field["evidence"].append({"source": "reproduction", "text": reproduction.get("headline", "")})
        for entry in reproduction.get("claims", []):
            if entry.get("verdict") in ("not_reproduced", "not_computed"):
                field["concerns"].append({"id": None, "rule": "not-reproduced", "severity": "warning",
                                          "message": entry.get("description", "")})
        if summary.get("deterministic") is not None:
            sections["optimisation"]["configuration_availability"]["evidence"].append(
                {"source": "reproduction", "text": "the same seed twice gave "
                 + ("identical metrics" if summary["deterministic"] else "different metrics")})
        leakage = reproduction.get("leakage") or {}
        for fit in leakage.get("fits", []):
            if fit.get("leak"):
                sections["data"]["redundancy_between_splits"]["concerns"].append(
                    {"id": None, "rule": "runtime-leakage", "severity": "error", "message": fit.get("description")})
        for entry in reproduction.get("claims", []):
            shuffle = entry.get("label_shuffle")
            if shuffle and shuffle.get("mean") is not None:
                sections["optimisation"]["fitting"]["evidence"].append(
                    {"source": "reproduction", "text": f"{entry.get('label')}: with shuffled labels "
                     f"{shuffle['mean']:.3f} (chance {_fmt(shuffle.get('chance'))})"})
        if sections["optimisation"]["fitting"]["evidence"] and \
                sections["optimisation"]["fitting"]["status"] == NOT_DETECTED:
            sections["optimisation"]["fitting"]["status"] = "measured by re-execution"


def _fmt(value) -> str:
    return "unknown" if value is None else f"{value:.3f}"
