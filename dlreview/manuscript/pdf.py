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
    frames: list[tuple] = []
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
            frames.append(layout.bbox)
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
    repeated = _running_lines(pages, frames)
    builder = _Builder(document)
    carried: tuple[list, int, int] | None = None   # a paragraph that goes on in the next column or page
    for number, boxes in enumerate(pages, start=1):
        line_number = 0
        starts: dict[int, int] = {}
        for box in boxes:
            starts[id(box)] = line_number + 1
            line_number += len(box.lines)
        tables = _cell_tables(boxes, frames[number - 1])   # tables whose cells pdfminer gave as boxes of their own
        owner = {id(piece): box for box in boxes for piece in _split_at_gaps(box)}
        in_table: dict[int, list] = {}
        for table in tables:
            for row in table:
                for piece in row:
                    in_table.setdefault(id(owner.get(id(piece), piece)), table)
        emitted: set[int] = set()
        for box in boxes:
            first_line = starts[id(box)]
            if id(box) in in_table:
                table = in_table[id(box)]
                if id(table) not in emitted:
                    emitted.add(id(table))
                    rows = _aligned(table)
                    builder.table(rows, [Place(display, starts.get(id(owner.get(id(row[0]), row[0])), 1), page=number)
                                         for row in table])
                continue
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
            lines = [(t, number, first_line + i) for i, (t, _) in enumerate(kept)]
            # a paragraph that did not end a sentence goes on in this box (the next column or page)
            carried = (carried[0] + lines, 0, 0) if carried else (lines, 0, 0)
            if kept[-1][0].rstrip().endswith((".", "!", "?", ":", ".)", '."')):
                _paragraph(builder, display, *carried)
                carried = None
    if carried:
        _paragraph(builder, display, *carried)
    return document


class _Box:
    __slots__ = ("bbox", "lines")

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
    column top to bottom, then the right one. A box belongs to the band its middle falls in (cuts are placed at
    the middles of the spanning boxes), so none is lost beside a cut."""
    width = page[2] - page[0]
    middle = page[0] + width / 2
    spanning = sorted((b for b in boxes if b.bbox[0] < middle - width * 0.05 and b.bbox[2] > middle + width * 0.05),
                      key=lambda b: -(b.bbox[1] + b.bbox[3]))
    rest = [b for b in boxes if b not in spanning]
    bands: list[list[_Box]] = [[] for _ in range(len(spanning) + 1)]
    cuts = [(b.bbox[1] + b.bbox[3]) / 2 for b in spanning]
    for box in rest:
        centre = (box.bbox[1] + box.bbox[3]) / 2
        band = next((i for i, cut in enumerate(cuts) if centre > cut), len(cuts))
        bands[band].append(box)
    ordered: list[_Box] = []
    for index, band in enumerate(bands):
        ordered.extend(sorted(band, key=lambda b: (b.bbox[0] >= middle, -b.bbox[3])))
        if index < len(spanning):
            ordered.append(spanning[index])
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


def _running_lines(pages, frames) -> set[str]:
    """Lines printed in the top or bottom margin of most pages (journal name, running title): not the text."""
    if len(pages) < 3:
        return set()
    per_page: Counter = Counter()
    for boxes, frame in zip(pages, frames):
        height = frame[3] - frame[1]
        per_page.update({text.strip() for box in boxes for text, bbox, _ in box.lines
                         if bbox[1] > frame[3] - 0.12 * height or bbox[3] < frame[1] + 0.12 * height})
    return {text for text, count in per_page.items() if count >= max(3, len(pages) * 0.6) and len(text) < 120}


def _cell_tables(boxes: list[_Box], frame) -> list[list[list[_Box]]]:
    """Tables laid out as a box per cell: short boxes side by side in rows of three or more, rows one under the
    other. Each table is a list of rows (top to bottom), each row a list of boxes (left to right). Boxes of one
    line that hold several cells (pdfminer joins close cells) are split at the wide gaps between their words. A box
    level with a row but under no other row's cells (a heading in the next column) is not part of the table."""
    cells = [piece for box in boxes if len(box.lines) <= 3 and all(len(text.strip()) <= 60 for text, _, _ in box.lines)
             for piece in _split_at_gaps(box)]
    rows: list[list[_Box]] = []
    for box in sorted(cells, key=lambda b: -b.bbox[3]):
        top, bottom = box.bbox[3], box.bbox[1]
        row = next((r for r in rows if min(top, max(b.bbox[3] for b in r)) - max(bottom, min(b.bbox[1] for b in r))
                    > 1.0 and not any(_overlap_x(box, b) for b in r)), None)
        if row is None:
            rows.append([box])
        else:
            row.append(box)
    rows = [sorted(row, key=lambda b: b.bbox[0]) for row in rows if len(row) >= 3]
    rows.sort(key=lambda row: -max(b.bbox[3] for b in row))
    tables: list[list[list[_Box]]] = []
    for row in rows:
        height = max(b.bbox[3] for b in row) - min(b.bbox[1] for b in row)
        if tables:
            last = tables[-1][-1]
            gap = min(b.bbox[1] for b in last) - max(b.bbox[3] for b in row)
            same_columns = abs(last[0].bbox[0] - row[0].bbox[0]) < 30
            if gap < 2.5 * max(height, 8) and same_columns:
                tables[-1].append(row)
                continue
        tables.append([row])
    out = []
    for table in tables:
        if len(table) >= 3:
            table = [[box for box in row if any(_overlap_x(box, other) for other_row in table if other_row is not row
                                                for other in other_row)] for row in table]
        if len(table) >= 2:
            out.append(table)
    return out


def _split_at_gaps(box: _Box) -> list[_Box]:
    """A one-line box cut where its words are further apart than a column gap (twice the line height)."""
    if len(box.lines) != 1 or len(box.lines[0][2]) < 2:
        return [box]
    _, bbox, words = box.lines[0]
    height = bbox[3] - bbox[1]
    groups: list[list[tuple]] = [[words[0]]]
    for word in words[1:]:
        if word[0] - groups[-1][-1][1] > 2.0 * height:
            groups.append([word])
        else:
            groups[-1].append(word)
    if len(groups) == 1:
        return [box]
    pieces = []
    for group in groups:
        piece_box = (group[0][0], box.bbox[1], group[-1][1], box.bbox[3])
        pieces.append(_Box([(" ".join(w[2] for w in group), piece_box, group)], piece_box))
    return pieces


def _overlap_x(a: _Box, b: _Box) -> bool:
    return min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0]) > 1.0


def _aligned(table: list[list[_Box]]) -> list[list[str]]:
    """Cell texts in columns: the row with the most cells gives the columns; every cell goes to the column its
    extent overlaps most."""
    template = max(table, key=len)
    columns = [(b.bbox[0], b.bbox[2]) for b in template]
    out = []
    def column(x0: float, x1: float) -> int:
        overlaps = [min(x1, c1) - max(x0, c0) for c0, c1 in columns]
        best = max(range(len(columns)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0:   # in a gap: the nearest column
            best = min(range(len(columns)), key=lambda i: min(abs(x0 - columns[i][1]), abs(x1 - columns[i][0])))
        return best

    for row in table:
        cells = ["" for _ in columns]
        for box in row:
            words = box.lines[0][2] if len(box.lines) == 1 else []
            inside = all(any(min(x1, c1) - max(x0, c0) > 0 for c0, c1 in columns) for x0, x1, _ in words)
            spanned = {column(x0, x1) for x0, x1, _ in words} if inside else set()
            if len(spanned) > 1:   # neighbouring cells that pdfminer merged into one box: split them by word
                for x0, x1, word in box.lines[0][2]:
                    index = column(x0, x1)
                    cells[index] = f"{cells[index]} {word}".strip()
                continue
            index = column(box.bbox[0], box.bbox[2])
            text = " ".join(t.strip() for t, _, _ in box.lines)
            cells[index] = f"{cells[index]} {text}".strip()
        out.append(cells)
    return out
