"""How the report names files and folders: relative to the working folder when below it, else from the audited
folder's name, else by its own name; never by an absolute path. A report is shared, and the reviewer's home folder
(or the GPU box's work folder) is nobody's business."""

from __future__ import annotations

import re
from pathlib import Path


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


class Places:
    """Names for paths (``path``) and for the absolute paths inside free text (``text``), given the audited paths."""

    def __init__(self, roots: list[Path], cwd: Path | None = None):
        self.cwd = _resolved(cwd or Path.cwd()) or Path("/")
        folders = []
        for root in roots:
            resolved = _resolved(root)
            if resolved is not None:
                folders.append(resolved if resolved.is_dir() or not resolved.exists() else resolved.parent)
        self.roots = sorted(set(folders), key=lambda p: len(p.parts), reverse=True)   # the deepest first
        home = _resolved(Path.home()) if Path.home().is_absolute() else None
        self.home = home if home is not None and len(home.parts) > 1 else None
        self.elsewhere: list[Path] = []

    def foreign(self, folder: str | None) -> None:
        """An absolute folder of another machine (the study's folder where a record was made), to be named by its
        name in free text too."""
        if folder and Path(folder).is_absolute() and len(Path(folder).parts) > 1:
            self.elsewhere.append(Path(folder))

    def path(self, text: str | None) -> str | None:
        """``text`` (a path as the engine or a record gives it) as the report shows it."""
        if not text:
            return text
        trailing = "/" if text.endswith("/") and len(text) > 1 else ""
        path = Path(text)
        resolved = _resolved(path if path.is_absolute() else self.cwd / path)
        if resolved is None:
            return path.name or text
        if resolved.is_relative_to(self.cwd):
            shown = resolved.relative_to(self.cwd).as_posix()
            return (shown + trailing) if shown != "." else "."
        for root in self.roots:
            if resolved.is_relative_to(root):
                inner = resolved.relative_to(root).as_posix()
                return (root.name if inner == "." else f"{root.name}/{inner}") + trailing
        return (resolved.name or path.name or "/") + trailing

    def text(self, text):
        """Free text (a message, an error, a note from a record) with the absolute paths it names made relative:
        the audited folders and the working folder by their shown names, the home folder as ``~``."""
        if not isinstance(text, str) or "/" not in text:
            return text
        prefixes = [(root, self.path(root.as_posix())) for root in self.roots] + [(self.cwd, ".")]
        prefixes += [(folder, folder.name) for folder in self.elsewhere]
        if self.home is not None:
            prefixes.append((self.home, "~"))
        for folder, shown in sorted(prefixes, key=lambda entry: len(entry[0].parts), reverse=True):
            if len(folder.parts) <= 1:
                continue
            pattern = re.compile(re.escape(folder.as_posix()) + r"(?:(/)|(?![\w.-]))")
            text = pattern.sub(lambda m, shown=shown: (("" if shown == "." else shown.rstrip("/") + "/")
                                                       if m.group(1) else shown), text)
        return text
