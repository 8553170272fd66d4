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
    if finding.is_document_level:
        return finding.path
    if finding.page is not None:
        return f"{finding.path}:page {finding.page}:{finding.line}"
    if finding.cell is not None:
        return f"{finding.path}:cell {finding.cell}:{finding.line}:{finding.column}"
    return f"{finding.path}:{finding.line}:{finding.column}"


def render_text(result: CheckResult) -> str:
    lines = []
    for finding in result.findings:
        lines.append(f"{location(finding)}: {finding.rule} [{finding.severity.value}] {finding.message}")
        if finding.evidence:
            lines.append(f"    > {_quote(finding.evidence)}")
    count = len(result.findings)
    noun = "finding" if count == 1 else "findings"
    files = len({f.path for f in result.findings})
    summary = (f"Found {count} {noun} in {files} file{'s' if files != 1 else ''} "
               f"({result.files} file{'s' if result.files != 1 else ''} checked)." if count
               else f"No findings ({result.files} file{'s' if result.files != 1 else ''} checked).")
    if result.errors:
        summary += f" {len(result.errors)} could not be analysed (see errors)."
    return "\n".join([*lines, summary]) + "\n"


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def render_json(result: CheckResult) -> str:
    document = {
        "tool": {"name": "dlreview", "version": dlreview.__version__},
        "files_checked": result.files,
        "findings": [_json_finding(f) for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
    }
    if result.manuscripts:
        document["manuscripts"] = [review.to_dict() for review in result.manuscripts]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _json_finding(finding: Finding) -> dict:
    data = finding.to_dict()
    if finding.scope != "file":
        for key in ("line", "column", "end_line", "end_column"):
            data[key] = None
    for key in ("page", "evidence"):
        if data[key] is None:
            del data[key]
    return data


def render(result: CheckResult, fmt: str) -> str:
    if fmt == "text":
        return render_text(result)
    if fmt == "json":
        return render_json(result)
    from dlreview.output.sarif import render_sarif

    return render_sarif(result)
