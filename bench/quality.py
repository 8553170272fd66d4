"""Quality benchmark: precision and recall of the leakage rules (DLR101-DLR110) on a labelled corpus.

Usage (from the repository root)::

    .venv/bin/python bench/quality.py [CORPUS_DIR] [--json FILE] [--min-precision P] [--min-recall R]

CORPUS_DIR defaults to tests/corpus/leakage. Every ``.py`` file and ``.ipynb`` notebook in it is a case; a line
where a finding is expected ends with ``# expect: DLR1xx`` (several ids comma-separated), and a file without such
a marker is a clean case (see tests/corpus/leakage/README.md). dlreview's engine runs in-process over every case
and the set of (file, cell, line, rule) it reports is compared with the set the markers give. Only DLR101-DLR110
are judged: findings of any other rule (DLR001, ...) and markers naming another rule are ignored.

Definitions:

- TP: an expected (file, cell, line, rule) that is found; FP: found but not expected; FN: expected, not found.
  ``cell`` is the 1-based index among a notebook's code cells (None for ``.py``); ``line`` is 1-based, within the
  cell in a notebook. Two findings of one rule on one line count once.
- precision = TP / (TP + FP), 1.0 when TP + FP == 0; recall = TP / (TP + FN), 1.0 when TP + FN == 0.
  The overall figures are micro-averaged: summed TP/FP/FN over the judged rules.
- A file that gives an analysis error (unreadable, a syntax error, a skipped notebook cell, an internal error in a
  rule) counts every finding expected in it as FN, contributes no FP, and is listed with its errors.

The exit status is 0, unless ``--min-precision`` / ``--min-recall`` is given and not met (then 1).

``evaluate`` is importable (tests/test_quality.py loads this file by path; bench/ is not a package).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "tests" / "corpus" / "leakage"
JUDGED_RULES = tuple(f"DLR1{n:02d}" for n in range(1, 11))  # DLR101 .. DLR110
MARKER = re.compile(r"#\s*expect:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")
CASE_SUFFIXES = (".py", ".ipynb")
SKIPPED_DIRS = {".ipynb_checkpoints", "__pycache__"}


# ---------------------------------------------------------------------------------------------------------------
# The corpus and its markers
# ---------------------------------------------------------------------------------------------------------------

def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every case in the corpus: .py files and notebooks, sorted, skipping checkpoint and cache folders."""
    corpus_dir = Path(corpus_dir)
    return sorted(
        path for path in corpus_dir.rglob("*")
        if path.is_file() and path.suffix in CASE_SUFFIXES
        and not SKIPPED_DIRS.intersection(path.relative_to(corpus_dir).parts)
    )


def code_cells(path: Path) -> list[str]:
    """The text of each unit of code in a case: the whole file for .py, each code cell (in order) for a notebook."""
    path = Path(path)
    if path.suffix == ".ipynb":
        import nbformat

        notebook = nbformat.read(path, as_version=4)
        return [_cell_text(cell.source) for cell in notebook.cells if cell.cell_type == "code"]
    return [path.read_text(encoding="utf-8")]


def _cell_text(source) -> str:
    text = "".join(source) if isinstance(source, list) else source
    return text.replace("\r\n", "\n").replace("\r", "\n")


def markers(path: Path) -> set[tuple[int | None, int, str]]:
    """Every ``# expect:`` marker of a case as (cell, line, rule), whatever rule it names."""
    path = Path(path)
    notebook = path.suffix == ".ipynb"
    found = set()
    for index, text in enumerate(code_cells(path), start=1):
        for number, line in enumerate(text.split("\n"), start=1):
            match = MARKER.search(line)
            if match:
                for rule in re.split(r"\s*,\s*", match.group(1).strip()):
                    found.add((index if notebook else None, number, rule))
    return found


# ---------------------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------------------

def _ratio(hits: int, misses: int) -> float:
    return hits / (hits + misses) if hits + misses else 1.0


@dataclass
class RuleCounts:
    rule: str
    cases: int = 0  # files with at least one expected finding of this rule
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.fn)


@dataclass(frozen=True, order=True)
class Mismatch:
    file: str  # relative to the corpus folder
    cell: int | None
    line: int
    rule: str
    kind: str  # "FP" (found, not expected) or "FN" (expected, not found)
    message: str = ""  # the finding's message for an FP; for an FN in a file with errors, why it was not judged

    def location(self) -> str:
        cell = f":cell {self.cell}" if self.cell is not None else ""
        return f"{self.file}{cell}:{self.line}"

    def describe(self) -> str:
        text = f"{self.kind} {self.location()} {self.rule}"
        return f"{text}: {self.message}" if self.message else text


@dataclass
class QualityResult:
    corpus: str
    files: int = 0
    notebooks: int = 0
    clean_files: int = 0  # files without any expect marker
    rules: dict[str, RuleCounts] = field(default_factory=dict)
    mismatches: list[Mismatch] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)  # file -> reasons it could not be analysed (fully)

    @property
    def tp(self) -> int:
        return sum(counts.tp for counts in self.rules.values())

    @property
    def fp(self) -> int:
        return sum(counts.fp for counts in self.rules.values())

    @property
    def fn(self) -> int:
        return sum(counts.fn for counts in self.rules.values())

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.fn)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["rules"] = {
            rule: {**asdict(counts), "precision": counts.precision, "recall": counts.recall}
            for rule, counts in self.rules.items()
        }
        data["overall"] = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                           "precision": self.precision, "recall": self.recall}
        data["mismatches"] = [{**asdict(m), "location": m.location()} for m in self.mismatches]
        return data


# ---------------------------------------------------------------------------------------------------------------
# Running dlreview and comparing
# ---------------------------------------------------------------------------------------------------------------

def _run_engine(files: list[Path], corpus_dir: Path, jobs: int | None):
    """Findings and errors per file (keyed by resolved path)."""
    from dlreview.config import Settings
    from dlreview.engine import check_paths

    findings: dict[Path, list] = {path.resolve(): [] for path in files}
    errors: dict[Path, list[str]] = {}

    def collect(result) -> None:
        for finding in result.findings:
            findings.setdefault(Path(finding.path).resolve(), []).append(finding)
        for error in result.errors:
            where = error.location()
            reason = f"{where}: {error.reason}" if where != error.path else error.reason
            errors.setdefault(Path(error.path).resolve(), []).append(reason)

    settings = Settings(root=corpus_dir)
    try:
        collect(check_paths(files, settings, use_cache=False, jobs=jobs))
    except Exception:  # noqa: BLE001 - the engine itself failed: find out which files it fails on
        findings = {path.resolve(): [] for path in files}
        errors = {}
        for path in files:
            try:
                collect(check_paths([path], settings, use_cache=False, jobs=1))
            except Exception as exc:  # noqa: BLE001 -- reported per file, the other files are still judged
                errors.setdefault(path.resolve(), []).append(f"engine raised {type(exc).__name__}: {exc}")
    return findings, errors


def evaluate(corpus_dir: Path | str = DEFAULT_CORPUS, *, jobs: int | None = None) -> QualityResult:
    """Run dlreview over every case of ``corpus_dir`` and compare its DLR101-DLR110 findings with the markers."""
    corpus_dir = Path(corpus_dir).resolve()
    files = corpus_files(corpus_dir)
    result = QualityResult(corpus=str(corpus_dir))
    result.rules = {rule: RuleCounts(rule) for rule in JUDGED_RULES}
    found_by_file, errors_by_file = _run_engine(files, corpus_dir, jobs)

    for path in files:
        name = path.relative_to(corpus_dir).as_posix()
        all_markers = markers(path)
        result.files += 1
        result.notebooks += path.suffix == ".ipynb"
        result.clean_files += not all_markers
        expected = {m for m in all_markers if m[2] in result.rules}
        for rule in {rule for _, _, rule in expected}:
            result.rules[rule].cases += 1

        errors = errors_by_file.get(path.resolve(), [])
        if errors:
            result.errors[name] = errors
            for cell, line, rule in expected:
                result.rules[rule].fn += 1
                result.mismatches.append(Mismatch(name, cell, line, rule, "FN", "file not analysed (see errors)"))
            continue

        messages: dict[tuple[int | None, int, str], str] = {}
        for finding in found_by_file.get(path.resolve(), []):
            if finding.rule in result.rules:
                messages.setdefault((finding.cell, finding.line, finding.rule), finding.message)
        found = set(messages)
        for cell, line, rule in expected & found:
            result.rules[rule].tp += 1
        for cell, line, rule in found - expected:
            result.rules[rule].fp += 1
            result.mismatches.append(Mismatch(name, cell, line, rule, "FP", messages[(cell, line, rule)]))
        for cell, line, rule in expected - found:
            result.rules[rule].fn += 1
            result.mismatches.append(Mismatch(name, cell, line, rule, "FN"))

    # errors on paths that are not cases (should not happen; shown rather than lost)
    known = {path.resolve() for path in files}
    for path, reasons in errors_by_file.items():
        if path not in known:
            result.errors[str(path)] = reasons
    result.mismatches.sort(key=lambda m: (m.file, m.cell or 0, m.line, m.rule, m.kind))
    return result


# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------

def format_table(result: QualityResult) -> str:
    header = f"{'rule':<8} {'cases':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"
    lines = [header, "-" * len(header)]
    for counts in result.rules.values():
        lines.append(f"{counts.rule:<8} {counts.cases:>5} {counts.tp:>4} {counts.fp:>4} {counts.fn:>4} "
                     f"{counts.precision:>9.3f} {counts.recall:>7.3f}")
    lines.append("-" * len(header))
    positive = result.files - result.clean_files
    lines.append(f"{'overall':<8} {positive:>5} {result.tp:>4} {result.fp:>4} {result.fn:>4} "
                 f"{result.precision:>9.3f} {result.recall:>7.3f}   (micro-averaged)")
    return "\n".join(lines)


def format_report(result: QualityResult) -> str:
    parts = [
        f"corpus: {result.corpus}",
        (f"{result.files} files ({result.notebooks} notebooks), {result.clean_files} clean, "
         f"{result.files - result.clean_files} with expected findings"),
        "",
        format_table(result),
    ]
    if result.mismatches:
        parts += ["", f"mismatches ({len(result.mismatches)}):"]
        parts += [f"  {m.describe()}" for m in result.mismatches]
    if result.errors:
        parts += ["", f"files with analysis errors ({len(result.errors)}):"]
        for name, reasons in sorted(result.errors.items()):
            parts += [f"  {name}: {reason}" for reason in reasons]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="folder of labelled cases (default: tests/corpus/leakage)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the result as JSON to FILE")
    parser.add_argument("--min-precision", type=float, metavar="P", help="exit 1 if overall precision < P")
    parser.add_argument("--min-recall", type=float, metavar="R", help="exit 1 if overall recall < R")
    parser.add_argument("-j", "--jobs", type=int, default=None, help="processes for the analysis (default: CPUs)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is not a folder")

    result = evaluate(args.corpus, jobs=args.jobs)
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")

    failed = []
    if args.min_precision is not None and result.precision < args.min_precision:
        failed.append(f"precision {result.precision:.3f} < {args.min_precision}")
    if args.min_recall is not None and result.recall < args.min_recall:
        failed.append(f"recall {result.recall:.3f} < {args.min_recall}")
    if failed:
        print("\nFAILED: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
