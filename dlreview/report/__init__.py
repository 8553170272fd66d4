"""The reproducibility and ethics report (``dlreview report``): what was checked, what was found, what was
re-executed and with what result, as a document a journal can publish beside a paper.

``model.py`` assembles one plain dict from the check, the manuscript review and a reproduction record;
``render.py`` turns it into HTML (jinja2 templates from ``templates/``, autoescaped) and PDF (weasyprint, with a URL
fetcher that fetches nothing but the report's own ``data:`` images); ``plots.py`` draws the figures; ``dome.py``
fills the DOME recommendations' fields; ``ethics.py`` the Tip 10 section; ``provenance.py`` says where the report
comes from; ``paths.py`` names files without absolute paths.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from dlreview.report.dome import dome_document
from dlreview.report.model import ReportError, assemble, normalise_record
from dlreview.report.provenance import canonical_json, verify

__all__ = ["ReportError", "assemble", "build_report", "dome_document", "normalise_record", "read_record",
           "render_html", "render_json", "render_pdf", "verify"]


def read_record(path: Path) -> dict:
    """A reproduction record written by ``dlreview reproduce -o FILE``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportError(f"--reproduce-record {path}: cannot read it ({exc.strerror or exc})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ReportError(f"--reproduce-record {path}: not JSON ({exc})") from None
    from dlreview.report.paths import Places

    try:
        return normalise_record(data, source=f"record {Places([]).path(path.as_posix())}")
    except ReportError as exc:
        raise ReportError(f"--reproduce-record {path}: {exc}") from None


def build_report(paths: list[Path], settings, *, manuscripts: list[Path] = (), record: dict | None = None,
                 use_cache: bool = True, now: datetime.datetime | None = None) -> dict:
    """Check ``paths`` and ``manuscripts`` and assemble the report, with a normalised reproduction ``record``."""
    from dlreview.engine import check_paths

    result = check_paths(paths, settings, use_cache=use_cache, manuscripts=list(manuscripts))
    return assemble(result, list(paths), settings, manuscripts=list(manuscripts), reproduction=record,
                    projects=result.projects, now=now)


def render_json(report: dict) -> str:
    return canonical_json(report)


def render_html(report: dict, template_dirs: list[Path] = ()) -> str:
    from dlreview.report.render import render_html as render

    return render(report, template_dirs)


def render_pdf(report: dict, template_dirs: list[Path] = ()) -> bytes:
    from dlreview.report.render import render_pdf as render

    return render(report, template_dirs)
