"""Tip 10 in the report: human data, identifiers, model card, ethics register, the privacy risk of shared weights,
and the questions the authors must answer. A model card draft is written from what the review learned when the
project has none."""

from __future__ import annotations

from dlreview.checks import libraries as lib
from dlreview.checks.ethics import human_evidence  # the same evidence DLR503 uses
from dlreview.model.interpreter import is_personal_identifier
from dlreview.project import Project

ETHICS_RULES = ("DLR501", "DLR502", "DLR503", "DLR620", "DLR621", "DLR622")


def _identifiers(project: Project) -> list[dict]:
    found: dict[str, str] = {}
    for rel, source in sorted(project.files.items()):
        for column in source.facts.get("columns", []):
            name = column.get("column", "")
            if is_personal_identifier(name):
                found.setdefault(name, rel)
    return [{"column": column, "path": rel} for column, rel in found.items()]


def _published(project: Project) -> list[str]:
    weights = [rel for rel in project.listing if lib.WEIGHT_FILES.search(rel)]
    pushed = sorted({f"{source.rel}: {call.get('name') or call.get('method')}" for source, call in project.all_calls()
                     if call.get("method") == "push_to_hub" or call.get("name") in lib.PUBLISH_CALLS})
    return weights + pushed


def _readme_section(project: Project, word: str) -> str | None:
    import re

    heading = re.compile(rf"^#+\s*{word}", re.IGNORECASE | re.MULTILINE)
    return next((rel for rel in project.listing if lib.README.search(rel) and heading.search(project.text(rel))),
                None)


def _checklist(reviews: list[dict], item: str) -> dict | None:
    for review in reviews:
        for status in review.get("checklist", []):
            if status.get("item") == item:
                return status
    return None


def ethics_section(projects: list[Project], reviews: list[dict], findings: list[dict], claims: list[dict],
                   reproduction: dict | None) -> dict:
    """The ethics section of the report (plain data)."""
    human_code = [(project, human_evidence(project)) for project in projects]
    evidence_found = [f"{project.root.name}: {evidence}" for project, evidence in human_code if evidence]
    approval = _checklist(reviews, "ethics-approval")
    consent = _checklist(reviews, "consent")
    limitations = _checklist(reviews, "limitations")
    if approval is not None and approval.get("status") != "not_applicable":
        sentence = (approval.get("evidence") or {}).get("text")
        evidence_found.append("the manuscript describes data from people"
                              + (f": \u201c{sentence}\u201d" if sentence else ""))
    human = True if evidence_found else (False if projects or reviews else None)

    identifiers = [item for project in projects for item in _identifiers(project)]
    cards = [rel for project in projects for rel in project.listing if lib.MODEL_CARD_FILES.search(rel)]
    cards += [f"{rel} (section)" for project in projects if (rel := _readme_section(project, r"model\s*card"))]
    registers = [rel for project in projects for rel in project.listing if lib.ETHICS_FILES.search(rel)]
    registers += [f"{rel} (section)" for project in projects if (rel := _readme_section(project, r"ethic"))]
    published = [item for project in projects for item in _published(project)]

    if published and human:
        risk = ("high" if identifiers else "elevated",
                "weights trained on data from people are shared"
                + (f" and the training data held identifiers ({', '.join(i['column'] for i in identifiers)})"
                   if identifiers else "")
                + ": models can memorise training records and leak them (membership inference, model inversion)")
    elif published:
        risk = ("low", "weights are shared, but no data from people was detected")
    elif human:
        risk = ("not detected", ("no shared weights were detected in the repository; if the trained model is "
                                 "published elsewhere, the risk of data from people applies to it"))
    else:
        risk = ("not detected", "no shared weights and no data from people were detected")

    questions = []
    if human:
        if approval is None or approval.get("status") == "missing":
            questions.append("Which ethics committee or IRB approved the study (reference number), or which body "
                             "exempted it, and why?")
        if consent is None or consent.get("status") == "missing":
            questions.append("Under what consent were the data collected, or on what grounds was consent waived?")
        if not registers:
            questions.append("Add an ethics register (ETHICS.md): approval, consent, de-identification, who may use "
                             "the data and the model, and the risks to the people in the data.")
        questions.append("Were results checked across groups (age, sex, ancestry, site) for bias, and with what "
                         "outcome?")
    if identifiers:
        questions.append("Identifying columns are named in the code ("
                         + ", ".join(f"{i['column']} in {i['path']}" for i in identifiers)
                         + "): are they removed before training, and can the released model or outputs expose them?")
    if published and not cards:
        questions.append("Publish a model card with the weights: intended use, training data, metrics, "
                         "limitations, ethical considerations (a draft is below).")
    if limitations is None or limitations.get("status") == "missing":
        questions.append("What are the study's limitations (cohort, data, validation, uses the model is not fit "
                         "for)?")

    related = [f for f in findings if f.get("rule") in ETHICS_RULES]
    section = {
        "human_data": {"detected": human, "evidence": evidence_found},
        "identifiers": identifiers,
        "model_card": {"present": cards},
        "ethics_register": {"present": registers},
        "shared_weights": published,
        "privacy_risk": {"level": risk[0], "reason": risk[1]},
        "questions": questions,
        "findings": [f["id"] for f in related],
        "model_card_draft": None,
    }
    if not cards:
        section["model_card_draft"] = model_card_draft(reviews, claims, findings, reproduction, human)
    return section


NOT_DETECTED = "not detected"


def model_card_draft(reviews: list[dict], claims: list[dict], findings: list[dict], reproduction: dict | None,
                     human: bool | None) -> dict:
    """A model card's sections filled from what the review found; what it could not find says "not detected"."""
    def evidence(item: str) -> str:
        status = _checklist(reviews, item)
        if status and status.get("evidence"):
            return status["evidence"]["text"]
        return NOT_DETECTED

    intended = NOT_DETECTED
    for review in reviews:
        if review.get("abstract"):
            intended = review["abstract"]
            break
    metrics = []
    verdicts = {}
    for entry in (reproduction or {}).get("claims", []):
        verdicts[(entry.get("metric"), entry.get("reported_text"), entry.get("model"))] = entry
    for claim in claims:
        key = (claim.get("metric"), claim.get("text"), claim.get("model"))
        line = f"{claim.get('metric')} {claim.get('text')}"
        if claim.get("model"):
            line += f" ({claim['model']}"
            line += f", {claim['split']} set)" if claim.get("split") else ")"
        if key in verdicts:
            line += f": re-execution {verdicts[key]['verdict'].replace('_', ' ')}"
        metrics.append(line)
    if not metrics and reproduction:
        metrics = [f"{e.get('metric')} {e.get('reported_text')}: {e.get('verdict', '').replace('_', ' ')}"
                   for e in reproduction.get("claims", [])]
    known = sorted({f"{f['rule']}: {f['title']}" for f in findings if f.get("severity") in ("error", "warning")})
    stated = evidence("limitations")
    return {
        "status": "draft generated by dlreview; the authors must check and complete it",
        "intended_use": intended,
        "out_of_scope_use": "not detected; the authors must say which uses the model is not fit for (e.g. clinical "
                            "decisions without prospective validation)",
        "training_data": evidence("data-source"),
        "data_splits": evidence("split-sizes"),
        "evaluation_metrics": metrics or [NOT_DETECTED],
        "limitations_stated": stated,
        "issues_found_by_review": known,
        "ethical_considerations": ("the model is trained on data from people: approval, consent and the risk of "
                                   "memorised records must be stated" if human else NOT_DETECTED),
    }
