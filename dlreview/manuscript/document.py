"""A manuscript as sentences and tables with their places: Markdown and plain text, LaTeX, PDF.

Every reader gives the same ``Document``: sentences (with the file and line, or the page and line on the page, where
each begins, and the section it belongs to) and tables (rows of cells, with the caption). Rules never see the
format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MANUSCRIPT_SUFFIXES = (".md", ".markdown", ".txt", ".tex", ".pdf")


class ManuscriptError(Exception):
    """A manuscript that cannot be read, with a reason a user can act on."""


# ------------------------------------------------------------------------------------------------------ model
SECTION_KINDS = (
    # (kind, pattern on the heading text); first match wins
    ("abstract", r"abstract|summary$|author summary|significance"),
    ("limitations", r"limitation|model card|caveat"),
    ("availability", (r"(?:code|data|software|materials?)(?: and (?:code|data|software|materials?))? availab|"
                     r"availability|reproducibility statement|data sharing|code and data")),
    ("ethics", r"ethic|consent|institutional review|irb|declarations?$|competing interests"),
    ("acknowledgements", r"acknowledg|funding|author contributions?|conflicts? of interest"),
    ("references", r"references|bibliography|works cited|literature cited"),
    ("introduction", r"introduction|background|motivation"),
    ("methods", (r"method|materials|data ?sets?$|data and|experimental (?:setup|design)|implementation|"
                r"model architecture|training|evaluation protocol|statistical analys|preprocessing|cohort|"
                r"study (?:design|population)|participants|features?$|baselines?$|hyperparameter")),
    ("results", r"results?|experiments?|performance|evaluation|findings|benchmark|comparison|ablation"),
    ("discussion", r"discussion|interpretation"),
    ("conclusion", r"conclusion|concluding|outlook|future work"),
)
_SECTION_PATTERNS = [(kind, re.compile(rf"^(?:{pattern})", re.IGNORECASE)) for kind, pattern in SECTION_KINDS]
_NUMBERING = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVX]+\.|[A-Z]\.)\s+")


# Sections about other people's work or the paper's business, not the study's own report.
NOT_OWN = ("introduction", "references", "acknowledgements")


def section_kind(heading: str) -> str:
    """What a heading introduces (``methods``, ``results``, ...), or ``other``."""
    text = _NUMBERING.sub("", heading).strip().strip("*#:. ").lower()
    for kind, pattern in _SECTION_PATTERNS:
        if pattern.search(text):
            return kind
    for kind, pattern in _SECTION_PATTERNS:  # "Data and methods", "Results and discussion": a later word decides
        if any(pattern.search(word) for word in text.split()[1:]):
            return kind
    return "other"


@dataclass(frozen=True)
class Place:
    """Where a piece of text begins: ``line`` in ``path`` (Markdown, LaTeX), or ``line`` on ``page`` (PDF)."""

    path: str
    line: int
    page: int | None = None
    column: int = 1


@dataclass(frozen=True)
class Sentence:
    text: str
    place: Place
    section: str            # the section kind (see SECTION_KINDS), "other" before the first heading
    heading: str = ""       # the heading it is under, as written
    kind: str = "text"      # "text", "caption" or "heading"


@dataclass
class Table:
    rows: list[list[str]]          # the first row is the header when the source marks one
    places: list[Place]            # where each row is
    caption: str = ""
    section: str = "other"
    header_rows: int = 1


@dataclass
class Document:
    path: Path
    format: str                    # "md", "txt", "tex" or "pdf"
    sentences: list[Sentence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)   # every file read (LaTeX \input and \include)
    pages: int = 0

    @property
    def text(self) -> str:
        return "\n".join(sentence.text for sentence in self.sentences)

    def in_sections(self, *kinds: str) -> list[Sentence]:
        return [s for s in self.sentences if s.section in kinds]


# ------------------------------------------------------------------------------------------------------ sentences
_ABBREVIATIONS = frozenset(["e.g", "i.e", "et", "al", "fig", "figs", "eq", "eqs", "vs", "approx", "ca", "cf", "dr", "no", "nos", "ref", "refs", "tab", "suppl", "resp", "sec", "sect", "ch", "vol", "pp", "p", "mr", "mrs", "ms", "prof", "inc", "ltd", "co", "st", "jr", "sr", "dept", "univ", "est", "min", "max", "avg", "incl", "viz", "etc", "al"])
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a paragraph. A full stop ends a sentence unless it ends an abbreviation
    ("et al.", "Fig.", "e.g.") or an initial ("J. Smith")."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start()].rstrip("\"')]")
        word = re.search(r"(?:^|(?<=[\s(]))([A-Za-z][A-Za-z.]*)\.$", before)
        if re.fullmatch(r"\W*(?:Table|Figure|Fig\.?|Supplementary Table)\s*S?\d+[a-z]?\.", before.strip()):
            continue   # "Table 1. Comparison with ...": a caption's label, not a sentence
        if word:
            token = word.group(1).lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and word.group(1).isupper()):
                continue
        piece = text[start:match.start()].strip()
        if piece:
            found.append((start + _leading(text[start:]), piece))
        start = match.end()
    piece = text[start:].strip()
    if piece:
        found.append((start + _leading(text[start:]), piece))
    return found


def _leading(text: str) -> int:
    return len(text) - len(text.lstrip())


class _Builder:
    """Collects paragraphs and tables under the current heading and splits paragraphs into sentences."""

    def __init__(self, document: Document):
        self.document = document
        self.section = "other"
        self.heading = ""
        self.last_was_table = False

    def heading_at(self, title: str, place: Place) -> None:
        title = " ".join(title.split())
        if not title:
            return
        self.heading = title
        kind = section_kind(title)
        if kind != "other" or self.section in ("other", "abstract"):
            self.section = kind
        self.document.sentences.append(Sentence(title, place, self.section, title, "heading"))

    def paragraph(self, text: str, starts: list[tuple[int, Place]], kind: str = "text") -> None:
        """``starts``: (offset in ``text``, place) where each source line of the paragraph begins."""
        tables = self.document.tables
        if tables and not tables[-1].caption and self.last_was_table and _CAPTION.match(text.strip()):
            tables[-1].caption = " ".join(text.split())   # a caption printed below its table
            kind = "caption"
        self.last_was_table = False
        for offset, sentence in split_sentences(text):
            place, begins = starts[0][1], starts[0][0]
            for line_offset, line_place in starts:
                if line_offset > offset:
                    break
                place, begins = line_place, line_offset
            if place.page is None:
                place = Place(place.path, place.line, None, place.column + offset - begins)
            self.document.sentences.append(Sentence(" ".join(sentence.split()), place, self.section, self.heading,
                                                    kind))

    def table(self, rows: list[list[str]], places: list[Place], caption: str = "", header_rows: int = 1) -> None:
        rows = [[" ".join(cell.split()) for cell in row] for row in rows]
        keep = [(row, place) for row, place in zip(rows, places) if any(row)]
        caption = caption or _caption_near(self.document, self)
        self.last_was_table = bool(keep)
        if keep:
            self.document.tables.append(Table([r for r, _ in keep], [p for _, p in keep], caption, self.section,
                                              header_rows))


# ------------------------------------------------------------------------------------------------------ readers
def read_document(path: Path, display: str | None = None) -> Document:
    """Read a manuscript. ``display`` is the path shown in findings (the path as given, by default)."""
    suffix = path.suffix.lower()
    if suffix not in MANUSCRIPT_SUFFIXES:
        raise ManuscriptError(f"not a manuscript dlreview reads ({suffix or 'no suffix'}); give a .md, .txt, .tex "
                              f"or .pdf file")
    if not path.is_file():
        raise ManuscriptError("no such file" if not path.exists() else "not a file")
    display = display or path.as_posix()
    if suffix == ".pdf":
        from dlreview.manuscript.pdf import read_pdf

        return read_pdf(path, display)
    if suffix == ".tex":
        from dlreview.manuscript.latex import read_latex

        return read_latex(path, display)
    text = read_text(path)
    if suffix == ".txt":
        return read_plain(text, path, display)
    return read_markdown(text, path, display)


def read_plain(text: str, path: Path, display: str) -> Document:
    """Plain text: paragraphs are separated by blank lines; a short line that names a section ("2. Results",
    "METHODS") is a heading."""
    document = Document(path=path, format="txt", files=[path])
    builder = _Builder(document)
    lines: list[tuple[int, str]] = []

    def flush() -> None:
        if lines:
            starts, offset = [], 0
            for number, line in lines:
                starts.append((offset, Place(display, number, column=len(line) - len(line.lstrip()) + 1)))
                offset += len(line.strip()) + 1
            builder.paragraph("\n".join(line.strip() for _, line in lines), starts)
            lines.clear()

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            flush()
        elif len(stripped) <= 60 and section_kind(stripped) != "other" and (
                not stripped.endswith((".", ",", ";")) or _NUMBERING.fullmatch(stripped + " ")):
            flush()
            builder.heading_at(stripped, Place(display, number))
        else:
            lines.append((number, line))
    flush()
    return document


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ManuscriptError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_markdown(text: str, path: Path, display: str) -> Document:
    """Markdown through markdown-it (CommonMark with tables)."""
    from markdown_it import MarkdownIt

    document = Document(path=path, format="md", files=[path])
    builder = _Builder(document)
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(text)
    lines = text.split("\n")
    index = 0
    table_rows: list[list[str]] = []
    table_places: list[Place] = []
    row: list[str] = []
    in_table = False
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            inline = tokens[index + 1]
            builder.heading_at(_plain(inline), Place(display, token.map[0] + 1))
            index += 3
            continue
        if token.type == "table_open":
            in_table, table_rows, table_places = True, [], []
        elif token.type == "table_close":
            in_table = False
            caption = _caption_near(document, builder)
            builder.table(table_rows, table_places, caption)
        elif token.type == "tr_open":
            row = []
            table_places.append(Place(display, token.map[0] + 1 if token.map else table_places[-1].line + 1))
        elif token.type == "tr_close":
            table_rows.append(row)
        elif token.type == "inline" and in_table:
            row.append(_plain(token))
        elif token.type == "inline" and token.map:
            first = token.map[0]
            plain = _plain(token)
            if _is_plain_heading(plain, lines, first, token.map[1]):
                builder.heading_at(plain, Place(display, first + 1))
            elif document.tables and not document.tables[-1].caption and _CAPTION.match(plain) \
                    and 0 <= first - document.tables[-1].places[-1].line <= 2:
                document.tables[-1].caption = " ".join(plain.split())   # a caption written below its table
                builder.paragraph(plain, [(0, Place(display, first + 1))], kind="caption")
            else:
                starts, offset = [], 0
                for number, line_text in enumerate(plain.split("\n")):
                    column = _column(lines, first + number, line_text)
                    starts.append((offset, Place(display, first + number + 1, column=column)))
                    offset += len(line_text) + 1
                builder.paragraph(plain, starts)
        index += 1
    return document


def _is_plain_heading(text: str, lines: list[str], first: int, end: int) -> bool:
    """A one-line paragraph that names a section in bold, in capitals or numbered ("**Limitations**", "METHODS",
    "2 Results") is a heading: Markdown written without ``#``."""
    if end - first != 1 or len(text) > 60 or text.rstrip().endswith((".", ",", ";")) and not _NUMBERING.match(text):
        return False
    raw = lines[first].strip()
    if not (raw.startswith(("**", "__")) or text.isupper() or _NUMBERING.match(text)):
        return False
    return section_kind(text) != "other"


def _column(lines: list[str], index: int, text: str) -> int:
    if index >= len(lines):
        return 1
    probe = text.strip()[:12]
    found = lines[index].find(probe) if probe else -1
    return found + 1 if found >= 0 else len(lines[index]) - len(lines[index].lstrip()) + 1


def _plain(inline) -> str:
    """The text of an inline token: markup dropped, link targets kept after the link text, soft breaks kept as
    newlines (so that offsets map to source lines)."""
    parts: list[str] = []
    href = None
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "link_open":
            href = child.attrs.get("href")
        elif child.type == "link_close":
            text_so_far = "".join(parts)
            if href and href not in text_so_far[-len(href) - 2:]:
                parts.append(f" ({href})")
            href = None
        elif child.type == "image":
            parts.append(child.content)
        elif child.type == "html_inline":
            continue
    return "".join(parts)


_CAPTION = re.compile(r"(?:\*\*)?table\s*S?\d+[a-z]?\s*[.:|]", re.IGNORECASE)   # "Table 2.", "Table S1:"


def _caption_near(document: Document, builder: _Builder) -> str:
    """A table's caption: the sentence just before it when it starts with "Table"."""
    for sentence in reversed(document.sentences[-3:]):
        if _CAPTION.match(sentence.text):
            return sentence.text
    return ""
