"""Rules as data: load ``rules/<ID>.toml`` (id, tip, texts, examples) and render a rule's documentation.

An example marks each line where a finding is expected with a trailing ``# expect: ID`` comment; the test harness
turns every example of every rule into a test case, so a rule's docs and its tests are the same text.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dlreview.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TIPS = {
    1: "Decide whether deep learning is appropriate for your problem",
    2: "Use traditional methods to establish performance baselines",
    3: "Understand the complexities of training deep neural networks",
    4: "Know your data and your question",
    5: "Choose an appropriate data representation and neural network architecture",
    6: "Tune your hyperparameters extensively and systematically",
    7: "Address deep neural networks' increased tendency to overfit the dataset",
    8: "Deep learning models can be made more transparent",
    9: "Don't over interpret predictions",
    10: "Actively consider the ethical implications of your work",
}
PAPER = 'Lee BD, Gitter A, Greene CS, et al. "Ten quick tips for deep learning in biology." PLoS Comput Biol 18(3): e1009803 (2022)'

# ``# expect: ID`` in Python, ``<!-- expect: ID -->`` in Markdown, ``% expect: ID`` in LaTeX
_EXPECT = re.compile(r"(?:#|<!--|%)\s*expect:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)(?:\s*-->)?")
_FIELDS = {"id", "name", "title", "tip", "severity", "summary", "rationale", "fix", "limitations", "references",
           "examples"}
_REQUIRED = _FIELDS - {"examples"}
_EXAMPLE_FIELDS = {"name", "kind", "code", "cells", "files", "repository", "docs", "paper", "manuscript", "document"}
REPOSITORY = "<repository>"   # the path of an expected repository-level finding

# Rules about dlreview's own suppressions: their findings carry the tip of the rule they concern (spec tip = 0).
META_RULES = frozenset({"DLR001"})

DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "How to suppress", "Limitations",
                "References")


class RuleSpecError(Exception):
    pass


@dataclass(frozen=True)
class Example:
    name: str
    kind: str                       # "bad" or "good"
    code: str | None = None         # a Python file
    cells: tuple[str, ...] = ()     # or the code cells of a notebook
    files: tuple[tuple[str, str | tuple[str, ...]], ...] = ()  # or a project: path -> text (cells for .ipynb)
    repository: tuple[str, ...] = ()  # rules expected to report on the project as a whole
    docs: bool = False              # shown in `dlreview rule ID`
    manuscript: str | None = None   # the file of ``files`` that is the manuscript (``paper`` sets paper.md)
    document: tuple[str, ...] = ()  # rules expected to report on the manuscript as a whole (an item it lacks)

    @property
    def language(self) -> str:
        """The fence language of the example in docs."""
        suffix = Path(self.manuscript or "").suffix
        if self.manuscript and all(Path(name).suffix == suffix for name, _ in self.files):
            return "latex" if suffix == ".tex" else "markdown"
        return "python"

    @property
    def is_notebook(self) -> bool:
        return bool(self.cells)

    @property
    def is_project(self) -> bool:
        return bool(self.files)

    def sources(self) -> list[tuple[str, str | tuple[str, ...]]]:
        """(path, text or cells) of every file of the example."""
        if self.files:
            return list(self.files)
        if self.cells:
            return [("example.ipynb", self.cells)]
        return [("example.py", self.code or "")]

    def expected(self) -> list[tuple[str, int | None, int, str]]:
        """(path, cell, line, rule) of every ``# expect:`` marker (cell is None outside notebooks), and
        (``REPOSITORY``, None, 0, rule) for each expected repository-level finding."""
        found = []
        for path, content in self.sources():
            chunks = list(enumerate(content, start=1)) if isinstance(content, tuple) else [(None, content)]
            for cell, text in chunks:
                for number, line in enumerate(text.splitlines(), start=1):
                    match = _EXPECT.search(line)
                    if match:
                        found.extend((path, cell, number, code.strip()) for code in match.group(1).split(","))
        found.extend((REPOSITORY, None, 0, rule) for rule in self.repository)
        found.extend((self.manuscript, None, 0, rule) for rule in self.document)
        return found

    def display(self) -> str:
        """The example as shown in docs: notebooks as numbered cells, each file of a project under its name;
        ``# expect: ID`` reads ``# <- ID``."""
        parts = []
        for path, content in self.sources():
            if isinstance(content, tuple):
                text = "\n\n".join(f"# In [{n}]:\n{cell.strip()}" for n, cell in enumerate(content, start=1))
            else:
                text = content.strip("\n")
            single_paper = self.manuscript is not None and len(self.files) == 1
            mark = "%" if self.language == "latex" else "#"
            parts.append(f"{mark} ---- {path} ----\n{text}" if self.files and not single_paper else text)
        text = "\n\n".join(parts)
        if self.repository:
            text += "\n\n# <- " + ", ".join(self.repository) + " (about the project as a whole)"
        comment = {"markdown": ("<!-- ", " -->"), "latex": ("% ", "")}.get(self.language, ("# ", ""))
        if self.document:
            text += f"\n\n{comment[0]}<- " + ", ".join(self.document) + f" (about the manuscript as a whole){comment[1]}"
        return _EXPECT.sub(lambda match: f"{comment[0]}<- {match.group(1)}{comment[1]}", text)


@dataclass(frozen=True)
class RuleSpec:
    id: str
    name: str
    title: str
    tip: int
    severity: Severity
    summary: str
    rationale: str
    fix: str
    limitations: str
    references: tuple[str, ...]
    examples: tuple[Example, ...]
    path: Path

    @property
    def is_manuscript_rule(self) -> bool:
        return any(example.manuscript for example in self.examples)

    def _suppression(self) -> str:
        return _manuscript_suppression(self.id) if self.is_manuscript_rule else _code_suppression(self.id)

    def doc_example(self, kind: str) -> Example:
        candidates = [e for e in self.examples if e.kind == kind]
        return next((e for e in candidates if e.docs), candidates[0])

    def render(self) -> str:
        """The rule's documentation, in the section order ruff users know."""
        bad, good = self.doc_example("bad"), self.doc_example("good")
        sections = {
            "What it does": self.summary,
            "Why is this bad?": (f"Tip {self.tip} of the paper: \"{TIPS[self.tip]}\".\n\n" if self.tip else "")
            + self.rationale,
            "Example": f"```{bad.language}\n{bad.display()}\n```",
            "Use instead": f"{self.fix}\n\n```{good.language}\n{good.display()}\n```",
            "How to suppress": self._suppression(),
            "Limitations": self.limitations,
            "References": "\n".join(f"- {reference}" for reference in (PAPER, *self.references)),
        }
        tip = f"Tip {self.tip}" if self.tip else "Tip of the rule it concerns"
        header = f"# {self.name} ({self.id})\n\n{self.title}.\n\n{tip} · severity: {self.severity.value}"
        body = "\n\n".join(f"## {title}\n\n{sections[title].strip()}" for title in DOC_SECTIONS)
        return f"{header}\n\n{body}\n"


def _code_suppression(rule: str) -> str:
    return (f"On the line of the finding: `# noqa: {rule}` (the code is required; a bare `# noqa` does not suppress, "
            f"and a suppression that no longer matches a finding is reported as DLR001).\n"
            f"For the whole project, in pyproject.toml: `[tool.dlreview]` `ignore = [\"{rule}\"]`; for some files: "
            f"`[tool.dlreview.per-file-ignores]` `\"scripts/*.py\" = [\"{rule}\"]`.")


def _manuscript_suppression(rule: str) -> str:
    return (f"A manuscript has no `# noqa` comments. For a manuscript (or all of them), in pyproject.toml: "
            f"`[tool.dlreview.per-file-ignores]` `\"paper/*.tex\" = [\"{rule}\"]`; for the whole project: "
            f"`[tool.dlreview]` `ignore = [\"{rule}\"]`; for one run: `--ignore {rule}`.")


def rules_dir() -> Path:
    """``dlreview/_rules`` in an installed wheel; the source tree's ``rules/`` otherwise."""
    packaged = Path(__file__).parent / "_rules"
    if packaged.is_dir():
        return packaged
    source = Path(__file__).parent.parent / "rules"
    if source.is_dir():
        return source
    raise RuleSpecError(f"rule files not found in {packaged} or {source}: the installation is incomplete")


@cache
def load_specs() -> dict[str, RuleSpec]:
    specs: dict[str, RuleSpec] = {}
    for path in sorted(rules_dir().glob("*.toml")):
        spec = parse_spec(path)
        if spec.id in specs:
            raise RuleSpecError(f"{path}: rule id {spec.id} is also used by {specs[spec.id].path}")
        specs[spec.id] = spec
    return specs


def parse_spec(path: Path) -> RuleSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleSpecError(f"{path}: invalid TOML: {exc}") from None
    unknown = set(data) - _FIELDS
    missing = _REQUIRED - set(data)
    if unknown or missing:
        raise RuleSpecError(f"{path}: unknown fields {sorted(unknown)}, missing fields {sorted(missing)}")
    if path.stem != data["id"]:
        raise RuleSpecError(f"{path}: file name must be the rule id {data['id']}.toml")
    if data["tip"] not in TIPS and not (data["tip"] == 0 and data["id"] in META_RULES):
        raise RuleSpecError(f"{path}: tip must be 1-10, not {data['tip']!r}")
    examples = []
    for number, raw in enumerate(data.get("examples", []), start=1):
        extra = set(raw) - _EXAMPLE_FIELDS
        given = [key for key in ("code", "cells", "files", "paper") if key in raw]
        if extra or raw.get("kind") not in ("bad", "good") or len(given) != 1:
            raise RuleSpecError(f"{path}: example {number} needs kind bad|good and exactly one of "
                                f"code/cells/files/paper (unknown fields: {sorted(extra)})")
        files = tuple((name, tuple(content) if isinstance(content, list) else content)
                      for name, content in raw.get("files", {}).items())
        manuscript = raw.get("manuscript")
        if "paper" in raw:
            files, manuscript = (("paper.md", raw["paper"]),), "paper.md"
        if manuscript is not None and manuscript not in dict(files):
            raise RuleSpecError(f"{path}: example {number} names manuscript {manuscript!r}, which is not among its "
                                f"files")
        examples.append(Example(name=raw.get("name", f"example {number}"), kind=raw["kind"], code=raw.get("code"),
                                cells=tuple(raw.get("cells", ())), files=files,
                                repository=tuple(raw.get("repository", ())), docs=raw.get("docs", False),
                                manuscript=manuscript, document=tuple(raw.get("document", ()))))
    kinds = {example.kind for example in examples}
    if kinds != {"bad", "good"}:
        raise RuleSpecError(f"{path}: a rule needs at least one bad and one good example")
    for example in examples:
        if example.kind == "bad" and not example.expected():
            raise RuleSpecError(f"{path}: bad example {example.name!r} marks no line with '# expect: {data['id']}'")
    return RuleSpec(
        id=data["id"], name=data["name"], title=data["title"], tip=data["tip"], severity=Severity(data["severity"]),
        summary=data["summary"], rationale=data["rationale"], fix=data["fix"], limitations=data["limitations"],
        references=tuple(data["references"]), examples=tuple(examples), path=path,
    )
