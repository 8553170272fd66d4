"""Find the files to check: walk directories, skip excluded and git-ignored paths, keep Python and notebooks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from dlreview.config import Settings
from dlreview.findings import FileError
from dlreview.sources import NOTEBOOK_SUFFIXES, PYTHON_SUFFIXES

CHECKED_SUFFIXES = PYTHON_SUFFIXES + NOTEBOOK_SUFFIXES


@dataclass
class Discovered:
    files: list[Path] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)


def discover(paths: list[Path], settings: Settings, force_exclude: bool = False) -> Discovered:
    """Files named on the command line are checked even if excluded (unless ``force_exclude``), like ruff."""
    exclude = pathspec.GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])
    found = Discovered()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            found.files.append(path)

    for path in paths:
        if not path.exists():
            found.errors.append(FileError(str(path), "no such file or directory"))
            continue
        if force_exclude and _matches(exclude, path, settings.root, path.is_dir()):
            continue
        if path.is_file():
            if path.suffix in CHECKED_SUFFIXES:
                add(path)
            else:
                found.errors.append(FileError(str(path), f"not a Python file, notebook or manuscript "
                                                         f"({path.suffix or 'no suffix'}); dlreview checks .py and "
                                                         f".ipynb files, and reads .md, .tex, .pdf and .txt files "
                                                         f"as manuscripts"))
            continue
        for candidate in _walk_named(path, settings, exclude, CHECKED_SUFFIXES):
            add(candidate)
    return found


def _walk_named(path: Path, settings: Settings, exclude, suffixes: tuple[str, ...] | None,
                limit: int | None = None):
    """Walk a directory named explicitly: it is walked even if a pattern excludes it; patterns then apply below
    it. The same holds for .gitignore: `dlreview check build/gen` checks it."""
    base = path.resolve() if _matches(exclude, path, settings.root, True) else settings.root
    ignores = _GitIgnores(base) if settings.respect_gitignore else None
    if ignores is not None:
        ignores.release(path)
    return _walk(path, exclude, base, ignores, suffixes, limit)


def _walk(path: Path, exclude, base: Path, ignores, suffixes: tuple[str, ...] | None, limit: int | None = None):
    count = 0
    for directory, dirnames, filenames in os.walk(path):
        current = Path(directory)
        if ignores is not None:
            ignores.load(current)
        dirnames[:] = sorted(
            name for name in dirnames
            if not _matches(exclude, current / name, base, True)
            and not (ignores and ignores.ignored(current / name, True))
        )
        for name in sorted(filenames):
            candidate = current / name
            if suffixes is not None and candidate.suffix not in suffixes:
                continue
            if _matches(exclude, candidate, base, False) or (ignores and ignores.ignored(candidate, False)):
                continue
            yield candidate
            count += 1
            if limit is not None and count >= limit:
                return


def walk_project(root: Path, settings: Settings, limit: int) -> list[Path]:
    """Every file of a project (any kind), with the exclusions and .gitignore rules that ``discover`` applies."""
    exclude = pathspec.GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])
    return list(_walk_named(root, settings, exclude, None, limit))


def _relative(path: Path, base: Path) -> str | None:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return None


def _matches(spec: pathspec.PathSpec, path: Path, base: Path, is_dir: bool) -> bool:
    relative = _relative(path, base)
    if relative is None:  # outside the project: match on the name alone
        relative = path.name
    if relative in ("", "."):
        return False
    return spec.match_file(relative + ("/" if is_dir else ""))


class _GitIgnores:
    """The .gitignore files met on the walk (and above the start, up to the repository root), applied in scope."""

    def __init__(self, start: Path):
        self.specs: list[tuple[Path, pathspec.PathSpec]] = []
        start = start.resolve()
        chain = [start]
        for parent in start.parents:
            if (chain[-1] / ".git").exists():
                break
            chain.append(parent)
        if not (chain[-1] / ".git").exists():
            chain = [start]  # not in a git repository: only the .gitignore files inside what is checked
        for directory in reversed(chain):
            self._add(directory)
        self.loaded = set(chain)

    def _add(self, directory: Path) -> None:
        ignore_file = directory / ".gitignore"
        if ignore_file.is_file():
            try:
                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return
            self.specs.append((directory, pathspec.GitIgnoreSpec.from_lines(lines)))

    def release(self, directory: Path) -> None:
        """Drop the patterns that ignore ``directory`` or a folder above it, as git's walker never meets them when
        it starts there; patterns about what lies inside (``*.pyc``, ``__pycache__/``) still apply."""
        resolved = directory.resolve()
        released = []
        for owner, spec in self.specs:
            relative = _relative(resolved, owner)
            if not relative or relative == ".":
                released.append((owner, spec))
                continue
            parts = relative.split("/")
            levels = ["/".join(parts[: i + 1]) + "/" for i in range(len(parts))]
            kept = [pattern for pattern in spec.patterns
                    if not any(pattern.include and pattern.match_file(level) for level in levels)]
            released.append((owner, pathspec.GitIgnoreSpec(kept)))
        self.specs = released

    def load(self, directory: Path) -> None:
        resolved = directory.resolve()
        if resolved not in self.loaded:
            self.loaded.add(resolved)
            self._add(resolved)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        resolved = path.resolve()
        for directory, spec in self.specs:
            relative = _relative(resolved, directory)
            if relative and spec.match_file(relative + ("/" if is_dir else "")):
                return True
        return False
