"""Abstract values of the program model.

The interpreter does not run code; it follows where data comes from. Every array, frame, tensor or dataset is a
``Data`` whose ``origins`` name the root data sets its rows come from, whose ``partition`` says which part of which
split it is (if any), and whose ``taints`` name the fitted transformers whose output it contains.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from dlreview.model.events import FitEvent, ScoreEvent, SplitEvent

_ids = itertools.count(1)


def new_id() -> int:
    return next(_ids)


class Value:
    """Base of all abstract values. ``UNKNOWN`` is what the model cannot tell: rules stay silent on it."""


class _Unknown(Value):
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Value = _Unknown()


@dataclass(frozen=True)
class Partition:
    """One part of a split: ``role`` is "train", "test" or "part" (a fold or slice whose role is not known).

    ``parent`` is the part the split's input was itself (a validation split of the training part lies within it).
    """

    split: SplitEvent
    role: str
    parent: Partition | None = None

    def lineage(self) -> list[Partition]:
        chain: list[Partition] = []
        part: Partition | None = self
        while part is not None:
            chain.append(part)
            part = part.parent
        return chain

    @property
    def top(self) -> Partition:
        """The part of the first split in the chain: what the rows are relative to the whole data set."""
        return self.lineage()[-1]

    @property
    def is_test(self) -> bool:
        """The held-out test part: test at every level (the test half of a split of the held-out part too).

        The training half of a split of the held-out part, or of the training part, is a validation set."""
        return all(part.role == "test" for part in self.lineage())


def common_partition(partitions) -> Partition | None:
    """The innermost part that all of ``partitions`` lie within: train + validation lie within the training part;
    train + test lie within nothing."""
    partitions = list(partitions)
    if not partitions or any(p is None for p in partitions):
        return None
    shared = partitions[0].lineage()
    for other in partitions[1:]:
        lineage = other.lineage()
        shared = [part for part in shared if part in lineage]
    return shared[0] if shared else None


@dataclass(frozen=True, eq=False)
class Data(Value):
    origins: frozenset[int]
    label: str = ""                       # a name for messages: the expression it first came from
    partition: Partition | None = None
    taints: frozenset[FitEvent] = frozenset()
    is_index: bool = False                # row positions (from a splitter or a permutation), not rows
    shuffled: bool = False                # rows (or positions) in a random order: slices of it are a split
    slice_split: SplitEvent | None = None  # the split recorded when a shuffled value was first sliced
    mixed: frozenset[Partition] = frozenset()  # parts of splits put back together (``pd.concat([train, test])``)
    deduplicated: bool = False            # duplicate rows were dropped (``drop_duplicates``)
    scores: frozenset[ScoreEvent] = frozenset()  # the scores this value is (or is computed from)
    made_by: str = ""                     # the library call that made it, when it took no data (``create_study``)
    columns: frozenset[str] | None = None  # only these columns were selected (``df[["age", "bmi"]]``); None: all

    @property
    def parts(self) -> frozenset[Partition]:
        """Every part of a split that these rows come from."""
        return self.mixed | ({self.partition} if self.partition is not None else frozenset())

    def holds_test_rows(self) -> bool:
        return any(part.is_test for part in self.parts)

    def derive(self, label: str | None = None, **changes) -> Data:
        if label is not None:
            changes["label"] = label
        return replace(self, **changes)


@dataclass(frozen=True, eq=False)
class Ref(Value):
    """A name from outside the program: a module, class or function of a library, by qualified name."""

    name: str

    def attr(self, attr: str) -> Ref:
        return Ref(f"{self.name}.{attr}")


@dataclass(eq=False)
class Estimator(Value):
    """An instance of a known estimator class, or a pipeline of steps."""

    qualname: str
    node: cst.CSTNode
    steps: tuple[Value, ...] = ()
    fits: list[FitEvent] = field(default_factory=list)
    params: dict[str, Value] = field(default_factory=dict)   # constructor keyword arguments

    @property
    def short_name(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]


@dataclass(frozen=True, eq=False)
class Splitter(Value):
    """A cross-validation splitter instance (KFold, StratifiedKFold, ...)."""

    qualname: str


@dataclass(frozen=True, eq=False)
class Folds(Value):
    """What ``splitter.split(X)`` returns: iterating it gives (train positions, test positions)."""

    split: SplitEvent


@dataclass(frozen=True, eq=False)
class Sequence(Value):
    """A tuple or list whose items are known (literals, results of ``train_test_split``)."""

    items: tuple[Value, ...]


@dataclass(eq=False)
class Function(Value):
    """A function or lambda defined in the program; calls are followed into its body."""

    node: cst.FunctionDef | cst.Lambda
    qualname: str
    scope: object = None          # the interpreter frame it was defined in (closures read from it)
    analysed: bool = False


@dataclass(eq=False)
class Instance(Value):
    """An object of a class defined in the program: its attributes are tracked (``self.scaler = ...``)."""

    class_name: str
    attrs: dict[str, Value] = field(default_factory=dict)


def data_parts(value: Value) -> list[Data]:
    """All Data reachable in a value (items of sequences included)."""
    if isinstance(value, Data):
        return [value]
    if isinstance(value, Sequence):
        return [part for item in value.items for part in data_parts(item)]
    return []


def combine(values: list[Value], label: str = "") -> Value:
    """The value of an operation on several inputs: its rows come from all of them.

    A partition survives only when every input is the same part of the same split; mixing train and test
    gives unsplit data again.
    """
    parts = [part for value in values for part in data_parts(value)]
    if not parts:
        return UNKNOWN
    if len(parts) == 1:
        return parts[0].derive(label or parts[0].label)
    partition = common_partition(part.partition for part in parts)
    mixed = frozenset().union(*(part.parts for part in parts)) if partition is None else frozenset()
    return Data(
        origins=frozenset().union(*(part.origins for part in parts)),
        label=label or parts[0].label,
        partition=partition,
        taints=frozenset().union(*(part.taints for part in parts)),
        is_index=all(part.is_index for part in parts),
        mixed=mixed,
        deduplicated=all(part.deduplicated for part in parts),
        scores=frozenset().union(*(part.scores for part in parts)),
        columns=None if any(part.columns is None for part in parts) else frozenset().union(
            *(part.columns for part in parts)),
    )


def join(first: Value, second: Value) -> Value:
    """The value a name has after two branches that gave it ``first`` and ``second``."""
    if first is second:
        return first
    if first is UNKNOWN:
        return second
    if second is UNKNOWN:
        return first
    if isinstance(first, Data) and isinstance(second, Data):
        return Data(
            origins=first.origins | second.origins,
            label=first.label or second.label,
            # A part of a split in either branch stays one: when the model cannot tell, it stays silent.
            partition=first.partition or second.partition,
            taints=first.taints | second.taints,
            is_index=first.is_index and second.is_index,
            shuffled=first.shuffled and second.shuffled,
            mixed=first.mixed | second.mixed,
            deduplicated=first.deduplicated and second.deduplicated,
            scores=first.scores | second.scores,
            columns=None if first.columns is None or second.columns is None else first.columns | second.columns,
        )
    return second
