"""Which existing files a report may replace: only earlier reports, never a file of the study it audits."""

from __future__ import annotations

import json
from pathlib import Path

MAX_READ = 64 * 1024 * 1024


def is_previous_report(path: Path) -> bool:
    """Whether ``path`` is a report (HTML, PDF, JSON export or DOME export) that dlreview wrote."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_READ:
            return False
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            with path.open(encoding="utf-8", errors="replace") as stream:
                return 'name="generator" content="dlreview' in stream.read(4096)
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            return isinstance(data, dict) and (
                (data.get("provenance") or {}).get("tool") == "dlreview" or data.get("recommendations") == "DOME")
        if suffix == ".pdf":
            from pdfminer.pdfdocument import PDFDocument
            from pdfminer.pdfparser import PDFParser

            with path.open("rb") as stream:
                info = PDFDocument(PDFParser(stream)).info
            creator = next((entry.get("Creator") for entry in info if entry.get("Creator")), b"")
            if isinstance(creator, bytes):
                creator = creator.decode("utf-16") if creator.startswith(b"\xfe\xff") else creator.decode("latin-1")
            return str(creator).startswith("dlreview")
    except Exception:  # noqa: BLE001 - unreadable or not what it claims: not a report of ours
        return False
    return False
