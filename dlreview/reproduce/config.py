"""``[tool.dlreview.reproduce]`` in the study's ``pyproject.toml`` (or ``[reproduce]`` in its ``dlreview.toml``).

Every key changes behaviour and has a test; an unknown key is an error. See ``CONFIG.md`` beside this file.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from dlreview.config import ConfigError, read_toml
from dlreview.manuscript.claims import Claim
from dlreview.reproduce.metrics import ClaimError, config_claim

EXPERIMENTS = ("published", "seeds", "determinism", "label-shuffle")
DEVICES = ("auto", "cpu", "cuda")
SELECTOR_KEYS = ("at", "key", "occurrence")
CLAIM_KEYS = ("metric", "value", "model", "split", "tolerance", *SELECTOR_KEYS)
DEFAULT_COPY_EXCLUDE = (".git", ".hg", ".svn", ".venv", ".tox", ".nox", "__pycache__",
                        ".ipynb_checkpoints", ".dlreview_cache", ".mypy_cache", ".pytest_cache", ".ruff_cache",
                        "*.pyc")
KNOWN_KEYS = {
    "command": "the command or list of commands that train and evaluate (a .py or .ipynb path, or a command line)",
    "workdir": "folder the commands run in, relative to the study (default: the study's folder)",
    "timeout": "wall-clock limit of one run, seconds or \"90s\", \"20m\", \"2h\" (default: 1h)",
    "memory": "memory limit of one run, bytes or \"512M\", \"8G\" (default: 8G)",
    "network": "allow network access during the runs (default: false)",
    "seeds": "number of seeds of the seed experiment (default: 3)",
    "label-shuffle-runs": "runs of the label-shuffle control, each with another permutation (default: as many as "
                          "seeds, at least 1)",
    "device": "auto, cpu or cuda (default: auto)",
    "deterministic": "deterministic mode in the seeded runs (default: true)",
    "continue-after-failure": "run the other experiments when the published run fails (default: false)",
    "vary-seeds": "in the seed experiment, vary the seeds the code sets itself too (default: true)",
    "experiments": "which of published, seeds, determinism, label-shuffle to run (default: all)",
    "tolerance": "absolute tolerance added to the reporting precision (default: 0)",
    "metrics-file": "JSON or CSV file(s) the code writes its metrics to, relative to the workdir",
    "metrics-pattern": "regular expression on the output with named groups value and metric (or key)",
    "claims": "reported values: [[claims]] tables with metric, value and optional model, split, at, key, "
              "occurrence, tolerance",
    "models": "table of model name (as the paper writes it) -> {at, key, occurrence}: which recorded value a "
              "claim about that model refers to",
    "python": "interpreter of the study's own environment (default: the one running dlreview)",
    "requirements": "requirements file for --install (default: requirements.txt)",
    "env": "table of environment variables set for the runs",
    "output-limit": "bytes of each command's output kept, head and tail (default: 1048576)",
    "copy-exclude": "names or glob patterns not copied into the sandbox (default: version control, virtual "
                    "environments, caches)",
}


@dataclass
class Selector:
    """Which recorded value a claim refers to (see ``select`` in analysis.py)."""

    at: str | None = None
    key: str | None = None
    occurrence: str | int = "last"


@dataclass
class ReproduceConfig:
    root: Path
    config_file: Path | None = None
    commands: list[str] = field(default_factory=list)
    default_command: bool = False
    workdir: str = "."
    timeout: float = 3600.0
    memory: int = 8 * 1024**3
    network: bool = False
    seeds: int = 3
    label_shuffle_runs: int | None = None
    device: str = "auto"
    deterministic: bool = True
    vary_seeds: bool = True
    experiments: tuple[str, ...] = EXPERIMENTS
    tolerance: float = 0.0
    metrics_files: list[str] = field(default_factory=list)
    metrics_pattern: re.Pattern | None = None
    claims: list[Claim] = field(default_factory=list)
    models: dict[str, Selector] = field(default_factory=dict)
    python: str | None = None
    requirements: str = "requirements.txt"
    env: dict[str, str] = field(default_factory=dict)
    output_limit: int = 1024 * 1024
    copy_exclude: tuple[str, ...] = DEFAULT_COPY_EXCLUDE
    continue_after_failure: bool = False


def find_reproduce_config(study: Path) -> Path | None:
    """The study's own ``dlreview.toml`` or ``pyproject.toml`` with a ``[tool.dlreview.reproduce]`` table."""
    own = study / "dlreview.toml"
    if own.is_file():
        return own
    pyproject = study / "pyproject.toml"
    if pyproject.is_file() and "reproduce" in read_toml(pyproject).get("tool", {}).get("dlreview", {}):
        return pyproject
    return None


def load_reproduce_config(study: Path, config_file: Path | None = None) -> ReproduceConfig:
    study = study.resolve()
    config_file = config_file or find_reproduce_config(study)
    config = ReproduceConfig(root=study, config_file=config_file)
    table: dict = {}
    where = "configuration"
    if config_file is not None:
        data = read_toml(config_file)
        if config_file.name == "dlreview.toml":
            table, where = data.get("reproduce", {}), f"{config_file} [reproduce]"
        else:
            table, where = data.get("tool", {}).get("dlreview", {}).get("reproduce", {}), \
                f"{config_file} [tool.dlreview.reproduce]"
        if not isinstance(table, dict):
            raise ConfigError(f"{where} must be a table")
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                          f"known keys: {', '.join(KNOWN_KEYS)}")
    _apply(config, table, where)
    if not config.commands:
        config.commands = [default_command(study, config.workdir)]
        config.default_command = True
    return config


def _apply(config: ReproduceConfig, table: dict, where: str) -> None:
    if "command" in table:
        config.commands = _strings(table["command"], "command", where)
        if not config.commands or not all(command.strip() for command in config.commands):
            raise ConfigError(f"{where}: command must not be empty")
        for command in config.commands:
            try:
                shlex.split(command)
            except ValueError as exc:
                raise ConfigError(f"{where}: command {command!r}: {exc}") from None
    if "workdir" in table:
        config.workdir = _string(table["workdir"], "workdir", where)
        folder = (config.root / config.workdir).resolve()
        if not folder.is_dir() or not folder.is_relative_to(config.root):
            raise ConfigError(f"{where}: workdir {config.workdir!r} is not a folder inside the study")
    if "timeout" in table:
        config.timeout = parse_duration(table["timeout"], where)
    if "memory" in table:
        config.memory = parse_size(table["memory"], "memory", where)
    if "output-limit" in table:
        config.output_limit = parse_size(table["output-limit"], "output-limit", where)
    for key in ("network", "deterministic", "vary-seeds", "continue-after-failure"):
        if key in table:
            if not isinstance(table[key], bool):
                raise ConfigError(f"{where}: {key} must be true or false")
            setattr(config, key.replace("-", "_"), table[key])
    if "seeds" in table:
        config.seeds = _count(table["seeds"], "seeds", where)
    if "label-shuffle-runs" in table:
        config.label_shuffle_runs = _count(table["label-shuffle-runs"], "label-shuffle-runs", where)
        if config.label_shuffle_runs == 0:
            raise ConfigError(f"{where}: label-shuffle-runs must be at least 1 (leave label-shuffle out of "
                              f"experiments to skip the control)")
    if "device" in table:
        config.device = _string(table["device"], "device", where)
        if config.device not in DEVICES:
            raise ConfigError(f"{where}: device must be one of {', '.join(DEVICES)}, not {config.device!r}")
    if "experiments" in table:
        chosen = _strings(table["experiments"], "experiments", where)
        check_experiments(chosen, f"{where}: ")
        config.experiments = tuple(name for name in EXPERIMENTS if name in chosen)
    if "tolerance" in table:
        config.tolerance = _tolerance(table["tolerance"], "tolerance", where)
    if "metrics-file" in table:
        config.metrics_files = _strings(table["metrics-file"], "metrics-file", where)
    if "metrics-pattern" in table:
        config.metrics_pattern = compile_pattern(_string(table["metrics-pattern"], "metrics-pattern", where), where)
    if "models" in table:
        models = table["models"]
        if not isinstance(models, dict) or not all(isinstance(value, dict) for value in models.values()):
            raise ConfigError(f"{where}: models must be a table of model name -> {{at, key, occurrence}}")
        config.models = {name: _selector(value, f"{where} models.{name}", SELECTOR_KEYS)
                         for name, value in models.items()}
    if "claims" in table:
        config.claims = _claims(table["claims"], where, config)
    if "python" in table:
        config.python = _string(table["python"], "python", where)
    if "requirements" in table:
        config.requirements = _string(table["requirements"], "requirements", where)
    if "env" in table:
        env = table["env"]
        if not isinstance(env, dict) or not all(isinstance(v, str) for v in env.values()):
            raise ConfigError(f"{where}: env must be a table of NAME = \"value\" strings")
        config.env = dict(env)
    if "copy-exclude" in table:
        config.copy_exclude = _strings(table["copy-exclude"], "copy-exclude", where)


def _claims(raw, where: str, config: ReproduceConfig) -> list[Claim]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise ConfigError(f"{where}: claims must be an array of tables ([[...claims]] with metric and value)")
    claims = []
    for number, item in enumerate(raw, 1):
        here = f"{where} claims #{number}"
        unknown = sorted(set(item) - set(CLAIM_KEYS))
        if unknown:
            raise ConfigError(f"{here}: unknown key {unknown[0]!r}; known keys: {', '.join(CLAIM_KEYS)}")
        for required in ("metric", "value"):
            if required not in item:
                raise ConfigError(f"{here}: {required} is missing")
        selector = _selector(item, here, SELECTOR_KEYS)
        extra = {"selector": selector}
        if "tolerance" in item:
            extra["tolerance"] = _tolerance(item["tolerance"], "tolerance", here)
        model = _string(item["model"], "model", here) if "model" in item else None
        split = _string(item["split"], "split", here) if "split" in item else None
        try:
            claims.append(config_claim(_string(item["metric"], "metric", here), item["value"],
                                       path=str(config.config_file or config.root), model=model, split=split,
                                       extra=extra))
        except ClaimError as exc:
            raise ConfigError(f"{here}: {exc}") from None
    return claims


def _selector(table: dict, where: str, keys) -> Selector:
    unknown = sorted(set(table) - set(keys) - set(CLAIM_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r}; known keys: {', '.join(keys)}")
    selector = Selector()
    if "at" in table:
        selector.at = _string(table["at"], "at", where)
        if not re.fullmatch(r"[^:]+(:\d+|:cell \d+)?", selector.at):
            raise ConfigError(f"{where}: at must be \"FILE\", \"FILE:LINE\" or \"NOTEBOOK:cell N\", "
                              f"not {selector.at!r}")
    if "key" in table:
        selector.key = _string(table["key"], "key", where)
    if "occurrence" in table:
        occurrence = table["occurrence"]
        if not (occurrence in ("first", "last") or (isinstance(occurrence, int) and not isinstance(occurrence, bool)
                                                     and occurrence != 0)):
            raise ConfigError(f"{where}: occurrence must be \"first\", \"last\" or a number (1 the first, -1 the "
                              f"last), not {occurrence!r}")
        selector.occurrence = occurrence
    return selector


def default_command(study: Path, workdir: str = ".") -> str:
    """With no configured command: the study's single ``train.py``, else its single notebook or script."""
    folder = study / workdir
    if (folder / "train.py").is_file():
        return "train.py"
    notebooks = sorted(path.name for path in folder.glob("*.ipynb"))
    scripts = sorted(path.name for path in folder.glob("*.py") if path.name not in ("setup.py", "conftest.py"))
    if len(notebooks) == 1 and not scripts:
        return notebooks[0]
    if len(scripts) == 1 and not notebooks:
        return scripts[0]
    found = ", ".join([*scripts, *notebooks][:6]) or "no .py or .ipynb file"
    raise ConfigError(f"{study}: nothing configured to run, and no single train.py or notebook to run by default "
                      f"(found {found}); add to its pyproject.toml:\n\n    [tool.dlreview.reproduce]\n"
                      f"    command = \"python your_training_script.py\"")


def compile_pattern(text: str, where: str) -> re.Pattern:
    try:
        pattern = re.compile(text, re.MULTILINE)
    except re.error as exc:
        raise ConfigError(f"{where}: metrics-pattern is not a valid regular expression: {exc}") from None
    if "value" not in pattern.groupindex or not ({"metric", "key"} & set(pattern.groupindex)):
        raise ConfigError(f"{where}: metrics-pattern needs a named group (?P<value>...) and one of (?P<metric>...) "
                          f"or (?P<key>...)")
    return pattern


_UNITS = {"": 1, "s": 1, "m": 60, "min": 60, "h": 3600}
_SIZES = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3,
          "t": 1024**4, "tb": 1024**4}


def parse_duration(value, where: str = "--timeout") -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|m|min|h)?\s*", str(value)) if not isinstance(value, bool) else None
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError(f"{where}: timeout must be a positive number of seconds or like \"90s\", \"20m\", \"2h\", "
                          f"not {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2) or ""]


def parse_size(value, key: str = "memory", where: str = "--memory") -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?b?)\s*", str(value).lower()) \
        if not isinstance(value, bool) else None
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError(f"{where}: {key} must be a positive size in bytes or like \"512M\", \"8G\", not {value!r}")
    return int(float(match.group(1)) * _SIZES[match.group(2)])


def _string(value, key: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key} must be a non-empty string")
    return value


def _strings(value, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key} must be a string or a list of strings")
    return list(value)


def _count(value, key: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: {key} must be a whole number >= 0")
    return value


def _tolerance(value, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ConfigError(f"{where}: {key} must be a number >= 0")
    return float(value)


def python_from_config(config: ReproduceConfig) -> str | None:
    if config.python is None:
        return None
    path = Path(os.path.expanduser(config.python))
    return str(path if path.is_absolute() else config.root / path)


def check_experiments(chosen, prefix: str = "") -> None:
    """Every name one of EXPERIMENTS (the configuration and --experiments give them the same way)."""
    wrong = [name for name in chosen if name not in EXPERIMENTS]
    if wrong:
        raise ConfigError(f"{prefix}unknown experiment {wrong[0]!r}; experiments: {', '.join(EXPERIMENTS)}")
