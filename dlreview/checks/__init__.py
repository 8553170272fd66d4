"""Rule logic. Each rule is one small class that queries the program model and yields reports.

The rule's texts and examples live in ``rules/<ID>.toml``; ``dlreview.rulespec`` joins the two by id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import libcst as cst

from dlreview.findings import Severity
from dlreview.model.program import Program

REGISTRY: dict[str, type[Check]] = {}


@dataclass(frozen=True)
class Report:
    node: cst.CSTNode
    message: str
    severity: Severity | None = None   # when one finding weighs more than the rule's usual severity


class Check:
    """Base of code rules: set ``id`` and implement ``check``."""

    id: ClassVar[str]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.id in REGISTRY:
            raise RuntimeError(f"two rule classes claim {cls.id}")
        REGISTRY[cls.id] = cls

    def check(self, program: Program) -> Iterator[Report]:
        raise NotImplementedError


def load_checks() -> dict[str, type[Check]]:
    """Import every rule module so that its classes register themselves."""
    from dlreview.checks import ethics, leakage, modelling, reproducibility  # noqa: F401

    return REGISTRY
