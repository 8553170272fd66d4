"""Manuscript review: what a paper reports, checked against the tips (DLR6xx reporting checklist, DLR7xx
over-interpretation), its claimed metric values extracted, and its claims checked against the code (DLR8xx, in
``dlreview.manuscript.crosscheck``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dlreview.findings import Finding
from dlreview.manuscript.causal import causal_sentences
from dlreview.manuscript.checklist import ITEMS, MISSING, Status, evaluate
from dlreview.manuscript.claims import Claim, extract_claims
from dlreview.manuscript.document import MANUSCRIPT_SUFFIXES, Document, ManuscriptError, Sentence, read_document

__all__ = [
    "MANUSCRIPT_SUFFIXES",
    "Claim",
    "Document",
    "ManuscriptError",
    "ManuscriptReview",
    "extract_claims",
    "manuscript_rules",
    "read_document",
    "review",
]

CAUSAL_RULE = "DLR701"


@dataclass
class ManuscriptReview:
    """Everything the review of one manuscript gives."""

    path: str                         # as shown in findings
    document: Document
    checklist: list[Status]
    claims: list[Claim]
    causal: list[tuple[Sentence, str]]
    findings: list[Finding] = field(default_factory=list)
    cross_checked: bool = False       # whether the paper-code checks ran (code was given too)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "format": self.document.format,
            "pages": self.document.pages or None,
            "files": [self.path] + [p.as_posix() for p in self.document.files[1:]],
            "checklist": [status.to_dict() for status in self.checklist],
            "claims": [claim.to_dict() for claim in self.claims],
            "cross_checked": self.cross_checked,
        }


def manuscript_rules() -> set[str]:
    """The ids of the rules implemented here (checklist items, causal language, paper-code checks)."""
    from dlreview.manuscript.crosscheck import CROSS_CHECKS

    return {item.rule for item in ITEMS} | {CAUSAL_RULE} | set(CROSS_CHECKS)


def review(path: Path, display: str) -> ManuscriptReview:
    """Read and review one manuscript (raises ManuscriptError when it cannot be read)."""
    from dlreview.rulespec import load_specs

    specs = load_specs()
    document = read_document(path, display)
    statuses = evaluate(document)
    result = ManuscriptReview(path=display, document=document, checklist=statuses, claims=extract_claims(document),
                              causal=causal_sentences(document))
    for status in statuses:
        spec = specs.get(status.item.rule)   # every rule has its file (tests/test_rule_examples.py)
        if status.status != "missing" or spec is None:
            continue
        message = MISSING[status.item.key]
        if status.reason:
            message = f"{message}: {status.reason}"
        if status.evidence is not None:   # missing in part: the sentence that makes the item apply
            result.findings.append(sentence_finding(status.item.rule, spec, message, status.evidence, display))
        else:
            result.findings.append(Finding(path=display, line=0, column=0, rule=spec.id, message=message,
                                           severity=spec.severity, tip=spec.tip, end_line=0, end_column=0,
                                           scope="document"))
    spec = specs.get(CAUSAL_RULE)
    for sentence, phrase in result.causal if spec is not None else ():
        result.findings.append(sentence_finding(
            CAUSAL_RULE, spec, f"causal language (\"{phrase}\") drawn from predictive results: a model's predictions, "
                               f"feature importances or attention show association, not cause; say \"is associated "
                               f"with\" or \"is predictive of\", or test the mechanism experimentally",
            sentence, display))
    return result


def sentence_finding(rule: str, spec, message: str, sentence: Sentence, display: str) -> Finding:
    place = sentence.place
    return Finding(path=place.path if place.path else display, line=place.line, column=place.column, rule=rule,
                   message=message, severity=spec.severity, tip=spec.tip, end_line=place.line,
                   end_column=place.column, page=place.page, evidence=sentence.text)
