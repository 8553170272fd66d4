"""LaTeX manuscripts: the body of the document with ``\\input``/``\\include`` followed, comments and the preamble
left out, macros reduced to their text, ``tabular`` environments read as tables.

This is not a TeX engine: user macros are not expanded, and a command's text argument is kept while the command
is dropped. That is enough for what the rules read (sentences, headings, numbers in tables).
"""

from __future__ import annotations

import re
from pathlib import Path

from dlreview.manuscript.document import Document, ManuscriptError, Place, _Builder, read_text

_INPUT = re.compile(r"\\(?:input|include|subfile)\s*\{([^}]+)\}")
_SECTION = re.compile(r"\\(?:part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\s*\{")
_BEGIN = re.compile(r"\\begin\s*\{([A-Za-z*]+)\}")
_END = re.compile(r"\\end\s*\{([A-Za-z*]+)\}")
_SKIPPED = {"equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "eqnarray",
            "eqnarray*", "verbatim", "lstlisting", "minted", "comment", "tikzpicture", "algorithmic",
            "algorithm2e", "displaymath", "math"}
_TABULAR = {"tabular", "tabular*", "tabularx", "longtable", "longtable*", "tabulary", "supertabular"}
_DROPPED_WITH_ARGUMENT = re.compile(
    r"\\(?:cite[a-zA-Z]*|citep|citet|citealp|ref|eqref|autoref|cref|Cref|label|pageref|vspace\*?|hspace\*?|"
    r"includegraphics|bibliographystyle|bibliography|addbibresource|setlength|newcommand|renewcommand|"
    r"usepackage|documentclass|multirow|cline|cmidrule(?:\([^)]*\))?|rule|resizebox|scalebox|"
    r"definecolor|color|textcolor\{[^}]*\}|fontsize|selectfont|arraystretch)\*?"
    r"(?:\s*\[[^\]]*\])*(?:\s*\{[^{}]*\})*")
_SYMBOLS = [
    (r"\%", "%"), (r"\&", "&"), (r"\_", "_"), (r"\#", "#"), (r"\$", "$"), ("~", " "), ("---", "—"), ("--", "–"),
    (r"\,", " "), (r"\;", " "), (r"\:", " "), (r"\!", ""), (r"\ ", " "), ("``", '"'), ("''", '"'),
]
_MATH_SYMBOLS = {
    "pm": "±", "mp": "∓", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "approx": "≈", "sim": "~",
    "rho": "ρ", "alpha": "α", "beta": "β", "sigma": "σ", "mu": "μ", "lambda": "λ", "gamma": "γ", "tau": "τ",
    "cdot": "·", "to": "→", "rightarrow": "→", "infty": "∞", "percent": "%", "textpm": "±", "textasciitilde": "~",
    "ldots": "...", "dots": "...", "cdots": "...", "lt": "<", "gt": ">", "neq": "≠", "ell": "l", "textperthousand": "‰",
}
_TEXT_SYMBOLS = {"textpm": "±", "pm": "±", "texttimes": "×", "times": "×", "textless": "<", "textgreater": ">",
                 "percent": "%", "textasciitilde": "~", "ldots": "...", "dots": "...", "textperthousand": "‰",
                 "textendash": "–", "textemdash": "—"}


def read_latex(path: Path, display: str) -> Document:
    document = Document(path=path, format="tex")
    lines = _expanded(path, display, document, set())
    macros = _macros(lines)
    if macros:
        lines = [(shown, number, _expand(text, macros)) for shown, number, text in lines]
    begin = next((i for i, (_, _, text) in enumerate(lines) if re.search(r"\\begin\s*\{document\}", text)), None)
    if begin is not None:
        lines = lines[begin + 1:]
        end = next((i for i, (_, _, text) in enumerate(lines) if re.search(r"\\end\s*\{document\}", text)), None)
        lines = lines[:end] if end is not None else lines
    elif any(re.search(r"\\documentclass", text) for _, _, text in lines):
        raise ManuscriptError("the LaTeX file has \\documentclass but no \\begin{document}")
    _Reader(document, lines).run()
    return document


_DEFINITION = re.compile(r"\\(?:newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?\s*\{?\s*\\([A-Za-z]+)"
                         r"\s*\}?\s*\{|\\def\s*\\([A-Za-z]+)\s*\{")


def _macros(lines: list[tuple[str, int, str]]) -> dict[str, str]:
    """The document's own macros without arguments (``\\newcommand{\\ours}{DeepX}``): a paper often names its
    model, its cohort or its sites only through them."""
    found: dict[str, str] = {}
    for _, _, text in lines:
        for match in _DEFINITION.finditer(text):
            body, _ = _balanced(text, match.end() - 1)
            if "#" not in body and len(body) < 200:
                found[match.group(1) or match.group(2)] = body
    return found


def _expand(text: str, macros: dict[str, str]) -> str:
    if "\\" not in text or _DEFINITION.search(text):
        return text
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) +
                         r")(?![A-Za-z])(?:\s*\{\})?(?:\\xspace\b)?")
    for _ in range(3):   # macros that use macros
        expanded = pattern.sub(lambda m: macros[m.group(1)], text)
        if expanded == text:
            break
        text = expanded
    return text


def _strip_comment(line: str) -> str:
    """The line without its comment: an unescaped ``%`` starts one."""
    match = re.search(r"(?<!\\)(?:\\\\)*%", line)
    return line[:match.start() + len(match.group(0)) - 1] if match else line


def _expanded(path: Path, display: str, document: Document, seen: set[Path]) -> list[tuple[str, int, str]]:
    """(shown path, line number, text without comments) of the file, with ``\\input``/``\\include`` replaced by
    the lines of the file they name (resolved beside the main file, as TeX does)."""
    resolved = path.resolve()
    if resolved in seen:
        raise ManuscriptError(f"{display} includes itself (\\input cycle)")
    seen = seen | {resolved}
    document.files.append(path)
    text = read_text(path)
    base = document.path.parent
    out: list[tuple[str, int, str]] = []
    skipping = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _strip_comment(raw)
        stripped = line.strip()
        if re.match(r"\\iffalse\b", stripped):
            skipping += 1
            continue
        if skipping:
            if re.match(r"\\fi\b", stripped):
                skipping -= 1
            continue
        position = 0
        for match in _INPUT.finditer(line):
            out.append((display, number, line[position:match.start()]))
            name = match.group(1).strip()
            target = base / name
            if not target.suffix:
                target = target.with_suffix(".tex")
            if not target.is_file():
                raise ManuscriptError(f"{display}:{number}: \\input of {name!r}: no file {target.name} beside the "
                                      f"main file")
            shown = (Path(display).parent / target.relative_to(base)).as_posix() if target.is_relative_to(base) \
                else target.as_posix()
            out.extend(_expanded(target, shown, document, seen))
            position = match.end()
        out.append((display, number, line[position:]))
    return out


def _balanced(text: str, start: int) -> tuple[str, int]:
    """The content of the brace group opening at ``text[start]`` and the index after it (to the end of the text
    when the group is not closed on this line)."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "{" and (index == 0 or text[index - 1] != "\\"):
            depth += 1
        elif char == "}" and (index == 0 or text[index - 1] != "\\"):
            depth -= 1
            if depth == 0:
                return text[start + 1:index], index + 1
    return text[start + 1:], len(text)


def clean(text: str) -> str:
    """LaTeX markup reduced to the text a reader sees."""
    text = re.sub(r"\\href\s*\{([^}]*)\}\s*\{([^}]*)\}", r"\2 (\1)", text)
    text = re.sub(r"\\url\s*\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\\footnote\s*\{", " (", text)  # its closing brace becomes the closing parenthesis below
    text = _DROPPED_WITH_ARGUMENT.sub("", text)
    text = re.sub(r"\\SI\s*\{([^}]*)\}\s*\{\\percent\}", r"\1%", text)
    text = re.sub(r"\\(?:SI|si|num)\s*\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\$\s*\^\s*\{?\\circ\}?\s*\$", "°", text)

    def math(match: re.Match) -> str:
        inner = match.group(1)
        inner = re.sub(r"\\(?:mathrm|mathit|mathbf|text|textrm|textit|operatorname|mathsf|boldsymbol)\s*\{([^}]*)\}",
                       r"\1", inner)
        inner = re.sub(r"\\([A-Za-z]+)", lambda m: _MATH_SYMBOLS.get(m.group(1), m.group(1)), inner)
        inner = re.sub(r"\^\s*\{([^}]*)\}", r"^\1", inner)
        inner = re.sub(r"_\s*\{([^}]*)\}", r"_\1", inner)
        return inner.replace("{", "").replace("}", "")

    text = re.sub(r"(?<!\\)\$\$?([^$]*)\$?\$", math, text)
    text = re.sub(r"\\\(([^)]*)\\\)", math, text)
    for symbol, replacement in _SYMBOLS:
        text = text.replace(symbol, replacement)
    text = re.sub(r"\\(" + "|".join(_TEXT_SYMBOLS) + r")\b\s*", lambda m: _TEXT_SYMBOLS[m.group(1)], text)
    text = re.sub(r"\\item\s*(?:\[[^\]]*\])?", "", text)
    text = re.sub(r"\\[A-Za-z]+\*?(?:\s*\[[^\]]*\])?", "", text)   # any other command: drop it, keep its argument
    text = text.replace("\\\\", " ").replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"\s+([,;:)]|\.(?!\d))", r"\1", text)


class _Reader:
    def __init__(self, document: Document, lines: list[tuple[str, int, str]]):
        self.document = document
        self.lines = lines
        self.builder = _Builder(document)
        self.paragraph: list[tuple[str, Place]] = []

    def run(self) -> None:
        stack: list[str] = []
        index = 0
        table: list[tuple[str, Place]] | None = None
        caption = ""
        in_float, float_table = False, None
        while index < len(self.lines):
            path, number, text = self.lines[index]
            place = Place(path, number, column=len(text) - len(text.lstrip()) + 1)
            index += 1
            if table is not None:
                end = _END.search(text)
                if end and end.group(1) in _TABULAR:
                    table.append((text[:end.start()], place))
                    self._table(table, caption)
                    float_table = self.document.tables[-1] if self.document.tables else None
                    table = None
                    stack.pop() if stack else None
                    text = text[end.end():]
                    if not text.strip():
                        continue
                else:
                    table.append((text, place))
                    continue
            if stack and stack[-1] in _SKIPPED:
                end = _END.search(text)
                if end and end.group(1) == stack[-1]:
                    stack.pop()
                continue
            if not text.strip():
                self._flush()
                continue
            section = _SECTION.search(text)
            if section:
                self._flush()
                title, after = _balanced(text, section.end() - 1)
                self.builder.heading_at(clean(title), place)
                text = text[after:]
                if not text.strip():
                    continue
            # \caption, and the caption argument of journal classes' table macros (Bioinformatics' \processtable,
            # T&F's \tbl)
            caption_match = re.search(r"\\(?:caption\*?|processtable|tbl)\s*(?:\[[^\]]*\])?\s*\{", text)
            if caption_match:
                self._flush()
                content, _ = _balanced(text, caption_match.end() - 1)
                caption = clean(content)
                if in_float and self.document.tables and self.document.tables[-1] is float_table:
                    float_table.caption = float_table.caption or caption   # a caption below its tabular
                self.builder.paragraph(caption, [(0, place)], kind="caption")
                text = text[:caption_match.start()]
            if re.search(r"\\end\s*\{table\*?\}", text):
                in_float, float_table = False, None
            for begin in _BEGIN.finditer(text):
                name = begin.group(1)
                if name == "abstract":
                    self._flush()
                    self.builder.heading_at("Abstract", place)
                elif name in ("table", "table*"):
                    caption, in_float, float_table = "", True, None
                elif name in _TABULAR:
                    self._flush()
                    stack.append(name)
                    table = [(_after_spec(text[begin.end():]), place)]
                    break
                elif name in _SKIPPED or name == "thebibliography":
                    self._flush()
                    if name == "thebibliography":
                        self.builder.heading_at("References", place)
                        stack.append("comment")   # references are not the paper's own sentences
                    else:
                        stack.append(name)
                    end = _END.search(text, begin.end())
                    if end and end.group(1) == name:
                        stack.pop()
                    break
            if table is not None or (stack and stack[-1] in _SKIPPED):
                continue
            if re.match(r"\s*\\(?:begin|end)\s*\{", text) and not re.sub(r"\\(?:begin|end)\s*\{[^}]*\}(?:\{[^}]*\}|"
                                                                        r"\[[^\]]*\])*", "", text).strip():
                if re.match(r"\s*\\(?:begin|end)\s*\{(?:abstract|itemize|enumerate|description)\}", text):
                    self._flush()
                continue
            if re.match(r"\s*\\item\b", text):
                self._flush()
            if re.match(r"\s*\\(?:maketitle|tableofcontents|appendix|newpage|clearpage|centering|small|footnotesize|"
                        r"noindent|bigskip|medskip|smallskip|hline|toprule|midrule|bottomrule)\s*$", text):
                continue
            self.paragraph.append((text, place))
        self._flush()

    def _flush(self) -> None:
        if not self.paragraph:
            return
        starts, parts, offset = [], [], 0
        for raw, place in self.paragraph:
            cleaned = clean(raw).strip()
            if not cleaned:
                continue
            starts.append((offset, place))
            parts.append(cleaned)
            offset += len(cleaned) + 1
        self.paragraph = []
        if parts:
            self.builder.paragraph(" ".join(parts), starts)

    def _table(self, lines: list[tuple[str, Place]], caption: str) -> None:
        """Rows end at ``\\\\``; cells are split at unescaped ``&``; rules (``\\hline``, ``\\midrule``) are skipped.
        The header is the rows before the first rule after the top rule."""
        rows: list[list[str]] = []
        places: list[Place] = []
        pending, pending_place = "", None
        header_rows = 0
        seen_rule_after_content = False
        for text, place in lines:
            for piece in re.split(r"(\\\\(?:\[[^\]]*\])?)", text):
                if not piece:
                    continue
                if piece.startswith("\\\\"):
                    if pending.strip():
                        rows.append(_cells(pending))
                        places.append(pending_place or place)
                    pending, pending_place = "", None
                    continue
                rule_free = re.sub(r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\}|cmidrule(?:\([^)]*\))?"
                                   r"\{[^}]*\}|addlinespace)", "", piece)
                if rule_free != piece and rows and not seen_rule_after_content and re.search(r"\\(?:midrule|hline)",
                                                                                             piece):
                    header_rows, seen_rule_after_content = len(rows), True
                if rule_free.strip():
                    pending += " " + rule_free
                    pending_place = pending_place or place
        if pending.strip():
            rows.append(_cells(pending))
            places.append(pending_place or lines[-1][1])
        header_rows = header_rows or 1
        for index, row in enumerate(rows):   # a \multicolumn heading names every column it spans
            for column, cell in enumerate(row):
                if cell == SPANNED:
                    row[column] = row[column - 1] if index < header_rows else ""
        self.builder.table(rows, places, caption, header_rows)


def _after_spec(text: str) -> str:
    """The text after a tabular's column specification (``{lcc}`` or ``{\\linewidth}{lXr}``)."""
    text = text.lstrip()
    for _ in range(2):
        if text.startswith("["):
            text = text[text.find("]") + 1:].lstrip()
        if text.startswith("{"):
            _, after = _balanced(text, 0)
            text = text[after:].lstrip()
    return text


SPANNED = "\x00"   # a cell covered by the \multicolumn before it


def _cells(row: str) -> list[str]:
    cells = []
    for cell in re.split(r"(?<!\\)&", row):
        multicolumn = re.match(r"\s*\\multicolumn\s*\{(\d+)\}\s*\{[^}]*\}\s*\{", cell)
        if multicolumn:
            content, _ = _balanced(cell, multicolumn.end() - 1)
            cells.extend([clean(content).strip()] + [SPANNED] * (int(multicolumn.group(1)) - 1))
        else:
            cells.append(clean(cell).strip())
    return cells
