"""SARIF 2.1.0, the format GitHub code scanning reads (validated against the OASIS schema in the tests)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import dlreview
from dlreview.engine import CheckResult
from dlreview.findings import Severity
from dlreview.rulespec import TIPS, load_specs

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    return quote(Path(path).as_posix())


def render_sarif(result: CheckResult) -> str:
    specs = load_specs()
    rule_ids = sorted(specs)
    index = {rule: i for i, rule in enumerate(rule_ids)}
    rules = []
    for rule in rule_ids:
        spec = specs[rule]
        rules.append({
            "id": spec.id,
            "name": spec.name,
            "shortDescription": {"text": spec.title},
            "fullDescription": {"text": spec.summary.strip()},
            "help": {"text": spec.render(), "markdown": spec.render()},
            "defaultConfiguration": {"level": LEVELS[spec.severity]},
            "properties": {
                "tip": spec.tip,
                "tags": ["reproducibility", "machine-learning"] + ([f"tip-{spec.tip}"] if spec.tip else []),
                "tipTitle": TIPS.get(spec.tip, "the tip of the rule it concerns"),
            },
        })
    results = []
    for finding in result.findings:
        message = finding.message
        if finding.cell is not None:
            message = f"cell {finding.cell}, line {finding.line}: {message}"
        if finding.page is not None:
            message = f"page {finding.page}, line {finding.line}: {message}"
        if finding.evidence:
            message = f"{message} (\"{finding.evidence}\")"
        if finding.is_repository_level:
            # about the project folder as a whole: an artifact with no region
            physical = {"artifactLocation": {"uri": _uri(finding.path).rstrip("/") + "/", "uriBaseId": "%SRCROOT%"}}
        elif finding.is_document_level or finding.page is not None:
            # about a manuscript as a whole, or a place in a PDF (SARIF regions count text lines, not pages)
            physical = {"artifactLocation": {"uri": _uri(finding.path), "uriBaseId": "%SRCROOT%"}}
        else:
            physical = {
                "artifactLocation": {"uri": _uri(finding.path), "uriBaseId": "%SRCROOT%"},
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": max(finding.end_line, finding.line),
                    "endColumn": max(finding.end_column, 1),
                },
            }
        entry = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": message},
            "locations": [{"physicalLocation": physical}],
            "properties": {"tip": finding.tip, "severity": finding.severity.value, "scope": finding.scope},
        }
        if finding.cell is not None:
            entry["properties"]["cell"] = finding.cell
        if finding.page is not None:
            entry["properties"]["page"] = finding.page
            entry["properties"]["line"] = finding.line
        results.append(entry)
    notifications = [{
        "level": "error",
        "message": {"text": error.reason},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path), "uriBaseId": "%SRCROOT%"}}}],
    } for error in result.errors]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "dlreview", "version": dlreview.__version__, "rules": rules}},
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    return json.dumps(document, indent=2) + "\n"
