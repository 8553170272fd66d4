"""``dlreview reproduce``: re-execute a study in the sandbox, run the experiments, and judge every reported value.

The experiments (each a *run*: all configured commands, in order, on the work copy reset to the original):

- ``published``: the code as it is, its own seeds; instrumented but not seeded.
- ``seeds``: N runs, seeds 0..N-1, in deterministic mode, seeds the code sets itself varied with the run's seed.
- ``determinism``: seed 0 once more; the metrics must equal those of the first seed run.
- ``label-shuffle``: seed 0 with the labels of every scikit-learn fit permuted (custom loops opt in through
  ``DLREVIEW_SHUFFLE_LABELS``): what the model reaches without signal.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import dlreview
from dlreview.config import ConfigError
from dlreview.manuscript.claims import Claim
from dlreview.reproduce import analysis
from dlreview.reproduce.config import ReproduceConfig, load_reproduce_config, python_from_config
from dlreview.reproduce.metrics import HOOK_DIR
from dlreview.reproduce.progress import Progress
from dlreview.reproduce.runner import Limits, WorkCopy, run_command

SCHEMA_VERSION = 1
OUTPUT_IN_RECORD = 4000  # characters of each stream's tail kept in the JSON record per command


class ReproduceError(Exception):
    """A problem the user can fix (bad option, missing interpreter, nothing to run); one line, exit status 2."""


@dataclass
class Options:
    manuscript: Path | None = None
    config_file: Path | None = None
    seeds: int | None = None
    device: str | None = None
    python: str | None = None
    install: bool = False
    timeout: float | None = None
    memory: int | None = None
    network: bool | None = None
    sandbox: str = "auto"
    experiments: tuple[str, ...] | None = None
    tolerance: float | None = None
    keep_work: bool = False


@dataclass
class Run:
    id: str
    experiment: str
    seed: int | None
    deterministic: bool
    vary_seeds: bool
    label_shuffle: bool


def reproduce(study: Path, options: Options, progress: Progress | None = None) -> dict:
    """Run the experiments on ``study`` and return the JSON record (documented in the README, "The JSON record")."""
    progress = progress or Progress(enabled=False)
    study = study.resolve()
    if not study.is_dir():
        raise ReproduceError(f"{study} is not a folder")
    try:
        config = load_reproduce_config(study, options.config_file)
    except ConfigError as exc:
        raise ReproduceError(str(exc)) from None
    config = _with_options(config, options)
    claims = list(config.claims) + _manuscript_claims(options.manuscript)
    original_state = _tree_signature(study)
    work = Path(tempfile.mkdtemp(prefix="dlreview-reproduce-"))
    try:
        record = _reproduce(study, config, claims, options, work, progress, original_state)
        record["study"]["work_folder"] = str(work) if options.keep_work else None
        return record
    finally:
        progress.close()
        if not options.keep_work:
            shutil.rmtree(work, ignore_errors=True)


def _with_options(config: ReproduceConfig, options: Options) -> ReproduceConfig:
    changes = {"seeds": options.seeds, "device": options.device, "timeout": options.timeout, "memory": options.memory,
               "network": options.network, "experiments": options.experiments, "tolerance": options.tolerance}
    return replace(config, **{key: value for key, value in changes.items() if value is not None})


def _manuscript_claims(path: Path | None) -> list[Claim]:
    if path is None:
        return []
    if not path.is_file():
        raise ReproduceError(f"--manuscript {path} does not exist")
    try:
        from dlreview.manuscript import extract_claims
    except ImportError:
        raise ReproduceError("--manuscript needs the manuscript review (dlreview.manuscript.extract_claims), which "
                             "this installation of dlreview does not have") from None
    from dlreview.manuscript import ManuscriptError

    try:
        return list(extract_claims(path))
    except (OSError, ValueError, ManuscriptError) as exc:
        raise ReproduceError(f"--manuscript {path}: {exc}") from None


def _reproduce(study: Path, config: ReproduceConfig, claims: list[Claim], options: Options, work: Path,
               progress: Progress, original_state: dict) -> dict:
    (work / "records").mkdir()
    copy = WorkCopy(study, work / "study", config.copy_exclude)
    workdir = (copy.target / config.workdir).resolve()
    python, installed = _interpreter(config, options, copy.target, work, progress)
    gpus = _gpus()
    device = _device(config.device, gpus)
    argvs = [_argv(command, python, workdir, copy.target) for command in config.commands]
    if any(argv[:3] == [sys.executable, "-m", "dlreview.reproduce.notebook"] for argv in argvs):
        _check_notebook_support(python)
    plan = _plan(config)
    if not plan:
        raise ReproduceError("no experiment to run (--experiments is empty)")
    limits = Limits(timeout=config.timeout, memory=config.memory, network=config.network,
                    output_limit=config.output_limit, sandbox=options.sandbox, rlimit_data=device == "cpu")
    runs, records = [], {}
    for number, run in enumerate(plan, 1):
        restored = copy.reset() if number > 1 else []
        _scratch(work, python)   # HOME, TMPDIR and the interpreter shim as new for every run: no state carried over
        progress.start_run(f"[{number}/{len(plan)}] {run.id}")
        result, record = _execute(run, config, argvs, python, device, limits, work, copy.target, workdir, progress)
        result["copy_reused"] = not restored
        result["copy_restored_paths"] = len(restored)
        runs.append(result)
        records[run.id] = record
        progress.message(f"{run.id}: {result['status']} in {result['duration_s']:.1f}s")
        if run.id == "published" and result["status"] != "ok" and not config.continue_after_failure:
            progress.message("the published run failed: the other experiments are not run")
            break
    isolation = _isolation(runs, limits, original_state, study)
    return _record(study, config, claims, options, runs, records, python, installed, device, gpus, isolation)


# -- interpreter, device, commands ---------------------------------------------------------------------------------
def _interpreter(config: ReproduceConfig, options: Options, copy: Path, work: Path,
                 progress: Progress) -> tuple[str, dict | None]:
    python = options.python or python_from_config(config) or sys.executable
    if options.python and not Path(options.python).exists() and shutil.which(options.python):
        python = shutil.which(options.python)
    where = "--python" if options.python else "the configured python" if python_from_config(config) else "python"
    if not Path(python).exists():
        raise ReproduceError(f"{where} {python} does not exist")
    version = _python_version(python, where)
    if version < (3, 8):
        raise ReproduceError(f"--python {python} is Python {version[0]}.{version[1]}; the instrumentation needs 3.8+")
    if not options.install:
        return python, None
    return _install(python, config, copy, work, progress)


def _python_version(python: str, where: str = "--python") -> tuple[int, int]:
    try:
        done = subprocess.run([python, "-I", "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True,
                              text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReproduceError(f"{where} {python} cannot be run: {exc}") from None
    version = re.fullmatch(r"\s*(\d+) (\d+)\s*", done.stdout)
    if done.returncode != 0 or version is None:
        last = (done.stderr.strip().splitlines() or ["it printed no Python version"])[-1]
        raise ReproduceError(f"{where} {python} is not a Python interpreter that dlreview can use: {last}")
    return int(version.group(1)), int(version.group(2))


def _install(base: str, config: ReproduceConfig, copy: Path, work: Path, progress: Progress) -> tuple[str, dict]:
    """A fresh virtual environment with the study's pinned requirements, built outside the sandbox (it needs the
    package index); notebooks add ipykernel."""
    requirements = copy / config.requirements
    if not requirements.is_file():
        raise ReproduceError(f"--install needs {config.requirements} in the study (set `requirements` in "
                             f"[tool.dlreview.reproduce] to use another file)")
    venv = work / "venv"
    progress.start_run("creating the virtual environment")
    _step([base, "-m", "venv", str(venv)], "python -m venv")
    python = str(venv / "bin" / "python")
    packages = ["-r", str(requirements)]
    if any(command.split()[0].endswith(".ipynb") for command in config.commands):
        packages.append("ipykernel")
    progress.start_run(f"installing {config.requirements}")
    _step([python, "-m", "pip", "install", "--disable-pip-version-check", "-q", *packages],
          f"pip install -r {config.requirements}")
    lines = [line.strip() for line in requirements.read_text(encoding="utf-8", errors="replace").splitlines()]
    requirements_lines = [line for line in lines if line and not line.startswith(("#", "-"))]
    unpinned = [line for line in requirements_lines if "==" not in line and " @ " not in line]
    freeze = subprocess.run([python, "-m", "pip", "freeze"], capture_output=True, text=True, check=False).stdout
    return python, {"venv": "fresh", "requirements": config.requirements, "unpinned": unpinned,
                    "installed": sorted(line for line in freeze.splitlines() if line)}


def _step(argv: list[str], what: str) -> None:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ReproduceError(f"--install: {what} failed: {exc}") from None
    if done.returncode != 0:
        last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["no output"]
        raise ReproduceError(f"--install: {what} failed: {last[0]}")


def _gpus() -> list[dict]:
    """The host's NVIDIA GPUs (name, driver, memory), from nvidia-smi; empty without one."""
    tool = shutil.which("nvidia-smi")
    if tool is None:
        return []
    try:
        done = subprocess.run([tool, "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"],
                              capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    gpus = []
    for line in done.stdout.splitlines() if done.returncode == 0 else []:
        parts = [part.strip() for part in line.split(",")]
        if len(parts) == 3:
            gpus.append({"name": parts[0], "driver": parts[1], "memory": parts[2]})
    return gpus


def _device(requested: str, gpus: list[dict]) -> str:
    if requested == "cuda" and not gpus:
        raise ReproduceError("--device cuda, but no CUDA device was found (nvidia-smi lists none); use --device "
                             "auto or cpu")
    if requested == "auto":
        return "cuda" if gpus else "cpu"
    return requested


def _scratch(work: Path, python: str) -> None:
    for name in ("tmp", "home", "bin"):
        shutil.rmtree(work / name, ignore_errors=True)
        (work / name).mkdir()
    _shim(work / "bin", python)


def _shim(folder: Path, python: str) -> None:
    """``python`` and ``python3`` on the runs' PATH are the study's interpreter (scripts that call ``python``)."""
    for name in ("python", "python3"):
        path = folder / name
        path.write_text(f"#!/bin/sh\nexec {shlex.quote(python)} \"$@\"\n", encoding="utf-8")
        path.chmod(0o755)


def _argv(command: str, python: str, workdir: Path, copy: Path) -> list[str]:
    parts = shlex.split(command)
    first = parts[0]
    if re.fullmatch(r"python(3(\.\d+)?)?", first):
        parts = [python, *parts[1:]]
        script = next((part for part in parts[1:] if not part.startswith("-")), None)
        if script and script.endswith(".py") and "-m" not in parts and "-c" not in parts:
            _require_file(workdir / script, command, copy)
        return parts
    if first.endswith(".py"):
        _require_file(workdir / first, command, copy)
        return [python, *parts]
    if first.endswith(".ipynb"):
        _require_file(workdir / first, command, copy)
        executed = copy.parent / "records" / "notebooks" / (Path(first).stem + ".executed.ipynb")
        return [sys.executable, "-m", "dlreview.reproduce.notebook", first, python, str(executed)]
    return parts


def _require_file(path: Path, command: str, copy: Path) -> None:
    if not path.is_file():
        shown = os.path.relpath(path, copy)
        raise ReproduceError(f"command {command!r}: {shown} does not exist in the study")


def _check_notebook_support(python: str) -> None:
    if importlib.util.find_spec("nbclient") is None:
        raise ReproduceError("running a notebook needs nbclient: pip install 'dlreview[reproduce]'")
    done = subprocess.run([python, "-c", "import ipykernel"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ReproduceError(f"running a notebook needs ipykernel in the study's environment ({python}); install "
                             f"it there, or use --install")


def _plan(config: ReproduceConfig) -> list[Run]:
    plan = []
    wanted = config.experiments
    if "published" in wanted:
        plan.append(Run("published", "published", None, False, False, False))
    seeds = config.seeds if "seeds" in wanted else 0
    for seed in range(seeds):
        plan.append(Run(f"seed-{seed}", "seeds", seed, config.deterministic, config.vary_seeds, False))
    if "determinism" in wanted:
        if not seeds:
            plan.append(Run("seed-0", "determinism", 0, config.deterministic, config.vary_seeds, False))
        plan.append(Run("seed-0-repeat", "determinism", 0, config.deterministic, config.vary_seeds, False))
    if "label-shuffle" in wanted:
        for seed in range(config.label_shuffle_runs or max(config.seeds, 1)):
            plan.append(Run(f"label-shuffle-{seed}", "label-shuffle", seed, config.deterministic, config.vary_seeds,
                            True))
    return plan


# -- one run -------------------------------------------------------------------------------------------------------
def _environment(run: Run, config: ReproduceConfig, python: str, device: str, work: Path, copy: Path,
                 record: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "DLREVIEW_", "VIRTUAL_ENV", "CONDA_PREFIX", "JUPYTER", "IPYTHON"))}
    extra = dict(config.env)
    study_path = extra.pop("PYTHONPATH", "")
    env.update(extra)
    env.update({
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HOOK_DIR), study_path])),
        "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
        "PATH": os.pathsep.join([str(work / "bin"), str(Path(python).parent), env.get("PATH", os.defpath)]),
        "HOME": str(work / "home"), "TMPDIR": str(work / "tmp"), "XDG_CACHE_HOME": str(work / "home" / ".cache"),
        "MPLCONFIGDIR": str(work / "tmp" / "matplotlib"), "MPLBACKEND": "Agg",
        "DLREVIEW_RECORD": str(record), "DLREVIEW_ROOT": str(copy), "DLREVIEW_DEVICE": device,
        "DLREVIEW_SEED": "" if run.seed is None else str(run.seed),
        "DLREVIEW_VARY_SEEDS": "1" if run.vary_seeds else "0",
        "DLREVIEW_DETERMINISTIC": "1" if run.deterministic else "0",
        "DLREVIEW_SHUFFLE_LABELS": "1" if run.label_shuffle else "0",
        "DLREVIEW_NETWORK": "1" if config.network else "0",
    })
    if Path(python).parent.joinpath("activate").is_file():
        env["VIRTUAL_ENV"] = str(Path(python).parent.parent)
    if run.seed is not None:
        env["PYTHONHASHSEED"] = str(run.seed)
    if run.deterministic:
        env.update(CUBLAS_WORKSPACE_CONFIG=":4096:8", TF_DETERMINISTIC_OPS="1", TF_CUDNN_DETERMINISTIC="1")
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def _execute(run: Run, config: ReproduceConfig, argvs: list[list[str]], python: str, device: str, limits: Limits,
             work: Path, copy: Path, workdir: Path, progress: Progress) -> tuple[dict, analysis.RunRecord]:
    record_path = work / "records" / f"{run.id}.jsonl"
    env = _environment(run, config, python, device, work, copy, record_path)
    deadline = time.monotonic() + limits.timeout
    commands, outputs, status, started = [], [], "ok", time.monotonic()
    for command, argv in zip(config.commands, argvs):
        command_env = dict(env, DLREVIEW_HOOK_SKIP="1") if argv[0] == sys.executable and \
            argv[1:3] == ["-m", "dlreview.reproduce.notebook"] else env
        result = run_command(argv, cwd=workdir, env=command_env, work=work, limits=limits, deadline=deadline,
                             on_line=progress.output)
        outputs.append(result.stdout + "\n" + result.stderr)
        commands.append({"command": command, "argv": argv, "status": result.status, "exit_code": result.exit_code,
                         "duration_s": round(result.duration, 3), "peak_rss_bytes": result.peak_rss,
                         "stdout_tail": result.stdout[-OUTPUT_IN_RECORD:],
                         "stderr_tail": result.stderr[-OUTPUT_IN_RECORD:], "output_truncated": result.output_truncated,
                         "last_line": result.last_line, "isolation": result.isolation})
        if result.status != "ok":
            status = result.status
            break
    events = analysis.read_events(record_path)
    measurements = analysis.hook_measurements(events)
    for name in config.metrics_files:
        measurements.extend(analysis.file_measurements(workdir / name, name))
    if config.metrics_pattern is not None:
        measurements.extend(analysis.pattern_measurements(config.metrics_pattern, "\n".join(outputs)))
    for index, measurement in enumerate(measurements):
        measurement.index = index
    result = {
        "id": run.id, "experiment": run.experiment, "seed": run.seed, "deterministic": run.deterministic,
        "vary_seeds": run.vary_seeds, "label_shuffle": run.label_shuffle, "status": status,
        "duration_s": round(time.monotonic() - started, 3), "commands": commands,
        "metrics": [m.to_dict() for m in measurements],
        "seeds_remapped": [{k: e.get(k) for k in ("kind", "given", "used")} for e in events
                           if e["event"] == "seed_remapped"],
        "network_blocked": sorted({e.get("address") for e in events if e["event"] == "network_blocked"}),
        "hook_errors": [{k: e.get(k) for k in ("where", "message")} for e in events if e["event"] == "error"],
        "labels_shuffled": [e.get("estimator") for e in events if e["event"] == "labels_shuffled"],
        "shuffle_opted_in": any(e["event"] == "shuffle_opt_in" for e in events),
    }
    return result, analysis.RunRecord(events=events, measurements=measurements)


# -- the record ----------------------------------------------------------------------------------------------------
def _isolation(runs: list[dict], limits: Limits, original_state: dict, study: Path) -> dict:
    reports = [command["isolation"] for run in runs for command in run["commands"] if command["isolation"]]
    first = reports[0] if reports else {}
    filesystem = first.get("filesystem", [])
    network = first.get("network", [])
    notes = list(dict.fromkeys(note for report in reports for note in report.get("notes", [])))
    if any(report.get("filesystem") != filesystem or report.get("network") != network for report in reports):
        notes.append("isolation differed between commands; the weakest is reported")
        filesystem = min((r.get("filesystem", []) for r in reports), key=len)
        network = min((r.get("network", []) for r in reports), key=len)
    return {
        "sandbox": limits.sandbox,
        "copy": True,
        "original_unchanged": _tree_signature(study) == original_state,
        "process_group": "own session; the whole process tree is killed at the end of each command",
        "namespaces": first.get("namespaces", []),
        "pid_namespace": bool(first.get("pid_namespace")),
        "filesystem": filesystem,
        "filesystem_enforced": bool(filesystem),
        "network": "allowed" if limits.network else (network or ["advisory Python socket guard only"]),
        "network_enforced": (not limits.network) and bool(network),
        "wall_clock_limit_s": limits.timeout,
        "memory_limit_bytes": limits.memory,
        "memory": [*first.get("memory", []), "rss-watchdog"],
        "output_limit_bytes": limits.output_limit,
        "landlock_abi": first.get("landlock_abi"),
        "notes": notes,
    }


def _tree_signature(root: Path) -> dict:
    """Paths with size and modification time: compared before and after to show the original was not written."""
    signature = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            signature[os.path.relpath(path, root)] = (info.st_size, info.st_mtime_ns)
    return signature


def _record(study: Path, config: ReproduceConfig, claims: list[Claim], options: Options, runs: list[dict],
            records: dict[str, analysis.RunRecord], python: str, installed: dict | None, device: str,
            gpus: list[dict], isolation: dict) -> dict:
    by_id = {run["id"]: run for run in runs}
    published = records.get("published")
    seed_ids = [run["id"] for run in runs if run["experiment"] == "seeds"]
    tolerance = config.tolerance
    verdicts = []
    for claim in claims:
        selector = analysis.selector_for(claim, config.models)
        chosen = analysis.select(claim, selector, published.measurements) if published and \
            by_id["published"]["status"] == "ok" else None
        seed_values = []
        for run_id in seed_ids:
            if by_id[run_id]["status"] == "ok":
                picked = analysis.select(claim, selector, records[run_id].measurements).measurement
                if picked is not None:
                    seed_values.append(picked.value)
        seeds = analysis.summary(seed_values)
        claim_tolerance = claim.extra.get("tolerance", tolerance) if claim.extra else tolerance
        entry = {"claim": _claim_dict(claim), "tolerance": claim_tolerance,
                 **analysis.verdict(claim, chosen.measurement.value if chosen and chosen.measurement else None,
                                    seeds, claim_tolerance),
                 "selected": chosen.measurement.to_dict() if chosen and chosen.measurement else None,
                 "selection": chosen.how if chosen else None, "candidates": chosen.candidates if chosen else 0,
                 "ambiguous": bool(chosen and chosen.ambiguous), "seeds": seeds}
        if entry["verdict"] == "not_computed":
            entry["reason"] = _not_computed_reason(by_id, chosen)
        shuffled = [analysis.select(claim, selector, records[run["id"]].measurements).measurement
                    for run in runs if run["experiment"] == "label-shuffle" and run["status"] == "ok"]
        shuffle_runs = [run for run in runs if run["experiment"] == "label-shuffle"]
        if shuffle_runs:
            applied = any(run["labels_shuffled"] or run.get("shuffle_opted_in") for run in shuffle_runs)
            entry["label_shuffle"] = analysis.shuffle_control(
                claim, [m for m in shuffled if m is not None],
                [records[run["id"]].measurements for run in shuffle_runs], applied=applied)
        verdicts.append(entry)
    determinism = None
    if "seed-0-repeat" in records:
        first, again = records.get("seed-0"), records["seed-0-repeat"]
        if first is not None and by_id["seed-0"]["status"] == "ok" and by_id["seed-0-repeat"]["status"] == "ok":
            determinism = {"seed": 0, **analysis.compare_runs(first.measurements, again.measurements)}
        else:
            determinism = {"seed": 0, "identical": None, "compared": 0, "differences": [],
                           "note": "a run of the check failed"}
    leak_source = published or next(iter(records.values()))
    counts = {name: sum(1 for v in verdicts if v["verdict"] == name) for name in analysis.VERDICTS}
    environment = _environment_record(records, python, installed, device, gpus, config.device)
    return {
        "tool": {"name": "dlreview", "version": dlreview.__version__, "schema": SCHEMA_VERSION},
        "study": {"path": str(study), "config_file": str(config.config_file) if config.config_file else None,
                  "commands": config.commands, "default_command": config.default_command, "workdir": config.workdir,
                  "manuscript": str(options.manuscript) if options.manuscript else None},
        "settings": {"seeds": config.seeds if "seeds" in config.experiments else 0,
                     "label_shuffle_runs": sum(1 for run in runs if run["experiment"] == "label-shuffle"),
                     "experiments": list(config.experiments), "deterministic": config.deterministic,
                     "vary_seeds": config.vary_seeds, "tolerance": tolerance, "network": config.network,
                     "timeout_s": config.timeout, "memory_bytes": config.memory,
                     "device": {"requested": config.device, "used": device}},
        "isolation": isolation,
        "environment": environment,
        "runs": runs,
        "claims": verdicts,
        "determinism": determinism,
        "leakage": analysis.leakage(leak_source.events),
        "summary": {**counts, "claims": len(verdicts),
                    "published_run": by_id["published"]["status"] if "published" in by_id else None,
                    "failed_runs": [run["id"] for run in runs if run["status"] != "ok"],
                    "deterministic": determinism["identical"] if determinism else None},
    }


def _not_computed_reason(by_id: dict, chosen) -> str:
    published = by_id.get("published")
    if published is not None and published["status"] != "ok":
        return f"the published run ended with status {published['status']}"
    if not any(run["experiment"] in ("published", "seeds", "determinism") for run in by_id.values()):
        return "no run with the real labels (the experiments run were label-shuffle only)"
    if chosen is not None and chosen.candidates:
        return f"no value selected ({chosen.how})"
    return "the code never computed this metric in a way dlreview can see (scikit-learn, torchmetrics, scipy, a " \
           "metrics file or the metrics pattern)"


def _claim_dict(claim: Claim) -> dict:
    data = claim.to_dict()
    selector = claim.extra.get("selector") if claim.extra else None
    if selector is not None:
        data["select"] = {"at": selector.at, "key": selector.key, "occurrence": selector.occurrence}
    return data


def _environment_record(records: dict, python: str, installed: dict | None, device: str, gpus: list[dict],
                        requested: str) -> dict:
    events = [event for record in records.values() for event in record.events]
    first = next((event for event in events if event["event"] == "environment"), {})
    torch = next((event for event in events if event["event"] == "torch"), None)
    tensorflow = next((event for event in events if event["event"] == "tensorflow"), None)
    exits = [event for event in events if event["event"] == "exit"]
    cuda_used = any(event.get("cuda_used") for event in exits)
    strip = ("event", "pid", "seq", "_index")
    return {
        "interpreter": python,
        "python": first.get("python"), "implementation": first.get("implementation"),
        "executable": first.get("executable"), "prefix": first.get("prefix"), "platform": first.get("platform"),
        "machine": first.get("machine"), "cpu": first.get("cpu"), "cpu_count": first.get("cpu_count"),
        "packages": first.get("packages", {}),
        "torch": {k: v for k, v in torch.items() if k not in strip} if torch else None,
        "tensorflow": {k: v for k, v in tensorflow.items() if k not in strip} if tensorflow else None,
        "gpus": gpus,
        "device": {"requested": requested, "used": device, "cuda_used_by_the_code": cuda_used,
                   "gpus_used": sorted({name for event in exits for name in event.get("gpus", [])})},
        "install": installed,
        "dlreview": dlreview.__version__,
    }
