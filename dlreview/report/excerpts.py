"""Code excerpts around findings: a few lines read from the checked files, bounded, and never from outside them.

The report shows the code a finding is about. The path comes from the finding, so it is only read when it is one of
the files that were checked (or lies inside a checked folder), is a regular file, and is not too large; a notebook's
code cell is read from its JSON. Nothing here follows a path out of the project, whatever the project contains.
"""

from __future__ import annotations

import json
from pathlib import Path

CONTEXT = 2               # lines shown before and after the finding's lines
MAX_FINDING_LINES = 6     # a finding spanning more lines is shown by its first ones
MAX_LINE = 1000           # characters kept of one line (the rest is marked as left out)
MAX_FILE = 4 * 1024 * 1024
CODE_SUFFIXES = (".py", ".ipynb")


def allowed_roots(paths: list[Path]) -> list[Path]:
    """The folders and files a report may read excerpts from: what was checked, resolved."""
    roots = []
    for path in paths:
        try:
            roots.append(path.resolve(strict=True))
        except OSError:
            continue
    return roots


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or (root.is_dir() and path.is_relative_to(root)) for root in roots)


def _cell_text(data: bytes, cell: int) -> str | None:
    try:
        notebook = json.loads(data.decode("utf-8"))
        cells = [c for c in notebook.get("cells", []) if isinstance(c, dict) and c.get("cell_type") == "code"]
        source = cells[cell - 1].get("source", "")
    except (ValueError, UnicodeDecodeError, IndexError, AttributeError):
        return None
    return "".join(source) if isinstance(source, list) else str(source)


def excerpt(display: str, line: int, end_line: int | None, cell: int | None, roots: list[Path]) -> dict | None:
    """``{"path", "cell", "first", "lines": [...], "marked": [line numbers]}`` around ``line`` of the file a finding
    names, or None when it cannot (or may not) be read."""
    if not display.endswith(CODE_SUFFIXES) or line < 1:
        return None
    try:
        path = Path(display).resolve(strict=True)
        if not _inside(path, roots) or not path.is_file() or path.stat().st_size > MAX_FILE:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix == ".ipynb":
        if cell is None:
            return None
        text = _cell_text(data, cell)
        if text is None:
            return None
    else:
        text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if line > len(lines):
        return None
    last = min(max(end_line or line, line), line + MAX_FINDING_LINES - 1, len(lines))
    first_shown = max(1, line - CONTEXT)
    last_shown = min(len(lines), last + CONTEXT)
    shown = []
    for number in range(first_shown, last_shown + 1):
        text_line = lines[number - 1].rstrip("\r").expandtabs(4)
        if len(text_line) > MAX_LINE:
            text_line = text_line[:MAX_LINE] + " [... line shortened]"
        shown.append(text_line)
    return {"path": display, "cell": cell, "first": first_shown, "lines": shown,
            "marked": list(range(line, last + 1))}
