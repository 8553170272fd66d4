"""Read inputs into one parseable Python text with a map back to file (and notebook cell) positions.

A notebook's code cells become one program, in order. IPython syntax that is not Python (line and cell magics,
shell escapes, ``?`` help) is masked line by line, so every line keeps its number and every kept token its column.
"""

from __future__ import annotations

import ast
import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from dlreview.findings import FileError

PYTHON_SUFFIXES = (".py",)
NOTEBOOK_SUFFIXES = (".ipynb",)

# Cell magics whose body is Python and is run by IPython as such; any other cell magic (%%bash, %%html,
# %%writefile, ...) holds a foreign language and the whole cell is masked.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "python", "python3", "memit"})

_MAGIC_START = re.compile(r"^(\s*)(%|!|\?)")
_ASSIGNED_MAGIC = re.compile(r"^(\s*[\w.,\s\[\]()*]+?=\s*)(%|!)(?!=)")
_HELP_SUFFIX = re.compile(r"^(\s*)[\w.\[\]()'\"]+\?\??\s*$")
_COMPILE_FLAGS = ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


class SourceError(Exception):
    """The file cannot be analysed at all; the message says why, in words a user can act on."""


@dataclass(frozen=True)
class Source:
    """A file ready to parse: ``text`` is Python; ``cell_starts`` maps lines back to notebook cells."""

    path: Path
    text: str
    cell_starts: tuple[int, ...] | None = None  # 1-based first line of each code cell in ``text``
    errors: tuple[FileError, ...] = field(default=())  # parts that were skipped (broken notebook cells)

    @property
    def is_notebook(self) -> bool:
        return self.cell_starts is not None

    def locate(self, line: int) -> tuple[int | None, int]:
        """Map a line of ``text`` to (cell, line within cell); cell is None outside notebooks."""
        if self.cell_starts is None:
            return None, line
        index = bisect.bisect_right(self.cell_starts, line) - 1
        index = max(index, 0)
        return index + 1, line - self.cell_starts[index] + 1


def read_source(path: Path, data: bytes | None = None) -> Source:
    """Read a ``.py`` file or a notebook. Raises SourceError with a one-line reason."""
    if data is None:
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise SourceError("is a directory") from None
        except OSError as exc:
            raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    text = decode(data)
    if path.suffix in NOTEBOOK_SUFFIXES:
        return notebook_source(path, text)
    return Source(path=path, text=text)


def decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise SourceError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                          "save the file as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def notebook_source(path: Path, text: str) -> Source:
    import nbformat  # imported here: plain .py runs never pay for it

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"invalid notebook JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    if not isinstance(raw, dict) or "cells" not in raw:
        raise SourceError("not a Jupyter notebook (no 'cells' list)")
    try:
        notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises several unrelated types for malformed documents
        raise SourceError(f"invalid notebook: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    language = (notebook.metadata.get("kernelspec", {}).get("language")
                or notebook.metadata.get("language_info", {}).get("name") or "python")
    if str(language).lower() != "python":
        raise SourceError(f"notebook kernel language is {language!r}, not Python")

    chunks: list[str] = []
    starts: list[int] = []
    errors: list[FileError] = []
    line = 1
    cell_number = 0
    for cell in notebook.cells:
        if cell.get("cell_type") != "code":
            continue
        cell_number += 1
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        source = source.replace("\r\n", "\n").replace("\r", "\n")
        masked, problem = mask_cell(source)
        if problem is not None:
            bad_line, message = problem
            errors.append(FileError(str(path), f"syntax error: {message}; this cell was skipped",
                                    line=bad_line, cell=cell_number))
            masked = "\n" * source.count("\n")
        if not masked.endswith("\n"):
            masked += "\n"
        starts.append(line)
        chunks.append(masked)
        line += masked.count("\n")
    return Source(path=path, text="".join(chunks), cell_starts=tuple(starts), errors=tuple(errors))


def mask_cell(source: str) -> tuple[str, tuple[int, str] | None]:
    """Mask IPython-only syntax in one cell without moving any line or kept column.

    Returns the masked text and, if it still is not Python, (line, message) of the first syntax error.
    """
    if _parses(source) is None:
        return source, None
    lines = source.split("\n")
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        magic = first[2:].split(maxsplit=1)[0] if len(first) > 2 else ""
        if magic not in PYTHON_CELL_MAGICS:
            return "\n" * (len(lines) - 1), None
        lines[0] = ""
    continuing = False
    for number, text in enumerate(lines):
        if continuing:
            continuing = text.rstrip().endswith("\\")
            lines[number] = ""
            continue
        start = _MAGIC_START.match(text)
        if start:
            lines[number] = start.group(1) + "pass"
            continuing = text.rstrip().endswith("\\")
            continue
        assigned = _ASSIGNED_MAGIC.match(text)
        if assigned and _parses(text.strip()) is not None:
            lines[number] = assigned.group(1) + "None"
            continuing = text.rstrip().endswith("\\")
            continue
        help_line = _HELP_SUFFIX.match(text)
        if help_line:
            lines[number] = help_line.group(1) + "pass"
    masked = "\n".join(lines)
    error = _parses(masked)
    return masked, error


def _parses(text: str) -> tuple[int, str] | None:
    """None if ``text`` is valid Python, else (line, message) of the syntax error."""
    try:
        compile(text, "<cell>", "exec", _COMPILE_FLAGS, dont_inherit=True)
    except SyntaxError as exc:
        return exc.lineno or 1, exc.msg
    except ValueError as exc:  # null bytes
        return 1, str(exc)
    return None
