"""Findings as text (for people), JSON (for scripts) and SARIF 2.1.0 (for code-scanning services)."""

from __future__ import annotations

import json

import dlreview
from dlreview.engine import CheckResult
from dlreview.findings import Finding

FORMATS = ("text", "json", "sarif")


def location(finding: Finding) -> str:
    """``path:line:col``, or ``path:cell N:line:col`` in a notebook, the convention ruff uses; a repository-level
    finding reads ``folder/``."""
    if finding.is_repository_level:
        return finding.path.rstrip("/") + "/"
    if finding.cell is not None:
        return f"{finding.path}:cell {finding.cell}:{finding.line}:{finding.column}"
    return f"{finding.path}:{finding.line}:{finding.column}"


def render_text(result: CheckResult) -> str:
    lines = [f"{location(f)}: {f.rule} [{f.severity.value}] {f.message}" for f in result.findings]
    count = len(result.findings)
    noun = "finding" if count == 1 else "findings"
    files = len({f.path for f in result.findings})
    summary = (f"Found {count} {noun} in {files} file{'s' if files != 1 else ''} "
               f"({result.files} file{'s' if result.files != 1 else ''} checked)." if count
               else f"No findings ({result.files} file{'s' if result.files != 1 else ''} checked).")
    if result.errors:
        summary += f" {len(result.errors)} could not be analysed (see errors)."
    return "\n".join([*lines, summary]) + "\n"


def render_json(result: CheckResult) -> str:
    document = {
        "tool": {"name": "dlreview", "version": dlreview.__version__},
        "files_checked": result.files,
        "findings": [_json_finding(f) for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
    }
    return json.dumps(document, indent=2) + "\n"


def _json_finding(finding: Finding) -> dict:
    data = finding.to_dict()
    data["scope"] = "repository" if finding.is_repository_level else "file"
    if finding.is_repository_level:
        for key in ("line", "column", "end_line", "end_column"):
            data[key] = None
    return data


def render(result: CheckResult, fmt: str) -> str:
    if fmt == "text":
        return render_text(result)
    if fmt == "json":
        return render_json(result)
    from dlreview.output.sarif import render_sarif

    return render_sarif(result)
