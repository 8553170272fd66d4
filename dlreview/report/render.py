"""HTML and PDF from the report model.

HTML: jinja2 templates from ``templates/`` with autoescaping on for every template, so file names, code and
manuscript text (all untrusted) are text, never markup. The CSS and the figures (SVG as ``data:`` URIs) are inlined:
the document is one self-contained file.

PDF: weasyprint renders that HTML with no base URL and a URL fetcher that serves ``data:`` images and refuses
everything else, so nothing on the network or on disk (the audited repository included) is ever read, whatever the
report's text contains.
"""

from __future__ import annotations

import base64
import re
import urllib.parse
from pathlib import Path

from markupsafe import Markup, escape

from dlreview.report.model import AREAS, metric_name

TEMPLATE = "report.html.jinja"
STYLESHEETS = ("css/base.css", "css/code.css", "css/print.css")


def templates_dir() -> Path:
    """``dlreview/_templates`` in an installed wheel; the source tree's ``templates/`` otherwise."""
    packaged = Path(__file__).resolve().parent.parent / "_templates"
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parent.parent.parent / "templates"
    if source.is_dir():
        return source
    from dlreview.report.model import ReportError

    raise ReportError(f"report templates not found in {packaged} or {source}: the installation is incomplete")


# ------------------------------------------------------------------------------------------------ filters
_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _inline(text: str) -> Markup:
    """Escaped text with `code` spans as <code>."""
    escaped = str(escape(text))
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", escaped))


def prose(text: str | None) -> Markup:
    """The rule documentation's Markdown-like text (paragraphs, ``-`` lists, `code`) as HTML; everything is escaped
    first, so only the tags made here are markup."""
    if not text:
        return Markup("")
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        if all(line.lstrip().startswith(("- ", "* ")) or line.startswith("  ") for line in lines) and \
                lines[0].lstrip().startswith(("- ", "* ")):
            items: list[str] = []
            for line in lines:
                if line.lstrip().startswith(("- ", "* ")):
                    items.append(line.lstrip()[2:])
                else:
                    items[-1] += " " + line.strip()
            parts.append("<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + "</ul>")
        else:
            parts.append(f"<p>{_inline(' '.join(line.strip() for line in lines))}</p>")
    return Markup("".join(parts))


def code_lines(shown: dict) -> list[dict]:
    """An excerpt's lines as ``{"number", "marked", "tokens": [(css class, text)]}``, highlighted by pygments
    (the template escapes every token's text)."""
    from pygments.lexers import PythonLexer
    from pygments.token import STANDARD_TYPES

    text = "\n".join(shown["lines"])
    lines: list[list[tuple[str, str]]] = [[]]
    for token, value in PythonLexer(stripnl=False, ensurenl=False).get_tokens(text):
        css = STANDARD_TYPES.get(token) or STANDARD_TYPES.get(token.parent, "")
        pieces = value.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append([])
            if piece:
                lines[-1].append((css, piece))
    marked = set(shown["marked"])
    return [{"number": shown["first"] + i, "marked": shown["first"] + i in marked, "tokens": tokens}
            for i, tokens in enumerate(lines[:len(shown["lines"])])]


def number(value, digits: int = 3) -> str:
    """A number at ``digits`` decimals; a dash for anything that is not one (a key missing from a record)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return "\u2013"


def signed(value, digits: int = 3) -> str:
    return f"{value:+.{digits}f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else "\u2013"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def size(value) -> str:
    if not isinstance(value, (int, float)):
        return "\u2013"
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return str(value)


def _environment(template_dirs: list[Path]):
    import jinja2

    loader = jinja2.FileSystemLoader([*map(str, template_dirs), str(templates_dir())])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.ChainableUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(prose=prose, code_lines=code_lines, number=number, signed=signed, slug=slug, size=size,
                       metric=metric_name, inline=_inline)
    return env


def _figures(report: dict) -> list[dict]:
    from dlreview.report.plots import draw

    figures = []
    claims = (report.get("reproduction") or {}).get("claims", [])
    for figure in report.get("figures", []):
        svg = draw(figure["kind"], claims)
        uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        figures.append({**figure, "src": uri})
    return figures


def render_html(report: dict, template_dirs: list[Path] = ()) -> str:
    env = _environment(list(template_dirs))
    css = "\n".join(env.loader.get_source(env, name)[0] for name in STYLESHEETS)
    if "</" in css:
        raise ValueError("a stylesheet must not contain '</'")
    template = env.get_template(TEMPLATE)
    by_id = {f["id"]: f for tip in report["tips"] for f in tip["findings"]}
    return template.render(report=report, css=Markup(css), figures=_figures(report), areas=AREAS, by_id=by_id)


# ------------------------------------------------------------------------------------------------ PDF
class FetchRefused(Exception):
    pass


def decode_data_uri(url: str) -> tuple[str, bytes]:
    header, comma, payload = url[5:].partition(",")
    if not comma:
        raise FetchRefused("malformed data: URI")
    mime = header.split(";")[0].strip().lower() or "text/plain"
    data = base64.b64decode(payload) if header.endswith(";base64") else urllib.parse.unquote_to_bytes(payload)
    return mime, data


def make_fetcher(log: list[str] | None = None):
    """A weasyprint URL fetcher that serves ``data:`` images and refuses everything else (``file:``, ``http:``,
    relative URLs). Every URL asked for is appended to ``log``."""
    from weasyprint import urls

    requests = log if log is not None else []

    def serve(url: str) -> tuple[str, bytes]:
        requests.append(url)
        if not url.startswith("data:"):
            raise FetchRefused(f"dlreview refuses to fetch {url[:80]!r}: a report uses only its own data: URIs")
        mime, data = decode_data_uri(url)
        if not mime.startswith("image/"):
            raise FetchRefused(f"dlreview refuses a data: URI of type {mime}")
        return mime, data

    class DataOnlyFetcher(urls.URLFetcher):   # weasyprint >= 68
        def __init__(self):
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=False)
            self.requests = requests

        def fetch(self, url, headers=None):
            mime, data = serve(url)
            return urls.URLFetcherResponse(url, data, {"Content-Type": mime})

    return DataOnlyFetcher()


def render_pdf(report: dict, template_dirs: list[Path] = (), *, fetcher=None, html: str | None = None) -> bytes:
    import logging

    import weasyprint

    html = html if html is not None else render_html(report, template_dirs)
    fetcher = fetcher if fetcher is not None else make_fetcher()
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)   # refused fetches are expected when text asks for them; not the user's concern
    try:
        document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher, media_type="print")
        return document.write_pdf()
    finally:
        logger.setLevel(level)
