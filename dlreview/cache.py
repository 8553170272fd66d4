"""A content-hash cache, like ruff's: a file whose bytes, kind and dlreview build are unchanged is not re-analysed.

One small JSON file per entry under ``.dlreview_cache/`` in the project root, written atomically, so parallel runs
(pre-commit splits files across processes) never see a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path

import dlreview
from dlreview.config import Settings


@cache
def build_fingerprint() -> str:
    """Changes whenever dlreview's code, rules or API data change, so stale results are never served."""
    digest = hashlib.sha256(dlreview.__version__.encode())
    package = Path(dlreview.__file__).parent
    from dlreview.rulespec import rules_dir

    for root in (package, rules_dir()):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".toml", ".json") and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


class Cache:
    def __init__(self, directory: Path):
        self.directory = directory

    @classmethod
    def open(cls, settings: Settings) -> Cache | None:
        directory = Path(os.environ.get("DLREVIEW_CACHE_DIR") or settings.cache_dir or settings.root / ".dlreview_cache")
        try:
            directory.mkdir(parents=True, exist_ok=True)
            marker = directory / ".gitignore"
            if not marker.exists():
                marker.write_text("# Created by dlreview\n*\n", encoding="utf-8")
        except OSError:
            return None  # a read-only checkout still gets checked, just without a cache
        return cls(directory / build_fingerprint())

    def key(self, suffix: str, data: bytes) -> str:
        return hashlib.sha256(suffix.encode() + b"\0" + data).hexdigest()

    def get(self, key: str | None):
        from dlreview.engine import FileResult

        if key is None:
            return None
        try:
            raw = (self.directory / key[:2] / f"{key}.json").read_text(encoding="utf-8")
            return FileResult.from_dict(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result) -> None:
        target = self.directory / key[:2] / f"{key}.json"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(result.to_dict(), stream)
            os.replace(temporary, target)
        except OSError:
            pass
