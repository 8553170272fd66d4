"""Smoke tests for bench/bench.py: the corpus generator is deterministic, valid Python, the size asked for, and
actually exercises DLR101. No timing is asserted here; the benchmark itself is run by hand (see bench/README.md)."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dlreview.cli import main

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench.py"
LINES = 2_000


def _load_bench():
    spec = importlib.util.spec_from_file_location("dlreview_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench") / "corpus"
    return bench.generate_corpus(root, lines=LINES, seed=0)


def test_same_seed_same_bytes_in_another_process(corpus, tmp_path):
    again = tmp_path / "again"
    bench.generate_corpus(again, lines=LINES, seed=0)
    assert _tree(again) == _tree(corpus.root)
    # A fresh interpreter with another string-hash seed: nothing may depend on set order or global random state.
    other = tmp_path / "other"
    code = (f"import importlib.util, sys; spec = importlib.util.spec_from_file_location('b', {str(BENCH)!r}); "
            f"m = importlib.util.module_from_spec(spec); sys.modules['b'] = m; spec.loader.exec_module(m); "
            f"m.generate_corpus(__import__('pathlib').Path({str(other)!r}), lines={LINES}, seed=0)")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert _tree(other) == _tree(corpus.root)


def test_other_seed_other_corpus(corpus, tmp_path):
    other = bench.generate_corpus(tmp_path / "seed1", lines=LINES, seed=1)
    assert _tree(other.root) != _tree(corpus.root)


def test_reaches_the_line_count_in_many_files(corpus):
    files = sorted(corpus.python_dir.rglob("*.py"))
    counted = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files)
    assert corpus.lines == counted >= LINES
    assert corpus.files == len(files)
    modules = [p for p in files if p.name != "__init__.py"]
    assert len(modules) >= 5
    assert all(90 <= len(p.read_text(encoding="utf-8").splitlines()) <= 400 for p in modules)
    assert corpus.notebooks == len(list(corpus.notebook_dir.glob("*.ipynb"))) > 0
    assert json.loads((corpus.root / bench.MARKER).read_text(encoding="utf-8"))["lines"] == corpus.lines


def test_every_python_file_parses(corpus):
    for path in corpus.python_dir.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _check(corpus, monkeypatch) -> dict:
    monkeypatch.chdir(corpus.root)
    args = ["check", "--no-cache", "--exit-zero", "-f", "json", bench.PYTHON_DIR, bench.NOTEBOOK_DIR]
    result = CliRunner().invoke(main, args)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_dlreview_reports_the_planted_leaks_without_errors(corpus, monkeypatch):
    report = _check(corpus, monkeypatch)
    assert report["errors"] == []
    assert report["files_checked"] == corpus.files + corpus.notebooks
    dlr101 = {(f["path"], f["cell"], f["line"]) for f in report["findings"] if f["rule"] == "DLR101"}
    assert any(path.endswith(".py") for path, _, _ in dlr101), "the timed .py corpus must exercise DLR101"
    # Ground truth: every planted leak is reported on its line (by DLR101 or a more specific leakage rule), and
    # DLR101 fires nowhere else, so the clean variants of the same code stay clean.
    planted = {(leak["path"], leak["cell"], leak["line"]) for leak in corpus.leaks}
    reported = {(f["path"], f["cell"], f["line"]) for f in report["findings"]}
    assert planted <= reported, sorted(planted - reported, key=str)
    assert dlr101 <= planted, sorted(dlr101 - planted, key=str)
