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
    ``line``/``end_line`` count within that cell; elsewhere ``cell`` is None. A repository-level finding has
    ``line`` 0 and ``path`` the project's folder.
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

    @property
    def is_repository_level(self) -> bool:
        """About the project as a whole (no pinned dependencies, no model card): ``path`` is its folder, no line."""
        return self.line == 0

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
