"""The one finding model shared by code rules, manuscript rules, re-execution and the report."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, replace


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem found at one place.

    ``line``/``column`` are 1-based. In a notebook ``cell`` is the 1-based index among code cells and
    ``line``/``end_line`` count within that cell; elsewhere ``cell`` is None. In a PDF manuscript ``page`` is the
    1-based page and ``line`` counts text lines on that page.

    ``scope`` is ``"file"`` for a finding at a place in a file; ``"repository"`` for one about a project as a whole
    (``path`` is its folder, ``line`` 0); ``"document"`` for one about a manuscript as a whole (an item it never
    reports; ``line`` 0). ``evidence`` quotes the manuscript sentence a manuscript finding rests on.
    """

    path: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity
    tip: int
    end_line: int
    end_column: int
    cell: int | None = None
    end_cell: int | None = None
    page: int | None = None
    evidence: str | None = None
    scope: str = "file"

    @property
    def is_repository_level(self) -> bool:
        """About the project as a whole (no pinned dependencies, no model card): ``path`` is its folder, no line."""
        return self.scope == "repository"

    @property
    def is_document_level(self) -> bool:
        """About a manuscript as a whole (an item it never reports): no line."""
        return self.scope == "document"

    def with_path(self, path: str) -> Finding:
        return replace(self, path=path)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        return cls(**{**data, "severity": Severity(data["severity"])})


@dataclass(frozen=True, order=True)
class FileError:
    """A file that could not be analysed (fully), with a reason a user can act on."""

    path: str
    reason: str
    line: int | None = None
    cell: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> FileError:
        return cls(**data)

    def location(self) -> str:
        parts = [self.path]
        if self.cell is not None:
            parts.append(f"cell {self.cell}")
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)
