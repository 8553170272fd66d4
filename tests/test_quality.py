"""The labelled leakage corpus (tests/corpus/leakage) and dlreview's quality on it.

The shape tests keep the corpus a useful held-out set: large enough, enough clean cases and notebooks, every
leakage rule covered, every marker naming a rule of the specification, every case valid Python. The quality test
runs dlreview over the corpus (through bench/quality.py) and asks for overall precision >= 0.95 and recall >= 0.90.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
QUALITY = ROOT / "bench" / "quality.py"
CORPUS = ROOT / "tests" / "corpus" / "leakage"
SPEC_RULES = {f"DLR1{n:02d}" for n in range(1, 11)}  # the rules of the leakage specification
MIN_PRECISION = 0.95
MIN_RECALL = 0.90


def _load_quality():
    name = "dlreview_bench_quality"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, QUALITY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


quality = _load_quality()
FILES = quality.corpus_files(CORPUS)
PYTHON_FILES = [path for path in FILES if path.suffix == ".py"]
NOTEBOOKS = [path for path in FILES if path.suffix == ".ipynb"]
MARKERS = {path: quality.markers(path) for path in FILES}


def _ids(paths):
    return [path.name for path in paths]


# ---------------------------------------------------------------------------------------------------------------
# (a) the shape of the corpus
# ---------------------------------------------------------------------------------------------------------------

def test_corpus_size_clean_share_and_notebooks():
    clean = [path for path in FILES if not MARKERS[path]]
    assert len(FILES) >= 80, f"only {len(FILES)} programs"
    assert len(clean) * 3 >= len(FILES), f"only {len(clean)} of {len(FILES)} programs are clean (need a third)"
    assert len(NOTEBOOKS) >= 10, f"only {len(NOTEBOOKS)} notebooks"


def test_file_names():
    pattern = re.compile(r"^\d{3}_[a-z0-9_]+\.(py|ipynb)$")
    bad = [path.name for path in FILES if not pattern.match(path.name)]
    assert not bad, f"names not of the form NNN_short_description.py/.ipynb: {bad}"
    numbers = [path.name[:3] for path in FILES]
    duplicated = sorted({n for n in numbers if numbers.count(n) > 1})
    assert not duplicated, f"numbers used twice: {duplicated}"


def test_no_case_is_collected_by_pytest():
    """pytest imports (and so runs) files named test_*.py or *_test.py anywhere under tests/; cases must never run."""
    collected = [path.name for path in CORPUS.rglob("*.py")
                 if path.name.startswith("test_") or path.name.endswith("_test.py") or path.name == "conftest.py"]
    assert not collected, f"pytest would import these corpus files: {collected}"


@pytest.mark.parametrize("rule", sorted(SPEC_RULES))
def test_every_rule_has_positive_cases(rule):
    cases = [path.name for path in FILES if any(r == rule for _, _, r in MARKERS[path])]
    assert len(cases) >= 5, f"{rule} is expected in only {len(cases)} files: {cases}"


def test_every_marker_names_a_rule_of_the_specification():
    unknown = sorted(
        f"{path.name}:{'' if cell is None else f'cell {cell}:'}{line} {rule}"
        for path, found in MARKERS.items()
        for cell, line, rule in found
        if rule not in SPEC_RULES
    )
    assert not unknown, "markers naming rules outside DLR101-DLR110:\n" + "\n".join(unknown)


def test_no_malformed_markers():
    """A line that mentions `expect:` in a comment must be a marker the benchmark can read (no silent typos)."""
    malformed = []
    for path in FILES:
        for index, text in enumerate(quality.code_cells(path), start=1):
            for number, line in enumerate(text.split("\n"), start=1):
                comment = line.partition("#")[2]
                if re.search(r"expect\s*:", comment, re.IGNORECASE) and not quality.MARKER.search(line):
                    malformed.append(f"{path.name}:{index}:{number}: {line.strip()}")
    assert not malformed, "unreadable markers:\n" + "\n".join(malformed)


@pytest.mark.parametrize("path", PYTHON_FILES, ids=_ids(PYTHON_FILES))
def test_python_case_parses(path):
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _mask_ipython(cell: str) -> str:
    """Lines starting with % or ! become `pass` (same indentation); a trailing `?` (help) is removed."""
    lines = []
    for line in cell.split("\n"):
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if stripped.startswith(("%", "!")):
            lines.append(indent + "pass")
        elif line.rstrip().endswith("?"):
            lines.append(line.rstrip().rstrip("?"))
        else:
            lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_notebook_case_is_valid(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert "markdown" in kinds and "code" in kinds, f"{path.name}: needs a markdown cell and code cells"
    for cell in notebook.cells:
        if cell.cell_type != "code":
            assert not quality.MARKER.search(cell.source), f"{path.name}: a marker outside a code cell"
    for index, source in enumerate(quality.code_cells(path), start=1):
        try:
            ast.parse(_mask_ipython(source))
        except SyntaxError as exc:
            pytest.fail(f"{path.name} code cell {index}, line {exc.lineno}: {exc.msg}")


def test_readme_table_matches_the_markers():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\|\s*(DLR1\d\d|clean)\s*\|[^|]*\|\s*(\d+)\s*\|", readme, re.MULTILINE))
    expected = {rule: sum(1 for path in FILES if any(r == rule for _, _, r in MARKERS[path]))
                for rule in sorted(SPEC_RULES)}
    expected["clean"] = sum(1 for path in FILES if not MARKERS[path])
    assert {rule: int(count) for rule, count in rows.items()} == expected, \
        "the table in tests/corpus/leakage/README.md is stale"


# ---------------------------------------------------------------------------------------------------------------
# (b) dlreview's quality on the corpus
# ---------------------------------------------------------------------------------------------------------------

def test_quality_on_the_leakage_corpus():
    result = quality.evaluate(CORPUS)
    report = quality.format_report(result)
    assert result.files == len(FILES)
    assert result.precision >= MIN_PRECISION and result.recall >= MIN_RECALL, (
        f"overall precision {result.precision:.3f} (need {MIN_PRECISION}), "
        f"recall {result.recall:.3f} (need {MIN_RECALL})\n{report}"
    )


def test_project_rules_precision_and_recall_on_the_project_corpus():
    """bench/project_quality.py over tests/corpus/project: each case a small project, labelled blind to the
    implementation (see the corpus README)."""
    spec = importlib.util.spec_from_file_location("project_quality", Path(__file__).parent.parent / "bench" /
                                                  "project_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["project_quality"] = module   # its dataclasses look their module up
    spec.loader.exec_module(module)
    result = module.evaluate()
    assert result.cases >= 80 and not result.errors
    total = result.total
    assert total.precision >= 0.93, module.report(result)
    assert total.recall >= 0.85, module.report(result)


def _manuscript_quality():
    name = "manuscript_quality"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / "manuscript_quality.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module   # its dataclasses look their module up
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_manuscript_corpus_covers_the_three_formats_and_every_item():
    import tomllib

    corpus = ROOT / "tests" / "corpus" / "manuscripts"
    labels = [tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(corpus.glob("*/expected.toml"))]
    formats = [label["format"] for label in labels]
    assert len(labels) >= 15 and all(formats.count(kind) >= 5 for kind in ("md", "tex", "pdf"))
    from dlreview.manuscript.checklist import ITEMS

    for item in ITEMS:
        statuses = {label["checklist"][item.key] for label in labels}
        assert {"found", "missing"} <= statuses, f"{item.key}: the corpus never has it {statuses}"


def test_manuscript_review_on_the_blind_corpus():
    """bench/manuscript_quality.py over tests/corpus/manuscripts: checklist statuses, causal sentences and claimed
    metrics labelled blind to the implementation (Markdown, LaTeX, and HTML made into PDF)."""
    pytest.importorskip("weasyprint")
    module = _manuscript_quality()
    scores = module.run(ROOT / "tests" / "corpus" / "manuscripts")
    summary = scores.summary()
    problems = "\n".join(scores.problems)
    assert summary["checklist_agreement"] >= 0.98, problems
    assert summary["causal_precision"] == 1.0, problems          # a reviewer stops reading wrong flags
    assert summary["causal_recall"] >= 0.90, problems
    assert summary["claims_precision"] >= 0.98 and summary["claims_recall"] >= 0.98, problems
    assert summary["claims_context"] >= 0.97, problems


def test_manuscript_review_on_the_second_corpus():
    """tests/corpus/manuscripts-holdout: six more manuscripts written blind, after the first corpus was used."""
    pytest.importorskip("weasyprint")
    scores = _manuscript_quality().run(ROOT / "tests" / "corpus" / "manuscripts-holdout")
    summary = scores.summary()
    problems = "\n".join(scores.problems)
    assert summary["checklist_agreement"] >= 0.95, problems
    assert summary["causal_precision"] == 1.0, problems
    assert summary["claims_precision"] >= 0.95 and summary["claims_recall"] >= 0.90, problems
    assert summary["claims_context"] >= 0.90, problems
