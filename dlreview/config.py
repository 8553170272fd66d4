"""``[tool.dlreview]`` in pyproject.toml (or a ``dlreview.toml``), merged with command-line flags.

Every key documented here changes behaviour and has a test; an unknown key is an error, not silence.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".env", "env", ".tox", ".nox", "__pycache__", "build", "dist",
    "node_modules", "site-packages", ".eggs", "*.egg-info", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    ".dlreview_cache", ".ipynb_checkpoints",
)
KNOWN_KEYS = {
    "select": "rule codes or prefixes to enable (default: all)",
    "ignore": "rule codes or prefixes to disable",
    "per-file-ignores": "table of glob pattern -> codes to ignore in matching files",
    "exclude": "gitignore-style patterns of paths to skip, replacing the defaults",
    "extend-exclude": "patterns to skip in addition to the defaults",
    "respect-gitignore": "skip files that .gitignore files ignore (default: true)",
    "cache-dir": "where the cache lives, relative to the project root (default: .dlreview_cache)",
}
# tables of other commands, read and checked by them: `dlreview reproduce` reads [tool.dlreview.reproduce]
COMMAND_TABLES = {"reproduce"}


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    root: Path
    config_file: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    cache_dir: Path | None = None

    def enabled(self, rule_ids) -> list[str]:
        """The rules that ``select`` and ``ignore`` leave on; the longer matching prefix wins, like ruff."""
        chosen = []
        for rule in sorted(rule_ids):
            selected = _best_prefix(rule, self.select)
            ignored = _best_prefix(rule, self.ignore)
            if selected >= 0 and selected > ignored:
                chosen.append(rule)
        return chosen


def _best_prefix(rule: str, prefixes) -> int:
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif rule.startswith(prefix):
            best = max(best, len(prefix))
    return best


def find_config(start: Path) -> Path | None:
    """The nearest dlreview.toml, or pyproject.toml with a [tool.dlreview] table, at or above ``start``."""
    directory = start if start.is_dir() else start.parent
    for candidate in (directory, *directory.parents):
        own = candidate / "dlreview.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "dlreview" in read_toml(pyproject).get("tool", {}):
                    return pyproject
            except ConfigError:
                continue
    return None


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def load_settings(config_file: Path | None, root: Path | None = None) -> Settings:
    if config_file is None:
        return Settings(root=(root or Path.cwd()).resolve())
    data = read_toml(config_file)
    table = data if config_file.name == "dlreview.toml" else data.get("tool", {}).get("dlreview", {})
    where = f"{config_file}" + ("" if config_file.name == "dlreview.toml" else " [tool.dlreview]")
    unknown = sorted(set(table) - set(KNOWN_KEYS) - COMMAND_TABLES)
    if unknown:
        raise ConfigError(f"{where}: unknown key{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                          f"known keys: {', '.join(KNOWN_KEYS)}")
    settings = Settings(root=config_file.parent.resolve(), config_file=config_file)
    for key in ("select", "ignore", "exclude", "extend-exclude"):
        if key in table:
            setattr(settings, key.replace("-", "_"), _strings(table[key], key, where))
    if "per-file-ignores" in table:
        raw = table["per-file-ignores"]
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of pattern = [codes]")
        settings.per_file_ignores = {pattern: _strings(codes, f"per-file-ignores.{pattern}", where)
                                     for pattern, codes in raw.items()}
    if "respect-gitignore" in table:
        if not isinstance(table["respect-gitignore"], bool):
            raise ConfigError(f"{where}: respect-gitignore must be true or false")
        settings.respect_gitignore = table["respect-gitignore"]
    if "cache-dir" in table:
        if not isinstance(table["cache-dir"], str):
            raise ConfigError(f"{where}: cache-dir must be a path string")
        settings.cache_dir = settings.root / table["cache-dir"]
    return settings


def _strings(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)
