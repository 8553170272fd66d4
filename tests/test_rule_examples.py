"""Every example of every rule is a test case: bad examples fire exactly on their `# expect:` lines, good ones stay
silent. A rule cannot ship without examples, and its docs (which show these examples) cannot go stale."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from dlreview.checks import load_checks
from dlreview.config import Settings
from dlreview.engine import check_paths
from dlreview.manuscript import manuscript_rules
from dlreview.project import load_project_checks
from dlreview.rulespec import DOC_SECTIONS, META_RULES, REPOSITORY, load_specs

SPECS = load_specs()
CASES = [
    pytest.param(spec, example, id=f"{spec.id}-{example.kind}-{example.name}")
    for spec in SPECS.values()
    for example in spec.examples
]


def write_notebook(cells, path: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    notebook.cells = [nbformat.v4.new_markdown_cell("# An example")]
    notebook.cells += [nbformat.v4.new_code_cell(cell) for cell in cells]
    nbformat.write(notebook, path)
    return path


def write_example(example, directory: Path) -> Path:
    """The example on disk: its one file, or for a project the folder holding its files."""
    if example.is_project:
        root = directory / "project"
        for name, content in example.files:
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, tuple):
                write_notebook(content, path)
            else:
                path.write_text(content, encoding="utf-8")
        return root
    if example.is_notebook:
        return write_notebook(example.cells, directory / "example.ipynb")
    path = directory / "example.py"
    path.write_text(example.code, encoding="utf-8")
    return path


def run_example(example, directory: Path, settings: Settings):
    """Check the example as a user would: its code as a folder or file, its manuscript (if any) named as one."""
    target = write_example(example, directory)
    manuscripts = [target / example.manuscript] if example.manuscript else []
    only_paper = example.manuscript and all(Path(name).suffix in (".md", ".tex", ".txt") for name, _ in example.files)
    return target, check_paths([] if only_paper else [target], settings, use_cache=False, manuscripts=manuscripts)


def found_in(result, target: Path, judged: set[str]) -> list[tuple]:
    """(path relative to the example, cell, line, rule) of the findings of the judged rules."""
    base = target if target.is_dir() else target.parent
    found = []
    for f in result.findings:
        if f.rule not in judged:
            continue
        if f.is_repository_level:
            found.append((REPOSITORY, None, 0, f.rule))
        else:
            found.append((Path(f.path).resolve().relative_to(base.resolve()).as_posix(), f.cell, f.line, f.rule))
    return sorted(found)


@pytest.mark.parametrize(("spec", "example"), CASES)
def test_rule_example(spec, example, tmp_path):
    target, result = run_example(example, tmp_path, Settings(root=tmp_path))
    assert result.errors == []
    expected = example.expected()
    judged = {spec.id} | {rule for *_, rule in expected}
    messages = "\n".join(f"{f.path}:{f.cell}:{f.line}: {f.rule} {f.message}" for f in result.findings)
    assert found_in(result, target, judged) == sorted(expected), f"findings:\n{messages}"


def test_every_rule_has_logic_and_every_logic_a_rule():
    logic = set(load_checks()) | set(load_project_checks()) | manuscript_rules()
    assert logic | META_RULES == set(SPECS)


@pytest.mark.parametrize("spec", SPECS.values(), ids=list(SPECS))
def test_rule_docs_have_every_section(spec):
    text = spec.render()
    # headings outside code fences (a Markdown manuscript example has headings of its own)
    sections: list[tuple[str, list[str]]] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if line.startswith("## ") and not fenced:
            sections.append((line[3:], []))
        elif sections:
            sections[-1][1].append(line)
    assert [title for title, _ in sections] == list(DOC_SECTIONS)
    for title, body in sections:
        assert "\n".join(body).strip(), f"{spec.id}: section {title!r} is empty"
    assert spec.id in text and spec.name in text


@pytest.mark.parametrize("spec", SPECS.values(), ids=list(SPECS))
def test_rule_docs_cite_their_tip(spec):
    text = spec.render()
    if spec.tip:
        assert f"Tip {spec.tip}" in text
    assert "Ten quick tips for deep learning in biology" in text
