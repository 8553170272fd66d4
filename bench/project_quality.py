"""Quality benchmark of the project rules (DLR2xx-DLR5xx): precision and recall per rule on a labelled corpus.

Usage (from the repository root)::

    .venv/bin/python bench/project_quality.py [CORPUS_DIR] [--json FILE] [--min-precision P] [--min-recall R]

CORPUS_DIR defaults to tests/corpus/project. Every folder in it is a case, a small project checked as a whole
(``check_paths([case])``, in-process). Labels and matching are described in tests/corpus/project/README.md:

- ``# expect: ID`` at the end of a line of a .py file, a notebook code cell or a requirements/environment file;
  ``repository = [...]`` in the case's CASE.toml for findings about the project as a whole.
- Rules that look at one call (LINE_RULES) are matched on (case, file, cell, line, rule); the other project rules
  on (case, file, rule); repository-level findings on (case, rule). Each key counts once.
- TP: expected and found; FP: found, not expected; FN: expected, not found. precision = TP / (TP + FP) and
  recall = TP / (TP + FN), 1.0 when the denominator is 0; overall figures are micro-averaged.

Only the project rules are judged; leakage findings (DLR1xx) and DLR001 are ignored. A case that gives an
analysis error is listed with its errors. Exit status 0 unless a ``--min-*`` threshold is not met (then 1).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "tests" / "corpus" / "project"
JUDGED = re.compile(r"^DLR[2-5]\d\d$")
LINE_RULES = frozenset({"DLR202", "DLR204", "DLR208", "DLR501"})
MARKER = re.compile(r"#\s*expect:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")
TEXT_LABELLED = re.compile(r"(?:requirements[^/]*\.txt|environment[^/]*\.ya?ml)$", re.IGNORECASE)


def _key(rule: str, file: str, cell, line: int) -> tuple:
    if file == "":
        return (rule, "", None, 0)
    if rule in LINE_RULES:
        return (rule, file, cell, line)
    return (rule, file, None, 0)


def expected(case: Path) -> set[tuple]:
    keys: set[tuple] = set()
    for path in sorted(case.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(case).as_posix()
        chunks: list[tuple[int | None, str]] = []
        if path.suffix == ".py" or TEXT_LABELLED.search(rel):
            chunks = [(None, path.read_text(encoding="utf-8", errors="replace"))]
        elif path.suffix == ".ipynb":
            import nbformat

            notebook = nbformat.read(path, as_version=4)
            chunks = list(enumerate((cell.source for cell in notebook.cells if cell.cell_type == "code"), start=1))
        for cell, text in chunks:
            for number, line in enumerate(text.split("\n"), start=1):
                match = MARKER.search(line)
                if match:
                    for rule in re.split(r"\s*,\s*", match.group(1).strip()):
                        if JUDGED.match(rule):
                            keys.add(_key(rule, rel, cell, number))
    meta = case / "CASE.toml"
    if meta.is_file():
        for rule in tomllib.loads(meta.read_text(encoding="utf-8")).get("repository", []):
            keys.add(_key(rule, "", None, 0))
    return keys


def found(case: Path) -> tuple[dict[tuple, str], list[str]]:
    from dlreview.config import Settings
    from dlreview.engine import check_paths

    result = check_paths([case], Settings(root=case), use_cache=False)
    keys: dict[tuple, str] = {}
    for finding in result.findings:
        if not JUDGED.match(finding.rule):
            continue
        if finding.is_repository_level:
            key = _key(finding.rule, "", None, 0)
        else:
            rel = Path(finding.path).resolve().relative_to(case.resolve()).as_posix()
            key = _key(finding.rule, rel, finding.cell, finding.line)
        keys.setdefault(key, finding.message)
    return keys, [f"{error.location()}: {error.reason}" for error in result.errors]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def ratio(self, hits: int, misses: int) -> float:
        return hits / (hits + misses) if hits + misses else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return self.ratio(self.tp, self.fn)


@dataclass
class Result:
    cases: int = 0
    clean_cases: int = 0
    rules: dict[str, Counts] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> Counts:
        return Counts(sum(c.tp for c in self.rules.values()), sum(c.fp for c in self.rules.values()),
                      sum(c.fn for c in self.rules.values()))


def evaluate(corpus: Path = DEFAULT_CORPUS) -> Result:
    result = Result()
    for case in sorted(path for path in Path(corpus).iterdir() if path.is_dir()):
        result.cases += 1
        wanted = expected(case)
        got, errors = found(case)
        if errors:
            result.errors[case.name] = errors
        if not wanted:
            result.clean_cases += 1
        for key in wanted | set(got):
            counts = result.rules.setdefault(key[0], Counts())
            where = f"{case.name}/{key[1] or '<repository>'}" + (f":{key[3]}" if key[3] else "")
            if key in wanted and key in got:
                counts.tp += 1
            elif key in got:
                counts.fp += 1
                result.mismatches.append(f"FP {where} {key[0]}: {got[key]}")
            else:
                counts.fn += 1
                result.mismatches.append(f"FN {where} {key[0]}")
    return result


def report(result: Result) -> str:
    lines = [f"{result.cases} cases ({result.clean_cases} clean)", "",
             f"{'rule':<8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}"]
    for rule in sorted(result.rules):
        c = result.rules[rule]
        lines.append(f"{rule:<8} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>10.3f} {c.recall:>7.3f}")
    total = result.total
    lines.append(f"{'all':<8} {total.tp:>4} {total.fp:>4} {total.fn:>4} {total.precision:>10.3f} "
                 f"{total.recall:>7.3f}")
    if result.mismatches:
        lines += ["", *sorted(result.mismatches)]
    for case, errors in sorted(result.errors.items()):
        lines += [f"ERROR {case}: {error}" for error in errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--min-precision", type=float)
    parser.add_argument("--min-recall", type=float)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO_ROOT))
    result = evaluate(args.corpus)
    print(report(result))
    if args.json:
        total = result.total
        args.json.write_text(json.dumps({
            "cases": result.cases, "clean_cases": result.clean_cases,
            "rules": {rule: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall}
                      for rule, c in sorted(result.rules.items())},
            "overall": {"tp": total.tp, "fp": total.fp, "fn": total.fn, "precision": total.precision,
                        "recall": total.recall},
            "mismatches": sorted(result.mismatches), "errors": result.errors}, indent=2) + "\n")
    failed = (args.min_precision is not None and result.total.precision < args.min_precision) or \
        (args.min_recall is not None and result.total.recall < args.min_recall)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
