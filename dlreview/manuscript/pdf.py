"""PDF manuscripts through pdfminer.six: text boxes in reading order (columns read one after the other), lines
joined into paragraphs with words hyphenated at line ends put back together, running headers and page numbers
left out, and rows of cells laid out side by side read as tables."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from dlreview.manuscript.document import Document, ManuscriptError, Place, _Builder, section_kind

_HYPHEN = re.compile(r"([A-Za-z]{2,})[-\u00ad\u2010]$")
_NUMERIC_CELL = re.compile(r"^[-+−]?\.?\d[\d.,]*\s*%?(?:\s*(?:±|\+/-|\()\s*[-\d.,%–\s]+\)?)?[*†‡]*$")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.IGNORECASE)


def read_pdf(path: Path, display: str) -> Document:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a dependency of dlreview
        raise ManuscriptError("reading PDF needs pdfminer.six (pip install pdfminer.six)") from None
    document = Document(path=path, format="pdf", files=[path])
    pages: list[list[_Box]] = []
    try:
        for layout in extract_pages(str(path), laparams=LAParams(line_margin=0.6, boxes_flow=None)):
            boxes = []
            for element in layout:
                if not isinstance(element, LTTextContainer):
                    continue
                lines = []
                for line in element:
                    if isinstance(line, LTTextLine) and line.get_text().strip():
                        words = _words([c for c in line if isinstance(c, LTChar) or c.get_text() == " "])
                        lines.append((line.get_text().rstrip("\n"), line.bbox, words))
                if lines:
                    boxes.append(_Box(lines, element.bbox))
            pages.append(_reading_order(boxes, layout.bbox))
    except PDFSyntaxError as exc:
        raise ManuscriptError(f"not a readable PDF ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        if "encrypt" in str(exc).lower() or type(exc).__name__.startswith("PDFPassword"):
            raise ManuscriptError("the PDF is encrypted; give a PDF that can be opened without a password") from None
        raise ManuscriptError(f"cannot read the PDF ({type(exc).__name__}: {exc})") from None
    document.pages = len(pages)
    if not pages:
        raise ManuscriptError("the PDF has no pages")
    if sum(len(text.strip()) for boxes in pages for box in boxes for text, _, _ in box.lines) < 20 * len(pages):
        raise ManuscriptError("the PDF has no text layer (a scanned document?): run OCR on it first (e.g. ocrmypdf), "
                              "or give the manuscript's LaTeX or Markdown source")
    repeated = _running_lines(pages)
    builder = _Builder(document)
    carried: tuple[list, int, int] | None = None   # a paragraph that goes on in the next column or page
    for number, boxes in enumerate(pages, start=1):
        line_number = 0
        for box in boxes:
            first_line = line_number + 1
            line_number += len(box.lines)
            kept = [(text, bbox) for text, bbox, _ in box.lines
                    if text.strip() not in repeated and not _PAGE_NUMBER.match(text.strip())]
            if not kept:
                continue
            table = _as_table(box)
            joined = " ".join(text.strip() for text, _ in kept)
            if table is not None or (len(kept) <= 2 and len(joined) <= 70 and section_kind(joined) != "other"
                                     and not joined.endswith(".")):
                if carried:
                    _paragraph(builder, display, *carried)
                    carried = None
                if table is not None:
                    builder.table(table, [Place(display, first_line + i, page=number) for i in range(len(table))])
                else:
                    builder.heading_at(joined, Place(display, first_line, page=number))
                continue
            if carried and kept[0][0].strip()[:1].islower():
                carried = (carried[0] + [(t, number, first_line + i) for i, (t, _) in enumerate(kept)], 0, 0)
                continue
            if carried:
                _paragraph(builder, display, *carried)
            carried = ([(t, number, first_line + i) for i, (t, _) in enumerate(kept)], 0, 0)
            if kept[-1][0].rstrip().endswith((".", "!", "?", ":", ".)", '."')):
                _paragraph(builder, display, *carried)
                carried = None
    if carried:
        _paragraph(builder, display, *carried)
    return document


class _Box:
    __slots__ = ("lines", "bbox")

    def __init__(self, lines, bbox):
        self.lines = lines      # (text, bbox, words) per line; words: (x0, x1, text)
        self.bbox = bbox


def _words(chars) -> list[tuple[float, float, str]]:
    words: list[list] = []
    for char in chars:
        text = char.get_text()
        if text.isspace():
            words.append(None)
            continue
        x0, _, x1, _ = char.bbox
        last = words[-1] if words else None
        if last is not None and x0 - last[1] < 0.25 * max(char.size, 1):
            last[1], last[2] = x1, last[2] + text
        else:
            words.append([x0, x1, text])
    return [tuple(word) for word in words if word is not None]


def _reading_order(boxes: list[_Box], page) -> list[_Box]:
    """Boxes in reading order: the page cut into bands at boxes that span the columns; in each band the left
    column top to bottom, then the right one."""
    width = page[2] - page[0]
    middle = page[0] + width / 2
    spanning = [b for b in boxes if b.bbox[0] < middle - width * 0.05 and b.bbox[2] > middle + width * 0.05]
    ordered: list[_Box] = []
    rest = [b for b in boxes if b not in spanning]
    cuts = sorted(spanning, key=lambda b: -b.bbox[3])
    top = float("inf")
    for cut in [*cuts, None]:
        bottom = cut.bbox[3] if cut is not None else float("-inf")
        band = [b for b in rest if bottom <= (b.bbox[1] + b.bbox[3]) / 2 < top]
        ordered.extend(sorted(band, key=lambda b: (b.bbox[0] >= middle, -b.bbox[3])))
        if cut is not None:
            ordered.append(cut)
            top = cut.bbox[1]
    return ordered


def _as_table(box: _Box) -> list[list[str]] | None:
    """The rows of a box laid out as a table, or None. Columns are the gaps that run through every line (a
    projection profile of the words' extents): a paragraph has none, a table at least one."""
    if len(box.lines) < 2 or any(not words for _, _, words in box.lines):
        return None
    spans = sorted((x0, x1) for _, _, words in box.lines for x0, x1, _ in words)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1.0:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    if len(columns) < 2 or (len(columns) < 3 and len(box.lines) < 3):
        return None
    rows = []
    for _, _, words in box.lines:
        cells = ["" for _ in columns]
        for x0, x1, text in words:
            index = next(i for i, (c0, c1) in enumerate(columns) if c0 <= x0 <= c1)
            cells[index] = f"{cells[index]} {text}".strip()
        rows.append(cells)
    # a table of results: most cells past the first column of the rows below the header are numbers
    values = [cell for row in rows[1:] for cell in row[1:] if cell]
    if not values or sum(1 for cell in values if _NUMERIC_CELL.match(cell)) < 0.5 * len(values):
        return None
    return rows


def _paragraph(builder: _Builder, display: str, lines: list[tuple[str, int, int]], *_unused) -> None:
    text, starts = _join(lines, display)
    builder.paragraph(text, starts)


def _join(lines: list[tuple[str, int, int]], display: str) -> tuple[str, list[tuple[int, Place]]]:
    """Lines (text, page, line on the page) as one paragraph. A word broken by a hyphen at the end of a line is
    joined ("classi-" + "fication"); a hyphen before a capital or a digit stays ("COVID-" + "19")."""
    parts: list[str] = []
    starts: list[tuple[int, Place]] = []
    offset = 0
    for index, (text, page, line) in enumerate(lines):
        text = text.strip()
        starts.append((offset, Place(display, line, page=page)))
        if index + 1 < len(lines):
            following = lines[index + 1][0].strip()
            if _HYPHEN.search(text) and following[:1].islower():
                text = text[:-1]
                parts.append(text)
                offset += len(text)
                continue
            if text.endswith(("-", "\u2010")) and following[:1].isalnum():
                parts.append(text)
                offset += len(text)
                continue
        parts.append(text + " ")
        offset += len(text) + 1
    # a space a PDF lost before a leading decimal point ("AUROC of.912", "CI.901") is put back
    return re.sub(r"(?<=[A-Za-z])\.(?=\d)", " .", "".join(parts).strip()), starts


def _running_lines(pages) -> set[str]:
    """Lines printed on most pages (journal name, running title): not part of the text."""
    if len(pages) < 3:
        return set()
    per_page: Counter = Counter()
    for boxes in pages:
        per_page.update({text.strip() for box in boxes for text, _, _ in box.lines})
    return {text for text, count in per_page.items() if count >= max(3, len(pages) * 0.6) and len(text) < 120}
