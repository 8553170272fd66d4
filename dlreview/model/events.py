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
    kind: str                    # "function", "splitter", "cv", "permutation", "sample", "random_split"
    name: str                    # what did it, for messages: "train_test_split", "KFold.split", ...
    inputs: tuple[Data, ...]
    grouped: bool = False        # respects groups or time order (GroupKFold, TimeSeriesSplit, ``groups=``)
    shuffled: bool = True        # rows are assigned at random (``train_test_split(shuffle=False)`` is not)
    overlapping: bool = False    # its parts share rows (``idx[:800]`` and ``idx[600:]``)
    slices: list = field(default_factory=list)  # (lower, upper) of each literal slice of a permutation

    HOLD_OUT_KINDS = frozenset({"function", "permutation", "sample", "random_split"})

    @property
    def origins(self) -> frozenset[int]:
        return frozenset().union(*(data.origins for data in self.inputs)) if self.inputs else frozenset()

    @property
    def is_cross_validation(self) -> bool:
        return self.kind in ("splitter", "cv")


@dataclass(eq=False)
class FitEvent:
    """Something learning from data: an estimator's ``fit``/``fit_transform``/``fit_resample``/``partial_fit``,
    or a statistic computed by hand (``X.mean()``), a correlation (``df.corr()``), a ``resample(...)``."""

    seq: int
    node: cst.CSTNode            # the call
    estimator: Estimator | None
    method: str
    data: Value                  # X
    target: Value | None = None  # y
    kind: str = "estimator"      # "estimator", "statistic", "correlation", "resample"
    label: str = ""              # what learned, for messages, when there is no estimator
    supervised: bool = False     # for correlations: with the label

    @property
    def what(self) -> str:
        return self.estimator.short_name if self.estimator is not None else self.label


@dataclass(eq=False)
class ApplyEvent:
    """A fitted estimator used on data: ``transform``, ``predict``, ``score``, ``model(x)``, ..."""

    seq: int
    node: cst.CSTNode
    estimator: Estimator
    method: str
    data: Value


@dataclass(eq=False)
class ScoreEvent:
    """A score computed on data: a metric function, ``model.score``, ``model.evaluate``, ``(pred == y).mean()``.

    ``sites`` are the calls that led here, outermost first, ending with the scoring node itself: a score computed
    inside a helper is reported at the helper's call in the code that compares scores."""

    seq: int
    node: cst.CSTNode
    data: Value
    sites: tuple[cst.CSTNode | None, ...]
    loops: tuple[cst.CSTNode, ...]      # loops (and comprehensions) it was computed in, outermost first

    def site(self, depth: int) -> cst.CSTNode:
        node = self.sites[depth] if depth < len(self.sites) else None
        return node if node is not None else self.node


@dataclass(eq=False)
class SelectionEvent:
    """Scores compared to keep the best: ``if score > best:``, ``max(scores)``, ``np.argmax``, ``idxmax``."""

    seq: int
    node: cst.CSTNode
    scores: frozenset[ScoreEvent]
    depth: int                           # call depth of the comparison (to find where its scores came from)
    loops: tuple[cst.CSTNode, ...]


@dataclass(eq=False)
class EvaluationUseEvent:
    """Data handed to training for monitoring or early stopping: ``validation_data=``, ``eval_set=``, ..."""

    seq: int
    node: cst.CSTNode
    keyword: str
    data: Value


@dataclass(eq=False)
class LoopEvent:
    """A loop or comprehension: the events with ``start < seq < end`` happened inside it."""

    node: cst.CSTNode
    start: int
    end: int = 0


@dataclass(eq=False)
class CallEvent:
    """A call of a library (or another module's) function, or a method of an object whose class is known.

    ``name`` is the qualified name of what was called (``torch.manual_seed``), or for a method call the class or
    the call that made the receiver (``sklearn.ensemble.RandomForestClassifier``, ``optuna.create_study``, a class of
    this file), with ``method`` the method's name. ``local`` calls are of functions and classes of this file.
    ``function`` is the function of this file whose body holds the call (None at module level)."""

    seq: int
    node: cst.Call
    name: str
    method: str | None
    function: str | None
    args: tuple[Value, ...] = ()
    kwargs: dict[str, Value] = field(default_factory=dict)
    local: bool = False
    in_loop: bool = False
    receiver: Value | None = None   # the object whose method is called

    def keyword(self, name: str) -> cst.BaseExpression | None:
        """The expression passed as keyword ``name``."""
        return next((arg.value for arg in self.node.args if arg.keyword is not None and arg.keyword.value == name),
                    None)

    def positional(self, index: int) -> cst.BaseExpression | None:
        positional = [arg.value for arg in self.node.args if arg.keyword is None and not arg.star]
        return positional[index] if index < len(positional) else None

    @property
    def target(self) -> str:
        return f"{self.name}.{self.method}" if self.method else self.name


@dataclass(eq=False)
class SettingEvent:
    """A library attribute or an environment variable set: ``torch.backends.cudnn.benchmark = True``,
    ``os.environ["CUBLAS_WORKSPACE_CONFIG"] = ":4096:8"`` (``name`` is ``env:CUBLAS_WORKSPACE_CONFIG``)."""

    seq: int
    node: cst.CSTNode
    name: str
    value: cst.BaseExpression
    function: str | None


@dataclass(frozen=True)
class ClassFact:
    """A class defined in this file and the library classes it derives from (directly or through classes here)."""

    name: str
    bases: tuple[str, ...]
    node: cst.ClassDef


@dataclass(frozen=True)
class Mention:
    """A column of a data set named in the code (a group identifier, a time column, ...)."""

    column: str
    node: cst.CSTNode


@dataclass
class Events:
    splits: list[SplitEvent] = field(default_factory=list)
    fits: list[FitEvent] = field(default_factory=list)
    applies: list[ApplyEvent] = field(default_factory=list)
    scores: list[ScoreEvent] = field(default_factory=list)
    selections: list[SelectionEvent] = field(default_factory=list)
    evaluation_uses: list[EvaluationUseEvent] = field(default_factory=list)
    loops: list[LoopEvent] = field(default_factory=list)
    train_steps: list[int] = field(default_factory=list)           # seq of ``loss.backward()``, ``opt.step()``
    models_built: list[int] = field(default_factory=list)          # seq of each model or estimator constructed
    loads: dict[int, cst.CSTNode] = field(default_factory=dict)     # origin -> the call that read it from a file
    group_columns: dict[int, Mention] = field(default_factory=dict)  # origin -> a group identifier column
    time_columns: dict[int, Mention] = field(default_factory=dict)   # origin -> a column that orders rows in time
    calls: list[CallEvent] = field(default_factory=list)
    settings: list[SettingEvent] = field(default_factory=list)
    classes: list[ClassFact] = field(default_factory=list)
    columns: list[tuple[frozenset[int], Mention, str]] = field(default_factory=list)  # (origins, column, how named)

    def loop(self, node: cst.CSTNode) -> LoopEvent | None:
        return next((loop for loop in self.loops if loop.node is node), None)
