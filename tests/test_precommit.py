"""The pre-commit hook, driven by the real pre-commit.

pre-commit installs the hook from a git repository at a commit: ``try-repo`` on a
checkout with uncommitted changes builds a shadow repository from HEAD plus the
*tracked* changes only (new, untracked files are left out, and a checkout with no
commit at all is refused).  So that the test exercises the working tree as it is
(a fresh clone, a dirty tree, or a tree not yet committed), it first copies the
working tree (``git ls-files --cached --others --exclude-standard``) into a
temporary repository and commits it; pre-commit then installs the hook from that
snapshot, pip-installing the package with its dependencies from the package index.

``try-repo`` always builds its hook environment in a fresh temporary store
(whatever PRE_COMMIT_HOME says), so each ``try-repo`` call pays for one install.
The other cases instead pin the snapshot in a project's ``.pre-commit-config.yaml``
and run ``pre-commit run`` with a PRE_COMMIT_HOME shared across the module, so
their environment is built once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLEAN, LEAKY, run_command

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
HOOK_ID = "dlreview"
TIMEOUT = (
    600  # seconds, for every subprocess: installing the hook env downloads packages
)



# Environment variables that would point git at another repository (set, for
# instance, when this test runs from inside a git hook) or Python at the source tree.
_SCRUB = {
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_COMMON_DIR",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_PREFIX",
    "GIT_NAMESPACE",
    "PYTHONPATH",
    "PYTHONHOME",
    "PYTHONSTARTUP",
    "VIRTUAL_ENV",
    "PRE_COMMIT",
    "PRE_COMMIT_HOME",
    "PRE_COMMIT_COLOR",
    "SKIP",
}

# pip's words for "the package index could not be reached" (as opposed to a
# dependency that does not exist, which must fail the test).
_OFFLINE_MARKERS = (
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "No route to host",
    "Failed to establish a new connection",
)


def _find_pre_commit() -> str | None:
    bindir = Path(sys.executable).parent
    for name in ("pre-commit", "pre-commit.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("pre-commit")


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env["NO_COLOR"] = "1"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run_command(cmd, cwd, env, TIMEOUT)


def _git(git: str, cwd: Path, *args: str) -> str:
    proc = _run([git, *args], cwd, _base_env())
    assert proc.returncode == 0, (
        f"git {' '.join(args)} failed in {cwd}:\n{proc.stdout}\n{proc.stderr}"
    )
    return proc.stdout


def _init_repo(
    git: str, path: Path, files: dict[str, str], executable: tuple[str, ...] = ()
) -> Path:
    """A git repository at ``path`` holding ``files`` (``executable`` ones chmod +x), committed."""
    path.mkdir(parents=True, exist_ok=True)
    _git(git, path, "init", "-q")
    _git(git, path, "config", "user.name", "dlreview tests")
    _git(git, path, "config", "user.email", "dlreview-tests@example.invalid")
    _git(git, path, "config", "commit.gpgsign", "false")
    _git(git, path, "config", "core.autocrlf", "false")
    for name, text in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if name in executable:
            target.chmod(0o755)
    _git(git, path, "add", "-A")
    _git(git, path, "commit", "-q", "--no-verify", "-m", "test fixture")
    return path


# Used only where the source tree is not a git checkout (an unpacked sdist, say).
_IGNORED_DIRS = {
    ".git",
    ".venv",
    "venv",
    "__pycache__",
    "build",
    "dist",
    ".pytest_cache",
    ".ruff_cache",
    ".dlreview_cache",
    ".tox",
    ".nox",
    ".mypy_cache",
    "node_modules",
}


def _working_tree_files(git: str) -> list[str]:
    """Relative paths of the working tree's files: tracked or untracked, not ignored."""
    if (REPO_ROOT / ".git").exists():
        proc = _run(
            [git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            REPO_ROOT,
            _base_env(),
        )
        if proc.returncode == 0:
            # --cached still lists a tracked file deleted from the tree: leave it out.
            return [
                p for p in proc.stdout.split("\0") if p and (REPO_ROOT / p).is_file()
            ]
    files = []
    for dirpath, dirnames, filenames in os.walk(REPO_ROOT):
        dirnames[:] = [
            d
            for d in dirnames
            if d not in _IGNORED_DIRS and not d.endswith(".egg-info")
        ]
        files += [
            os.path.relpath(os.path.join(dirpath, f), REPO_ROOT) for f in filenames
        ]
    return files


@pytest.fixture(scope="module")
def tools() -> dict[str, str]:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    pre_commit = _find_pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    return {"git": git, "pre-commit": pre_commit}


@pytest.fixture(scope="module")
def hook_repo(
    tools: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str]:
    """The working tree, committed to a throwaway repository: (path, commit)."""
    git = tools["git"]
    snapshot = tmp_path_factory.mktemp("hook-repo")
    for rel in _working_tree_files(git):
        target = snapshot / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / rel, target, follow_symlinks=True)
    for required in (
        ".pre-commit-hooks.yaml",
        "pyproject.toml",
        "dlreview/__init__.py",
    ):
        assert (snapshot / required).is_file(), (
            f"{required} is missing from the working tree snapshot"
        )
    _init_repo(git, snapshot, {})
    return snapshot, _git(git, snapshot, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit store for the module, so a pinned hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _pre_commit(
    tools: dict[str, str], home: Path, cwd: Path, *args: str
) -> tuple[int, str]:
    env = _base_env()
    env["PRE_COMMIT_HOME"] = str(home)
    proc = _run([tools["pre-commit"], *args], cwd, env)
    output = f"$ pre-commit {' '.join(args)}  (in {cwd})\nexit code {proc.returncode}\n{proc.stdout}{proc.stderr}"
    log = home / "pre-commit.log"
    if proc.returncode not in (0, 1) and log.is_file():
        output += (
            f"\n--- {log} ---\n{log.read_text(encoding='utf-8', errors='replace')}"
        )
    if proc.returncode == 3 and any(m in output for m in _OFFLINE_MARKERS):
        pytest.skip(
            f"the package index is unreachable, so pre-commit cannot install the hook\n{output}"
        )
    return proc.returncode, output


def _try_repo(tools, home, consumer, hook_repo, *extra: str) -> tuple[int, str]:
    path, _commit = hook_repo
    return _pre_commit(
        tools, home, consumer, "try-repo", str(path), HOOK_ID, "--color=never", *extra
    )


def _assert_ran(output: str) -> None:
    """The hook ran on at least one file (pre-commit reports a hook with no files as Skipped)."""
    assert "no files to check" not in output, (
        f"the hook was not given any file:\n{output}"
    )


def _assert_flagged(code: int, output: str, filename: str) -> None:
    _assert_ran(output)
    assert code == 1, output
    assert "Failed" in output, output
    # dlreview exits 1 for findings; 2 would mean it could not analyse the file, and
    # a crash (which also exits 1) must not pass for a finding.
    assert "exit code: 1" in output, output
    assert "Traceback" not in output, output
    assert "DLR101" in output, output
    assert filename in output, output


def _assert_passed(code: int, output: str) -> None:
    assert code == 0, output
    assert "Passed" in output or "Skipped" in output, output
    assert "DLR101" not in output, output


# --------------------------------------------------------------------------- try-repo


def test_try_repo_fails_on_leaky_script(
    tools, hook_repo, pre_commit_home, tmp_path
) -> None:
    consumer = _init_repo(tools["git"], tmp_path / "consumer", {"leaky.py": LEAKY})
    code, output = _try_repo(tools, pre_commit_home, consumer, hook_repo, "--all-files")
    _assert_flagged(code, output, "leaky.py")


def test_try_repo_passes_clean_script(
    tools, hook_repo, pre_commit_home, tmp_path
) -> None:
    consumer = _init_repo(tools["git"], tmp_path / "consumer", {"clean.py": CLEAN})
    code, output = _try_repo(tools, pre_commit_home, consumer, hook_repo, "--all-files")
    _assert_ran(output)
    _assert_passed(code, output)
    assert "Passed" in output, output


# --------------------------------------------------------------------------- pinned in a config


def _notebook(*cells: str) -> str:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.validate(nb)
    return nbformat.writes(nb)


# The leak spread over two cells: the whole data set is standardised in the first
# cell, and only split in the second.
LEAKY_NOTEBOOK_CELLS = (
    """\
from sklearn.datasets import load_breast_cancer
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X = StandardScaler().fit_transform(X)""",
    """\
from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)""",
)

CLEAN_NOTEBOOK_CELLS = (
    """\
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)""",
    """\
from sklearn.preprocessing import StandardScaler

scaler = StandardScaler().fit(X_train)
X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)""",
)


@pytest.fixture(scope="module")
def project(tools, hook_repo, tmp_path_factory) -> Path:
    """A project pinning the snapshot in its .pre-commit-config.yaml (one env for all its runs)."""
    path, commit = hook_repo
    config = (
        f"repos:\n  - repo: {str(path)!r}\n    rev: {commit}\n"
        f"    hooks:\n      - id: {HOOK_ID}\n"
    )
    files = {
        ".pre-commit-config.yaml": config,
        "leaky_analysis.ipynb": _notebook(*LEAKY_NOTEBOOK_CELLS),
        "clean_analysis.ipynb": _notebook(*CLEAN_NOTEBOOK_CELLS),
        # The project excludes a folder of deliberately flawed demos ...
        "pyproject.toml": '[tool.dlreview]\nextend-exclude = ["demos"]\n',
        "demos/leaky_demo.py": LEAKY,
        # ... and has an extension-less script that pre-commit's `python` type matches by its shebang.
        "bin/train": "#!/usr/bin/env python3\n" + CLEAN,
    }
    return _init_repo(
        tools["git"],
        tmp_path_factory.mktemp("project"),
        files,
        executable=("bin/train",),
    )


def _run_hook(tools, home, project, *files: str) -> tuple[int, str]:
    return _pre_commit(
        tools, home, project, "run", HOOK_ID, "--color=never", "--files", *files
    )


def test_hook_catches_leak_across_notebook_cells(
    tools, pre_commit_home, project
) -> None:
    code, output = _run_hook(tools, pre_commit_home, project, "leaky_analysis.ipynb")
    _assert_flagged(code, output, "leaky_analysis.ipynb")


def test_hook_passes_clean_notebook(tools, pre_commit_home, project) -> None:
    code, output = _run_hook(tools, pre_commit_home, project, "clean_analysis.ipynb")
    _assert_ran(output)
    _assert_passed(code, output)


def test_hook_honours_configured_excludes(tools, pre_commit_home, project) -> None:
    """pre-commit names excluded files explicitly; the hook must still skip them (--force-exclude)."""
    code, output = _run_hook(tools, pre_commit_home, project, "demos/leaky_demo.py")
    _assert_passed(code, output)


def test_hook_tolerates_extensionless_python_script(
    tools, pre_commit_home, project
) -> None:
    """A shebang script is `python` to pre-commit; the hook must not fail on it as an unknown file."""
    code, output = _run_hook(tools, pre_commit_home, project, "bin/train")
    _assert_passed(code, output)
