"""The built wheel works on its own, away from the source tree.

The rule texts live in the top-level ``rules/`` folder and reach the wheel only
through hatch's force-include (``rules`` -> ``dlreview/_rules``).  Run from the
source tree the package falls back to ``rules/``, so a broken mapping would go
unnoticed by every other test.  This test builds the wheel, installs it into a
fresh virtual environment and runs the installed ``dlreview`` from a directory
outside the source tree, where that fallback cannot help.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import CLEAN, LEAKY, run_command

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600  # seconds, for every subprocess




def _run(cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run_command(cmd, cwd, env, TIMEOUT)


def _show(proc: subprocess.CompletedProcess) -> str:
    args = " ".join(map(str, proc.args))
    return f"$ {args}\nexit code {proc.returncode}\n--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"


def _rule_ids() -> list[str]:
    return sorted(p.stem for p in (REPO_ROOT / "rules").glob("*.toml"))


def _source_version() -> str:
    text = (REPO_ROOT / "dlreview" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    assert match, "dlreview/__init__.py defines no __version__"
    return match.group(1)


def _isolated_env() -> dict[str, str]:
    """The environment minus anything that could point Python back at the source tree."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "PYTHONPATH",
            "PYTHONHOME",
            "PYTHONSTARTUP",
            "PYTHONSAFEPATH",
            "VIRTUAL_ENV",
        }
    }
    env["PYTHONNOUSERSITE"] = "1"
    env["NO_COLOR"] = "1"
    return env


# --------------------------------------------------------------------------- wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build one wheel from the working tree (offline when hatchling is importable here)."""
    if importlib.util.find_spec("pip") is None:
        pytest.skip("pip is not available to the running interpreter")
    offline = importlib.util.find_spec("hatchling") is not None
    out = tmp_path_factory.mktemp("wheelhouse")
    if importlib.util.find_spec("build") is not None:
        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", out]
        if offline:
            cmd.append("--no-isolation")
        cmd.append(REPO_ROOT)
    else:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", out]
        if offline:
            cmd.append("--no-build-isolation")
        cmd.append(REPO_ROOT)
    proc = _run(cmd, cwd=out)
    assert proc.returncode == 0, f"building the wheel failed\n{_show(proc)}"
    wheels = sorted(out.glob("dlreview-*.whl"))
    assert len(wheels) == 1, (
        f"expected one dlreview wheel in {out}, found {wheels}\n{_show(proc)}"
    )
    return wheels[0]


def test_wheel_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next(
            (n for n in names if n.endswith(".dist-info/entry_points.txt")), None
        )
        scripts = zf.read(entry_points).decode() if entry_points else ""

    listing = "\n".join(sorted(names))
    for required in (
        "dlreview/__init__.py",
        "dlreview/cli.py",
        "dlreview/_rules/DLR101.toml",
        "dlreview/data/sklearn_api.json",
    ):
        assert required in names, f"{required} missing from {wheel.name}:\n{listing}"

    # Every rule text in the source tree is shipped, and only under dlreview/_rules.
    rule_ids = _rule_ids()
    assert rule_ids, "no rules/*.toml in the source tree"
    missing = [r for r in rule_ids if f"dlreview/_rules/{r}.toml" not in names]
    assert not missing, f"rule files missing from the wheel: {missing}\n{listing}"
    stray = sorted(n for n in names if n.startswith("rules/"))
    assert not stray, (
        f"rule files at the wheel's top level instead of dlreview/_rules: {stray}"
    )

    assert re.search(
        r"^dlreview\s*=\s*dlreview\.cli:main\s*$", scripts, re.MULTILINE
    ), f"no dlreview console script in the wheel's entry_points.txt:\n{scripts}"


# --------------------------------------------------------------------------- installed


def _unmet_requirements(wheel: Path) -> list[str]:
    """Requires-Dist entries of the wheel that the running environment does not satisfy."""
    requirements = pytest.importorskip("packaging.requirements")
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = zf.read(meta_name).decode()
    unmet = []
    for line in metadata.splitlines():
        if not line.startswith("Requires-Dist:"):
            continue
        req = requirements.Requirement(line.split(":", 1)[1].strip())
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue  # an optional extra, or another Python's dependency
        try:
            have = importlib.metadata.version(req.name)
        except importlib.metadata.PackageNotFoundError:
            unmet.append(f"{req} (not installed)")
            continue
        if not req.specifier.contains(have, prereleases=True):
            unmet.append(f"{req} (have {have})")
    return unmet


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh venv with the wheel installed --no-deps; dependencies come from this environment."""
    unmet = _unmet_requirements(wheel)
    if unmet:
        pytest.skip(
            f"the running environment lacks dlreview's dependencies (installed offline from it): {unmet}"
        )

    base = tmp_path_factory.mktemp("installed")
    venv_dir = base / "venv"
    proc = _run(
        [sys.executable, "-m", "venv", "--system-site-packages", venv_dir], cwd=base
    )
    if proc.returncode != 0 and "ensurepip" in proc.stdout + proc.stderr:
        pytest.skip(
            f"venv cannot bootstrap pip here (ensurepip missing)\n{_show(proc)}"
        )
    assert proc.returncode == 0, _show(proc)

    bindir = venv_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    env = _isolated_env()

    # --system-site-packages exposes the *base* interpreter's site-packages.  When
    # this test itself runs in a virtualenv (the usual case), the dependencies live
    # in that virtualenv instead, so list its site directories in a .pth file.  Paths
    # named in a .pth file are appended after the venv's own site-packages, and .pth
    # files inside them are not processed, so an editable install of dlreview there
    # cannot shadow the wheel (the guard below checks that anyway).
    proc = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=base,
        env=env,
    )
    assert proc.returncode == 0, _show(proc)
    venv_site = Path(proc.stdout.strip())
    running_site = dict.fromkeys(
        sysconfig.get_paths()[k] for k in ("purelib", "platlib")
    )
    (venv_site / "_dlreview_test_running_env.pth").write_text(
        "".join(f"{p}\n" for p in running_site), encoding="utf-8"
    )

    proc = _run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", wheel],
        cwd=base,
        env=env,
    )
    assert proc.returncode == 0, f"installing the wheel failed\n{_show(proc)}"

    exe = bindir / ("dlreview.exe" if os.name == "nt" else "dlreview")
    assert exe.exists(), f"the wheel installed no dlreview console script into {bindir}"

    workdir = base / "elsewhere"
    workdir.mkdir()
    assert REPO_ROOT not in workdir.resolve().parents, (
        "temporary directory lies inside the source tree"
    )
    (workdir / "leaky.py").write_text(LEAKY, encoding="utf-8")
    (workdir / "clean.py").write_text(CLEAN, encoding="utf-8")
    return {"venv": venv_dir, "python": python, "dlreview": exe, "cwd": workdir}


def _dlreview(installed: dict[str, Path], *args: str) -> subprocess.CompletedProcess:
    return _run(
        [installed["dlreview"], *args], cwd=installed["cwd"], env=_isolated_env()
    )


def test_installed_package_is_the_wheel(installed: dict[str, Path]) -> None:
    """Guard: the venv must import dlreview from its own site-packages, never the source tree."""
    proc = _run(
        [installed["python"], "-c", "import dlreview; print(dlreview.__file__)"],
        cwd=installed["cwd"],
        env=_isolated_env(),
    )
    assert proc.returncode == 0, _show(proc)
    pkg = Path(proc.stdout.strip().splitlines()[-1]).resolve().parent
    venv = installed["venv"].resolve()
    assert venv in pkg.parents, (
        f"dlreview imported from {pkg}, not from the new venv {venv}"
    )
    assert REPO_ROOT not in pkg.parents and pkg != REPO_ROOT / "dlreview", pkg
    assert (pkg / "_rules" / "DLR101.toml").is_file(), (
        f"no _rules/DLR101.toml in the installed {pkg}"
    )
    assert (pkg / "data" / "sklearn_api.json").is_file(), (
        f"no data/sklearn_api.json in the installed {pkg}"
    )
    # The source-tree fallback (<package>/../rules) must not exist next to the installed package.
    assert not (pkg.parent / "rules").exists(), (
        f"{pkg.parent / 'rules'} exists; the test could not tell the two apart"
    )


def test_installed_version(installed: dict[str, Path]) -> None:
    proc = _dlreview(installed, "--version")
    assert proc.returncode == 0, _show(proc)
    assert _source_version() in proc.stdout, _show(proc)


def test_installed_rules_table(installed: dict[str, Path]) -> None:
    proc = _dlreview(installed, "rules")
    assert proc.returncode == 0, _show(proc)
    missing = [r for r in _rule_ids() if r not in proc.stdout]
    assert not missing, f"`dlreview rules` does not list {missing}\n{_show(proc)}"


def test_installed_rule_docs(installed: dict[str, Path]) -> None:
    proc = _dlreview(installed, "rule", "DLR101")
    assert proc.returncode == 0, _show(proc)
    assert "DLR101" in proc.stdout, _show(proc)
    # The documentation printed comes from the shipped TOML: its title shows up.
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        tomllib = pytest.importorskip("tomli")
    doc = tomllib.loads(
        (REPO_ROOT / "rules" / "DLR101.toml").read_text(encoding="utf-8")
    )
    shown = " ".join(proc.stdout.split())
    titles = [
        v
        for k, v in doc.items()
        if k in {"title", "name", "summary"} and isinstance(v, str)
    ]
    assert titles, f"rules/DLR101.toml has no title/name/summary string: {sorted(doc)}"
    assert any(" ".join(t.split()) in shown for t in titles), (
        f"none of {titles} in\n{_show(proc)}"
    )


def test_installed_check_flags_leak(installed: dict[str, Path]) -> None:
    proc = _dlreview(installed, "check", "leaky.py")
    assert proc.returncode == 1, _show(proc)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, _show(proc)  # a crash also exits 1
    assert "DLR101" in out and "leaky.py" in out, _show(proc)


def test_installed_check_passes_clean(installed: dict[str, Path]) -> None:
    proc = _dlreview(installed, "check", "clean.py")
    assert proc.returncode == 0, _show(proc)
    assert "DLR101" not in proc.stdout + proc.stderr, _show(proc)
