"""Quality benchmark of the manuscript review on a labelled corpus: checklist items, causal language, claimed metrics.

Usage (from the repository root)::

    .venv/bin/python bench/manuscript_quality.py [CORPUS_DIR] [--json FILE] [--verbose]

CORPUS_DIR defaults to tests/corpus/manuscripts. Each folder is a case: ``paper.md``, ``paper.tex`` (with the files
it includes) or ``paper.html`` (made into ``paper.pdf`` with weasyprint, as a journal's PDF would be), and
``expected.toml`` with the labels (their contract is the corpus README):

- **checklist**: every item found / missing / not_applicable; an item agrees when the status is the same.
- **causal**: sentences that over-interpret (by a substring); precision and recall of DLR701's sentences.
- **claims**: every reported metric value. An extracted claim matches a label when the metric, the value
  (to 1e-9) and the label's ``where`` (a substring of the claim's sentence or table row) agree; precision and
  recall are over matched pairs. For matched claims, ``context`` counts those whose model (the label a substring
  of the extracted model, case-insensitive; both absent also agrees), split and spread all equal the label's.

Prints a table per measure and lists every disagreement. The figures are what tests/test_quality.py holds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "tests" / "corpus" / "manuscripts"
sys.path.insert(0, str(REPO_ROOT))


@dataclass
class Scores:
    items_agree: int = 0
    items_total: int = 0
    causal_tp: int = 0
    causal_fp: int = 0
    causal_fn: int = 0
    claims_tp: int = 0
    claims_fp: int = 0
    claims_fn: int = 0
    context_exact: int = 0
    per_item: dict = field(default_factory=dict)      # key -> [agree, total]
    problems: list = field(default_factory=list)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    def summary(self) -> dict:
        return {
            "checklist_agreement": self.ratio(self.items_agree, self.items_total),
            "causal_precision": self.ratio(self.causal_tp, self.causal_tp + self.causal_fp),
            "causal_recall": self.ratio(self.causal_tp, self.causal_tp + self.causal_fn),
            "claims_precision": self.ratio(self.claims_tp, self.claims_tp + self.claims_fp),
            "claims_recall": self.ratio(self.claims_tp, self.claims_tp + self.claims_fn),
            "claims_context": self.ratio(self.context_exact, self.claims_tp),
            "counts": {"items": self.items_total, "causal": self.causal_tp + self.causal_fn,
                       "claims": self.claims_tp + self.claims_fn},
        }


def manuscript_of(case: Path, workdir: Path) -> Path:
    for name in ("paper.md", "paper.tex", "paper.txt", "paper.pdf"):
        if (case / name).is_file():
            return case / name
    html = case / "paper.html"
    if html.is_file():
        import weasyprint

        pdf = workdir / f"{case.name}.pdf"
        if not pdf.exists():
            weasyprint.HTML(filename=str(html)).write_pdf(pdf)
        return pdf
    raise SystemExit(f"{case}: no paper.md, paper.tex or paper.html")


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).lower()


def _spread_equal(label: dict | None, spread) -> bool:
    if label is None:
        return spread is None
    if spread is None or spread.kind != label.get("kind"):
        return False
    for key in ("value", "low", "high"):
        if key in label and (getattr(spread, key) is None or abs(getattr(spread, key) - label[key]) > 1e-9):
            return False
    return True


def score_case(case: Path, workdir: Path, scores: Scores) -> None:
    from dlreview.manuscript import review

    labels = tomllib.loads((case / "expected.toml").read_text(encoding="utf-8"))
    path = manuscript_of(case, workdir)
    result = review(path, path.name)
    for status in result.checklist:
        expected = labels.get("checklist", {}).get(status.item.key)
        if expected is None:
            continue
        agree = expected == status.status
        scores.items_total += 1
        scores.items_agree += agree
        bucket = scores.per_item.setdefault(status.item.key, [0, 0])
        bucket[0] += agree
        bucket[1] += 1
        if not agree:
            evidence = f" (evidence: {status.evidence.text!r})" if status.evidence is not None else ""
            scores.problems.append(f"{case.name}: checklist {status.item.key}: expected {expected}, got "
                                  f"{status.status}{evidence}")
    flagged = [sentence.text for sentence, _ in result.causal]
    wanted = [entry["where"] for entry in labels.get("causal", [])]
    matched_flags: set[int] = set()
    for where in wanted:
        hit = next((i for i, text in enumerate(flagged) if _normal(where) in _normal(text)), None)
        if hit is None:
            scores.causal_fn += 1
            scores.problems.append(f"{case.name}: causal missed: {where!r}")
        else:
            scores.causal_tp += 1
            matched_flags.add(hit)
    for index, text in enumerate(flagged):
        if index not in matched_flags:
            scores.causal_fp += 1
            scores.problems.append(f"{case.name}: causal false positive: {text!r}")
    remaining = list(result.claims)
    for label in labels.get("claims", []):
        hit = next((c for c in remaining if c.metric == label["metric"] and abs(c.value - label["value"]) < 1e-9
                    and _normal(label["where"]) in _normal(c.sentence)), None)
        if hit is None:
            scores.claims_fn += 1
            scores.problems.append(f"{case.name}: claim missed: {label['metric']} {label['value']} in "
                                  f"{label['where']!r}")
            continue
        remaining.remove(hit)
        scores.claims_tp += 1
        model_ok = (label.get("model") is None and hit.model is None) or (
            label.get("model") is not None and hit.model is not None and _normal(label["model"]) in _normal(hit.model))
        split_ok = label.get("split") == hit.split
        spread_ok = _spread_equal(label.get("spread"), hit.spread)
        if model_ok and split_ok and spread_ok:
            scores.context_exact += 1
        else:
            scores.problems.append(
                f"{case.name}: claim context {label['metric']} {label['value']} ({label['where']!r}): expected "
                f"model={label.get('model')!r} split={label.get('split')!r} spread={label.get('spread')}, got "
                f"model={hit.model!r} split={hit.split!r} spread={hit.spread}")
    for claim in remaining:
        scores.claims_fp += 1
        scores.problems.append(f"{case.name}: claim false positive: {claim.metric} {claim.text} in "
                              f"{claim.sentence!r}")


def run(corpus: Path) -> Scores:
    scores = Scores()
    with tempfile.TemporaryDirectory() as workdir:
        for case in sorted(p for p in corpus.iterdir() if (p / "expected.toml").is_file()):
            score_case(case, Path(workdir), scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    scores = run(args.corpus)
    summary = scores.summary()
    print(f"{'item':<24} agree/total")
    for key, (agree, total) in sorted(scores.per_item.items()):
        print(f"{key:<24} {agree:>5}/{total}")
    for name, value in summary.items():
        if name != "counts":
            print(f"{name:<24} {value:.3f}")
    print(f"labelled: {summary['counts']}")
    if args.verbose or scores.problems:
        print(f"\n{len(scores.problems)} disagreements:")
        for problem in scores.problems:
            print(f"  {problem}")
    if args.json:
        args.json.write_text(json.dumps({**summary, "problems": scores.problems}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
