from __future__ import annotations

import json
import subprocess
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from dlreview.cli import main

LEAKY = """\
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
"""

CLEAN = """\
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
scaler = StandardScaler().fit(X_train)
"""


def make_notebook(path: Path, cells: list[str], markdown_first: bool = True) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "language": "python",
        "display_name": "Python 3",
    }
    if markdown_first:
        notebook.cells.append(nbformat.v4.new_markdown_cell("# Analysis"))
    for cell in cells:
        notebook.cells.append(nbformat.v4.new_code_cell(cell))
    nbformat.write(notebook, path)
    return path


class Run:
    def __init__(self, result):
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        self.exception = result.exception

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def dlreview(tmp_path, monkeypatch):
    """Run the CLI in-process from tmp_path, with the cache kept inside tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DLREVIEW_CACHE_DIR", str(tmp_path / ".cache-under-test"))

    def run(*args: str) -> Run:
        result = CliRunner().invoke(main, list(args), catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result)

    return run


def run_command(cmd, cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run a subprocess for a slow test; a hang fails the test with what the command printed so far."""
    try:
        return subprocess.run([str(c) for c in cmd], check=False, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired as exc:  # pragma: no cover - only on a hung build
        pytest.fail(f"{' '.join(map(str, cmd))} timed out after {timeout}s\n{exc.stdout}\n{exc.stderr}")
