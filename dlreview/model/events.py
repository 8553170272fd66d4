"""What the program does to data, in program order: the facts that rules query."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from dlreview.model.values import Data, Estimator, Value


@dataclass(eq=False)
class SplitEvent:
    """Rows divided into parts: ``train_test_split``, a CV splitter, ``random_split``, slices of a permutation."""

    seq: int
    node: cst.CSTNode
    kind: str                    # "function", "splitter", "cv", "permutation", "sample", "random_split", "keras"
    name: str                    # what did it, for messages: "train_test_split", "KFold.split", ...
    inputs: tuple[Data, ...]

    @property
    def origins(self) -> frozenset[int]:
        return frozenset().union(*(data.origins for data in self.inputs)) if self.inputs else frozenset()


@dataclass(eq=False)
class FitEvent:
    """An estimator learning from data: ``fit``, ``fit_transform``, ``fit_resample``, ``partial_fit``."""

    seq: int
    node: cst.CSTNode            # the call
    estimator: Estimator
    method: str
    data: Value                  # X
    target: Value | None = None  # y


@dataclass(eq=False)
class ApplyEvent:
    """A fitted estimator used on data: ``transform``, ``predict``, ``score``, ..."""

    seq: int
    node: cst.CSTNode
    estimator: Estimator
    method: str
    data: Value


@dataclass
class Events:
    splits: list[SplitEvent] = field(default_factory=list)
    fits: list[FitEvent] = field(default_factory=list)
    applies: list[ApplyEvent] = field(default_factory=list)
