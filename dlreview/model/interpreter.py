"""An abstract interpreter over the libcst tree: it walks the program in order and records what happens to data.

It never runs code. Names are bound to abstract values (``values.py``); imports become qualified names; calls of
functions defined in the same program are followed into their bodies (bounded), so data flowing through helpers is
tracked; every split, fit and use of a fitted estimator is recorded as an event (``events.py``) that rules query.
Branches are joined; loop bodies run once. Where it cannot tell, a value is UNKNOWN and rules stay silent.
"""

from __future__ import annotations

import builtins
import contextlib
import itertools
import re
from dataclasses import dataclass, field

import libcst as cst

from dlreview.apidata import ApiData, canonical
from dlreview.model.events import (
    ApplyEvent,
    CallEvent,
    ClassFact,
    EvaluationUseEvent,
    Events,
    FitEvent,
    LoopEvent,
    Mention,
    ScoreEvent,
    SelectionEvent,
    SettingEvent,
    SplitEvent,
)
from dlreview.model.values import (
    UNKNOWN,
    Data,
    Estimator,
    Folds,
    Function,
    Instance,
    Partition,
    Ref,
    Sequence,
    Splitter,
    Value,
    combine,
    data_parts,
    join,
    new_id,
)

MAX_CALL_DEPTH = 8
MAX_INLINES_PER_FUNCTION = 32
MAX_STATEMENTS = 200_000  # per program: a runaway guard, far above any real script

_BUILTIN_NAMES = frozenset(dir(builtins))
_LIBRARIES = ("sklearn.", "imblearn.", "torch.", "tensorflow.", "keras.")
# Builtins whose result is made of their arguments' rows; other builtins (len, print, range, ...) give no data.
_ROW_PRESERVING_BUILTINS = frozenset({"list", "tuple", "sorted", "reversed", "iter", "next", "set", "frozenset"})
# Builtins whose result is a value computed from their arguments (a sum of correct predictions is a score).
_VALUE_BUILTINS = frozenset({"sum", "max", "min", "abs", "round", "float", "int"})
_FIT_METHODS = frozenset({"fit", "partial_fit"})
_FIT_OUTPUT_METHODS = frozenset({"fit_transform", "fit_predict", "fit_resample"})
_APPLY_METHODS = frozenset({
    "transform", "inverse_transform", "predict", "predict_proba", "predict_log_proba", "decision_function",
    "score", "score_samples",
})
_PERMUTATION_METHODS = frozenset({"permutation"})
_IN_PLACE_SHUFFLES = frozenset({"numpy.random.shuffle", "random.shuffle"})
_SCORE_METHODS = frozenset({"score", "evaluate"})
# Methods of models that return the model itself (scikit-learn, torch.nn.Module).
_SELF_RETURNING_METHODS = frozenset({"set_params", "to", "cuda", "cpu", "float", "double", "half", "train", "eval",
                                     "requires_grad_"})
_CONTAINER_ADDS = frozenset({"append", "extend", "add", "insert", "update", "setdefault"})
_CONTAINER_VIEWS = frozenset({"items", "values", "keys", "copy"})
# Keeping the best of several scores.
_SELECTING_BUILTINS = frozenset({"max", "min", "sorted"})
_SELECTING_FUNCTIONS = frozenset({"numpy.argmax", "numpy.argmin", "numpy.nanargmax", "numpy.nanargmin", "numpy.max",
                                  "numpy.min", "numpy.argsort", "torch.argmax", "torch.argmin"})
_SELECTING_METHODS = frozenset({"idxmax", "idxmin", "nlargest", "nsmallest", "sort_values", "argmax", "argmin",
                                "max", "min", "argsort"})
_TRAIN_STEP_METHODS = frozenset({"backward", "step"})
# A column that identifies a group of related rows (a patient, a donor, a batch), as a word of the column name,
# alone or followed by an identifier suffix: patient, patient_id, PatientID, subject, donor_no, batch, site ...
_GROUP_WORDS = ("patient|subject|donor|individual|participant|person|sample|specimen|batch|site|hospital|center|"
                "centre|clinic|family|mouse|mice|animal|plate|well")
_GROUP_COLUMN = re.compile(rf"^(?!(?:n|num|number|count|total|nb)_)(?:[a-z0-9]+_)?(?:{_GROUP_WORDS})s?"
                           rf"(?:[ _]?(?:id|ids|no|number|code|name|key|label))?$")
_TIME_COLUMN = re.compile(r"^(?:\w+[ _])?(?:date|datetime|time|timestamp|year|month|week|day)s?(?:[ _]\w+)?$")
_IDENTIFIER_COLUMN = re.compile(
    r"^(?:(?:patient|subject|participant|person|donor|customer|user|contact|mother|father|parent)_)?"
    r"(?:(?:first|last|given|family|middle|full|maiden|sur)_?name|surname|(?:patient|subject|participant|person)_name|"
    r"dob|d_o_b|date_of_birth|birth_?date|birthday|mrn|medical_record(?:_number|_no|_id)?|record_number|"
    r"(?:street_|home_|postal_|mailing_)?address|street|phone(?:_number|_no)?|telephone|mobile(?:_number)?|"
    r"ssn|social_security(?:_number|_no)?|e_?mail(?:_address)?|nhs_(?:number|no|id)|passport(?:_number|_no)?|"
    r"national_id|insurance_(?:number|id))$")
_HUMAN_COLUMN = re.compile(
    r"^(?:(?:patient|subject|participant|donor|individual|person)s?(?:_?(?:id|ids|no|number|code|key))?|"
    r"age(?:_years|_at_\w+)?|sex|gender|ethnicity|race|bmi|smok(?:er|ing)(?:_status)?)$")
_LABEL_NAME = re.compile(r"^(?:y|Y|y_\w*|target\w*|labels?|outcome\w*|class(?:es)?|diagnosis)$")
_VALIDATION_NAME = re.compile(r"(?:^|_)(?:val|valid|validation|dev|cal|calib|calibration|tune|tuning|es)(?:_|$|\d)",
                              re.IGNORECASE)
_LABEL_COLUMNS = frozenset({"target", "label", "labels", "y", "class", "outcome", "diagnosis", "response"})


def _words(column: str) -> str:
    """``PatientID`` -> ``patient_id``, so one pattern serves every naming style."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", column.strip()).lower()


def is_label_name(name: str) -> bool:
    """A variable that by its name holds the labels (``y``, ``y_train``, ``target``, ``labels``)."""
    return bool(_LABEL_NAME.match(name))


def is_personal_identifier(column: str) -> bool:
    """A column that identifies a person: a name, date of birth, record number, address, phone, SSN, email."""
    return bool(_IDENTIFIER_COLUMN.match(_words(column)))


def is_human_column(column: str) -> bool:
    """A column that describes people: a patient or participant identifier, age, sex, ethnicity."""
    return bool(_HUMAN_COLUMN.match(_words(column)))


def is_group_column(column: str) -> bool:
    return bool(_GROUP_COLUMN.match(_words(column)))


def is_time_column(column: str) -> bool:
    return bool(_TIME_COLUMN.match(_words(column)))


@dataclass
class Frame:
    vars: dict[str, Value]
    parent: Frame | None
    returns: list[Value] = field(default_factory=list)
    global_names: set[str] = field(default_factory=set)

    def lookup(self, name: str) -> Value | None:
        frame: Frame | None = self
        while frame is not None:
            if name in frame.vars:
                return frame.vars[name]
            frame = frame.parent
        return None


@dataclass(eq=False)
class ClassInfo(Value):
    """A class defined in the program."""

    node: cst.ClassDef
    methods: dict[str, Function]
    instance: Instance | None = None
    is_dataset: bool = False     # a torch Dataset or Keras Sequence: its objects are rows of data
    bases: tuple[str, ...] = ()  # qualified names of the library classes it derives from, or of other modules'


@dataclass(frozen=True, eq=False)
class Zip(Value):
    """``zip(a, b)`` / ``enumerate(a)``: iterating gives one item of each."""

    parts: tuple[Value, ...]


class _Budget(Exception):
    pass


class Interpreter:
    def __init__(self, module: cst.Module, api: ApiData):
        self.module = module
        self.api = api
        self.events = Events()
        self._seq = itertools.count()
        self.module_frame = Frame(vars={}, parent=None)
        self.functions: list[Function] = []
        self.classes: list[ClassInfo] = []
        self._stack: list[Function] = []
        self._inlines: dict[int, int] = {}
        self._statements = 0
        self._slice_splits: dict[int, SplitEvent] = {}
        self._sites: list[cst.CSTNode | None] = []     # calls being inlined, outermost first
        self._loops: list[cst.CSTNode] = []
        self._label_columns: set[str] = set(_LABEL_COLUMNS)
        self._correlation_subscripts: list[tuple[FitEvent, str]] = []
        self._asserting = False

    # ----------------------------------------------------------------- driver
    def run(self) -> Events:
        try:
            self.exec_block(self.module.body, self.module_frame)
            # Code that is defined but not called here (library modules, entry points called from elsewhere)
            # is analysed too, with its parameters standing for unknown data.
            for info in list(self.classes):
                self._analyse_class(info)
            for function in list(self.functions):
                if not function.analysed:
                    self.call_function(function, [], {}, fresh_params=True)
        except _Budget:
            pass
        # ``df.corr()["diagnosis"]`` is a correlation with the label once ``y = df["diagnosis"]`` is seen.
        for fit, column in self._correlation_subscripts:
            if column in self._label_columns:
                fit.supervised = True
        return self.events

    def _analyse_class(self, info: ClassInfo) -> None:
        instance = info.instance or Instance(class_name=info.node.name.value)
        info.instance = instance
        ordered = sorted(info.methods.values(), key=lambda f: f.qualname.rsplit(".", 1)[-1] != "__init__")
        for method in ordered:
            if not method.analysed:
                self.call_function(method, [], {}, fresh_params=True, self_value=instance)

    def seq(self) -> int:
        return next(self._seq)

    # ----------------------------------------------------------------- statements
    def exec_block(self, body, frame: Frame) -> None:
        for statement in body:
            self.exec_statement(statement, frame)

    def exec_statement(self, node: cst.CSTNode, frame: Frame) -> None:
        self._statements += 1
        if self._statements > MAX_STATEMENTS:
            raise _Budget
        if isinstance(node, cst.SimpleStatementLine):
            for small in node.body:
                self.exec_small(small, frame)
        elif isinstance(node, cst.FunctionDef):
            function = Function(node=node, qualname=node.name.value, scope=frame)
            self.functions.append(function)
            self.assign_name(node.name.value, function, frame)
        elif isinstance(node, cst.ClassDef):
            self.exec_class(node, frame)
        elif isinstance(node, cst.If):
            self.exec_if(node, frame)
        elif isinstance(node, (cst.For,)):
            iterable = self.eval(node.iter, frame)
            with self._loop(node):
                self.assign(node.target, self.iterate(iterable), frame)
                self.exec_block(node.body.body, frame)
            if node.orelse is not None:
                self.exec_block(node.orelse.body.body, frame)
        elif isinstance(node, cst.While):
            with self._loop(node):
                self.eval(node.test, frame)
                self.exec_block(node.body.body, frame)
            if node.orelse is not None:
                self.exec_block(node.orelse.body.body, frame)
        elif isinstance(node, (cst.Try, cst.TryStar)):
            self.exec_block(node.body.body, frame)
            for handler in node.handlers:
                if handler.name is not None:
                    self.assign(handler.name.name, UNKNOWN, frame)
                self.exec_block(handler.body.body, frame)
            if node.orelse is not None:
                self.exec_block(node.orelse.body.body, frame)
            if node.finalbody is not None:
                self.exec_block(node.finalbody.body.body, frame)
        elif isinstance(node, cst.With):
            for item in node.items:
                value = self.eval(item.item, frame)
                if item.asname is not None:
                    self.assign(item.asname.name, value, frame)
            self.exec_block(node.body.body, frame)
        elif isinstance(node, cst.Match):
            self.eval(node.subject, frame)
            for case in node.cases:
                self.exec_block(case.body.body, frame)
        elif hasattr(node, "body") and hasattr(node.body, "body"):
            self.exec_block(node.body.body, frame)

    @contextlib.contextmanager
    def _loop(self, node: cst.CSTNode):
        """Record a loop (or comprehension) around what runs inside the ``with`` block."""
        event = LoopEvent(node, start=self.seq())
        self.events.loops.append(event)
        self._loops.append(node)
        try:
            yield
        finally:
            self._loops.pop()
            event.end = self.seq()

    def exec_small(self, node: cst.BaseSmallStatement, frame: Frame) -> None:
        if isinstance(node, cst.Expr):
            self.eval(node.value, frame)
        elif isinstance(node, cst.Assign):
            value = self.eval(node.value, frame)
            for target in node.targets:
                self._note_setting(target.target, node.value, frame)
                self.assign(target.target, value, frame)
                self._note_label_column(target.target, node.value)
        elif isinstance(node, cst.AnnAssign):
            if node.value is not None:
                self.assign(node.target, self.eval(node.value, frame), frame)
        elif isinstance(node, cst.AugAssign):
            current = self.eval(node.target, frame)
            value = self.eval(node.value, frame)
            self.assign(node.target, combine([current, value]) if data_parts(current) else value, frame)
        elif isinstance(node, cst.Return):
            frame.returns.append(self.eval(node.value, frame) if node.value is not None else UNKNOWN)
        elif isinstance(node, cst.Import):
            for alias in node.names:
                dotted = _dotted(alias.name)
                if alias.asname is not None:
                    self.assign(alias.asname.name, Ref(dotted), frame)
                else:
                    head = dotted.split(".", 1)[0]
                    self.assign_name(head, Ref(head), frame)
        elif isinstance(node, cst.ImportFrom):
            if isinstance(node.names, cst.ImportStar):
                return
            module = "." * len(node.relative) + (_dotted(node.module) if node.module is not None else "")
            for alias in node.names:
                name = _dotted(alias.name)
                bound = alias.asname.name if alias.asname is not None else alias.name
                qualified = f"{module}.{name}" if module and not module.endswith(".") else f"{module}{name}"
                self.assign(bound, Ref(qualified), frame)
        elif isinstance(node, cst.Global):
            frame.global_names.update(name.name.value for name in node.names)
        elif isinstance(node, cst.Del):
            targets = node.target.elements if isinstance(node.target, cst.Tuple) else [node.target]
            for target in targets:
                target = getattr(target, "value", target)
                if isinstance(target, cst.Subscript) and target.slice and isinstance(target.slice[0].slice, cst.Index):
                    base = self.eval(target.value, frame)
                    for column in _string_items(target.slice[0].slice.value):
                        self.mention(base, column, target, how="drop")
        elif isinstance(node, (cst.Raise, cst.Assert)):
            # ``assert new_score > old_score`` checks a result; it keeps nothing
            self._asserting = isinstance(node, cst.Assert)
            try:
                for child in node.children:
                    if isinstance(child, cst.BaseExpression):
                        self.eval(child, frame)
            finally:
                self._asserting = False

    def _current_function(self) -> str | None:
        """The function of this file whose body is being run (None at module level)."""
        return self._stack[-1].qualname if self._stack else None

    def _note_setting(self, target: cst.BaseExpression, value: cst.BaseExpression, frame: Frame) -> None:
        """``torch.backends.cudnn.benchmark = True``, ``os.environ["TF_DETERMINISTIC_OPS"] = "1"``."""
        name = None
        base_expression = target.value if isinstance(target, (cst.Attribute, cst.Subscript)) else None
        if base_expression is None or not _dotted_path(base_expression):
            return  # only a library's own module or object is set here; other targets are evaluated by assign
        if isinstance(target, cst.Attribute):
            base = self.eval(target.value, frame)
            if isinstance(base, Ref):
                name = canonical(base.attr(target.attr.value).name)
        elif isinstance(target, cst.Subscript) and target.slice and isinstance(target.slice[0].slice, cst.Index):
            base = self.eval(target.value, frame)
            key = _string_value(target.slice[0].slice.value)
            if isinstance(base, Ref) and base.name == "os.environ" and key:
                name = f"env:{key}"
        if name is not None:
            self.events.settings.append(SettingEvent(seq=self.seq(), node=target, name=name, value=value,
                                                     function=self._current_function()))

    def _note_label_column(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        """``y = df["diagnosis"]``: "diagnosis" is the label column."""
        if isinstance(target, cst.Name) and _LABEL_NAME.match(target.value) and isinstance(value, cst.Subscript):
            column = _string_index(value)
            if column is not None:
                self._label_columns.add(column)

    def exec_if(self, node: cst.If, frame: Frame) -> None:
        self.eval(node.test, frame)
        before = dict(frame.vars)
        self.exec_block(node.body.body, frame)
        after_body = frame.vars
        frame.vars = dict(before)
        if isinstance(node.orelse, cst.If):
            self.exec_if(node.orelse, frame)
        elif isinstance(node.orelse, cst.Else):
            self.exec_block(node.orelse.body.body, frame)
        after_else = frame.vars
        merged: dict[str, Value] = {}
        for name in after_body.keys() | after_else.keys():
            if name in after_body and name in after_else:
                merged[name] = join(after_body[name], after_else[name])
            else:
                merged[name] = after_body.get(name) or after_else[name]
        frame.vars = merged

    def exec_class(self, node: cst.ClassDef, frame: Frame) -> None:
        methods: dict[str, Function] = {}
        class_frame = Frame(vars={}, parent=frame)
        for statement in node.body.body:
            if isinstance(statement, cst.FunctionDef):
                function = Function(node=statement, qualname=f"{node.name.value}.{statement.name.value}",
                                    scope=frame)
                methods[statement.name.value] = function
            else:
                self.exec_statement(statement, class_frame)
        bases = [self.eval(base.value, frame) for base in node.bases]
        is_dataset = any(isinstance(base, Ref) and canonical(base.name) in self.api.curated_set("dataset_classes")
                         or isinstance(base, ClassInfo) and base.is_dataset for base in bases)
        library_bases: list[str] = []
        for base in bases:
            if isinstance(base, Ref):
                library_bases.append(canonical(base.name))
            elif isinstance(base, ClassInfo):
                library_bases.extend(base.bases)
        info = ClassInfo(node=node, methods=methods, is_dataset=is_dataset, bases=tuple(library_bases))
        self.events.classes.append(ClassFact(node.name.value, info.bases, node))
        self.classes.append(info)
        self.assign_name(node.name.value, info, frame)

    # ----------------------------------------------------------------- binding
    def assign_name(self, name: str, value: Value, frame: Frame) -> None:
        if isinstance(value, Data) and value.label != name:
            value = value.derive(label=name)
            part = value.partition
            if part is not None and part.role == "test" and _VALIDATION_NAME.search(name):
                # ``X_train, X_val = train_test_split(...)``: the held-out part named a validation or calibration
                # set is one (what it is used for decides what it is; its name is the best evidence here)
                value = value.derive(partition=Partition(part.split, "part", part.parent))
        if name in frame.global_names:
            self.module_frame.vars[name] = value
        else:
            frame.vars[name] = value

    def assign(self, target: cst.BaseExpression, value: Value, frame: Frame) -> None:
        if isinstance(target, cst.Name):
            self.assign_name(target.value, value, frame)
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            starred = [i for i, element in enumerate(elements) if isinstance(element, cst.StarredElement)]
            if isinstance(value, Sequence) and (len(value.items) == len(elements) or starred):
                items = list(value.items)
                if starred:
                    star = starred[0]
                    tail = len(elements) - star - 1
                    middle = items[star:len(items) - tail] if tail else items[star:]
                    items = items[:star] + [Sequence(tuple(middle))] + (items[len(items) - tail:] if tail else [])
                for element, item in zip(elements, items):
                    self.assign(element.value, item, frame)
            else:
                for element in elements:
                    self.assign(element.value, self.unpack_item(value), frame)
        elif isinstance(target, cst.Attribute):
            base = self.eval(target.value, frame)
            if isinstance(base, Instance):
                base.attrs[target.attr.value] = value
        elif isinstance(target, cst.Subscript):
            # ``df[cols] = scaler.fit_transform(df[cols])`` changes df: its rows now carry the transformer's output.
            base = self.eval(target.value, frame)
            if isinstance(target.value, cst.Name) and isinstance(base, Sequence):
                # ``results[name] = score``: the dict now holds the score
                self.assign_name(target.value.value, Sequence(base.items + (value,)), frame)
                return
            if isinstance(target.value, cst.Name) and isinstance(base, Data):
                added = data_parts(value)
                if added:
                    taints = base.taints.union(*(part.taints for part in added))
                    self.assign_name(target.value.value, base.derive(taints=taints), frame)
        elif isinstance(target, cst.StarredElement):
            self.assign(target.value, value, frame)

    def unpack_item(self, value: Value) -> Value:
        if isinstance(value, Data):
            return value.derive()
        if isinstance(value, Sequence):
            return _join_all(value.items)
        return UNKNOWN

    def iterate(self, value: Value) -> Value:
        """The value of one item of ``value`` when iterated."""
        if isinstance(value, Folds):
            split = value.split
            parent = split.inputs[0].partition if split.inputs else None
            return Sequence((
                Data(origins=split.origins, label="train_index", partition=Partition(split, "train", parent),
                     is_index=True),
                Data(origins=split.origins, label="test_index", partition=Partition(split, "test", parent),
                     is_index=True),
            ))
        if isinstance(value, Zip):
            return Sequence(tuple(self.iterate(part) for part in value.parts))
        if isinstance(value, Sequence):
            return _join_all(value.items)
        if isinstance(value, Data):
            return value.derive(is_index=False, shuffled=False)
        return UNKNOWN

    # ----------------------------------------------------------------- expressions
    def eval(self, node: cst.BaseExpression | None, frame: Frame) -> Value:
        if node is None:
            return UNKNOWN
        if isinstance(node, cst.Name):
            found = frame.lookup(node.value)
            if found is not None:
                return found
            if node.value in _BUILTIN_NAMES:
                return Ref(f"builtins.{node.value}")
            return UNKNOWN
        if isinstance(node, cst.Attribute):
            return self.eval_attribute(node, frame)
        if isinstance(node, cst.Call):
            return self.eval_call(node, frame)
        if isinstance(node, cst.Subscript):
            return self.eval_subscript(node, frame)
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            items: list[Value] = []
            for element in node.elements:
                value = self.eval(element.value, frame)
                if isinstance(element, cst.StarredElement) and isinstance(value, Sequence):
                    items.extend(value.items)
                else:
                    items.append(value)
            return Sequence(tuple(items))
        if isinstance(node, cst.BinaryOperation):
            return combine([self.eval(node.left, frame), self.eval(node.right, frame)])
        if isinstance(node, cst.UnaryOperation):
            value = self.eval(node.expression, frame)
            if (isinstance(node.operator, (cst.BitInvert, cst.Not)) and isinstance(value, Data)
                    and value.is_index and value.partition is not None and value.partition.role in ("train", "test")):
                # ``~df.id.isin(train_ids)``: the rows not in the training part
                part = value.partition
                flipped = Partition(part.split, "test" if part.role == "train" else "train", part.parent)
                return value.derive(partition=flipped)
            return value
        if isinstance(node, cst.Comparison):
            operands = [node.left] + [c.comparator for c in node.comparisons]
            values = [self.eval(operand, frame) for operand in operands]
            result = combine(values)
            operators = [c.operator for c in node.comparisons]
            if any(isinstance(op, (cst.GreaterThan, cst.LessThan, cst.GreaterThanEqual, cst.LessThanEqual))
                   for op in operators) and not any(_is_number(operand) for operand in operands):
                # ``if score > best_score:`` keeps the better of two scores
                self.select(node, values)
            elif (isinstance(result, Data) and all(isinstance(op, cst.Equal) for op in operators)
                  and all(isinstance(value, Data) for value in values)):
                # ``(pred == y).sum()``: counting correct predictions is an accuracy
                result = self.score(node, result)
            return result
        if isinstance(node, cst.BooleanOperation):
            return join(self.eval(node.left, frame), self.eval(node.right, frame))
        if isinstance(node, cst.IfExp):
            self.eval(node.test, frame)
            return join(self.eval(node.body, frame), self.eval(node.orelse, frame))
        if isinstance(node, cst.Lambda):
            function = Function(node=node, qualname="<lambda>", scope=frame)
            return function
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
            return self.eval_comprehension(node, frame)
        if isinstance(node, cst.NamedExpr):
            value = self.eval(node.value, frame)
            self.assign(node.target, value, frame)
            return value
        if isinstance(node, (cst.Await, cst.Yield)):
            inner = getattr(node, "expression", None) or getattr(node, "value", None)
            return self.eval(inner, frame) if isinstance(inner, cst.BaseExpression) else UNKNOWN
        if isinstance(node, cst.Dict):
            items = []
            for element in node.elements:
                if isinstance(element, cst.DictElement):
                    self.eval(element.key, frame)
                items.append(self.eval(element.value, frame))
            return Sequence(tuple(items))
        if isinstance(node, cst.FormattedString):
            for part in node.parts:
                if isinstance(part, cst.FormattedStringExpression):
                    self.eval(part.expression, frame)
            return UNKNOWN
        return UNKNOWN

    def eval_comprehension(self, node, frame: Frame) -> Value:
        inner = Frame(vars={}, parent=frame)
        clause = node.for_in
        with self._loop(node):
            while clause is not None:
                self.assign(clause.target, self.iterate(self.eval(clause.iter, inner)), inner)
                for condition in clause.ifs:
                    self.eval(condition.test, inner)
                clause = clause.inner_for_in
            if isinstance(node, cst.DictComp):
                self.eval(node.key, inner)
                element = self.eval(node.value, inner)
                return Sequence((element,))
            element = self.eval(node.elt, inner)
        if isinstance(element, Data):
            return element.derive()
        return Sequence((element,)) if element is not UNKNOWN else UNKNOWN

    # ----------------------------------------------------------------- scores and columns
    def score(self, node: cst.CSTNode, data: Value) -> Value:
        """Record a score computed from ``data``; the result carries it so that comparisons of it can be found."""
        if not isinstance(data, Data):
            return data
        event = ScoreEvent(seq=self.seq(), node=node, data=data, sites=tuple(self._sites) + (node,),
                           loops=tuple(self._loops))
        self.events.scores.append(event)
        return data.derive(scores=data.scores | {event}, is_index=False)

    def select(self, node: cst.CSTNode, values: list[Value]) -> None:
        """Scores compared or ranked to keep the best one."""
        scores = frozenset().union(*(part.scores for value in values for part in data_parts(value)))
        if scores and not self._asserting:
            self.events.selections.append(SelectionEvent(seq=self.seq(), node=node, scores=scores,
                                                         depth=len(self._sites), loops=tuple(self._loops)))

    def mention(self, data: Value, column: str | None, node: cst.CSTNode, *, time_order: bool = False,
                how: str = "use") -> None:
        """A column of ``data`` named in the code: remember group identifiers, time columns, and columns about
        people (``how`` is "drop" where the code removes it)."""
        if not isinstance(data, Data) or not column:
            return
        if is_personal_identifier(column) or is_human_column(column):
            self.events.columns.append((data.origins, Mention(column, node), how))
        if is_group_column(column):
            for origin in data.origins:
                self.events.group_columns.setdefault(origin, Mention(column, node))
        if time_order and is_time_column(column):
            for origin in data.origins:
                self.events.time_columns.setdefault(origin, Mention(column, node))

    def eval_attribute(self, node: cst.Attribute, frame: Frame) -> Value:
        base = self.eval(node.value, frame)
        name = node.attr.value
        if isinstance(base, Ref):
            return base.attr(name)
        if isinstance(base, Data):
            self.mention(base, name, node)
            return base.derive()
        if isinstance(base, Instance):
            return base.attrs.get(name, UNKNOWN)
        return UNKNOWN

    def eval_subscript(self, node: cst.Subscript, frame: Frame) -> Value:
        base = self.eval(node.value, frame)
        first = node.slice[0].slice if node.slice else None
        for element in node.slice[1:]:
            if isinstance(element.slice, cst.Index):
                self.eval(element.slice.value, frame)
        if isinstance(first, cst.Slice):
            for part in (first.lower, first.upper, first.step):
                self.eval(part, frame)
        index = self.eval(first.value, frame) if isinstance(first, cst.Index) else UNKNOWN
        if isinstance(base, Sequence):
            position = _literal_int(first.value) if isinstance(first, cst.Index) else None
            if position is not None and -len(base.items) <= position < len(base.items):
                return base.items[position]
            return _join_all(base.items)
        if not isinstance(base, Data):
            return UNKNOWN
        if isinstance(first, cst.Slice):
            if not base.shuffled:
                return base.derive()
            return self._slice_of_shuffled(base, first, node)
        for column in _string_items(first.value if isinstance(first, cst.Index) else None):
            self.mention(base, column, node)
            for taint in base.taints:
                if taint.kind == "correlation":
                    self._correlation_subscripts.append((taint, column))
        if isinstance(index, Data) and index.is_index:
            if index.partition is not None:
                split = index.partition.split
                if not any(existing is base for existing in split.inputs):
                    split.inputs = split.inputs + (base,)
                return base.derive(partition=index.partition, is_index=base.is_index, shuffled=False,
                                   mixed=base.mixed | index.mixed)
            if index.shuffled:
                return base.derive(shuffled=True)
        if isinstance(index, Data):
            # ``df[selected_columns]``: the selection's provenance (a correlation with the label) comes along
            return base.derive(taints=base.taints | index.taints, mixed=base.mixed | index.mixed)
        named = _string_items(first.value) if isinstance(first, cst.Index) else []
        if named or isinstance(index, Sequence):
            # ``df[["age", "bmi"]]``, ``df[feature_columns]``: only the columns chosen (those not literal are unknown)
            return base.derive(columns=frozenset(named))
        return base.derive()

    def _slice_of_shuffled(self, base: Data, bounds: cst.Slice, node: cst.CSTNode) -> Data:
        """Slices of rows in random order are the parts of a random split: ``X[perm[:n]]``, ``idx[n:]``."""
        split = self._slice_splits.get(id(base))
        if split is None:
            split = SplitEvent(seq=self.seq(), node=node, kind="permutation", name="slicing of a random permutation",
                               inputs=() if base.is_index else (base,))
            self._slice_splits[id(base)] = split
            self.events.splits.append(split)
        if bounds.lower is None and bounds.upper is not None:
            role = "train"
        elif bounds.upper is None and bounds.lower is not None:
            role = "test"
        else:
            role = "part"
        interval = (_bound(bounds.lower) if bounds.lower is not None else None,
                    _bound(bounds.upper) if bounds.upper is not None else None)
        if (bounds.lower is None or interval[0] is not None) and (bounds.upper is None or interval[1] is not None):
            if any(_intervals_overlap(interval, other) for other in split.slices if other != interval):
                split.overlapping = True
            split.slices.append(interval)
        return base.derive(partition=Partition(split, role, base.partition), shuffled=False)

    # ----------------------------------------------------------------- calls
    def eval_call(self, node: cst.Call, frame: Frame) -> Value:
        receiver: Value | None = None
        if isinstance(node.func, cst.Attribute):
            receiver = self.eval(node.func.value, frame)
            method = node.func.attr.value
            callee = receiver.attr(method) if isinstance(receiver, Ref) else None
        else:
            method = None
            callee = self.eval(node.func, frame)
        args: list[Value] = []
        kwargs: dict[str, Value] = {}
        for arg in node.args:
            value = self.eval(arg.value, frame)
            if arg.keyword is not None:
                kwargs[arg.keyword.value] = value
            elif arg.star == "*" and isinstance(value, Sequence):
                args.extend(value.items)
            elif arg.star:
                continue
            else:
                args.append(value)
        for keyword in self.api.curated_set("evaluation_keywords"):
            if keyword in kwargs:
                self.events.evaluation_uses.append(EvaluationUseEvent(seq=self.seq(), node=node, keyword=keyword,
                                                                      data=kwargs[keyword]))
        self._record_call(node, callee, receiver, method, args, kwargs)
        if callee is None and method is not None:
            return self.call_method(receiver, method, args, kwargs, node, frame)
        if isinstance(callee, Ref):
            return self.call_library(callee, args, kwargs, node, frame)
        if isinstance(callee, Function):
            return self.call_function(callee, args, kwargs, site=node)
        if isinstance(callee, ClassInfo):
            instance = callee.instance = callee.instance or Instance(class_name=callee.node.name.value)
            self.events.models_built.append(self.seq())
            init = callee.methods.get("__init__")
            if init is not None:
                self.call_function(init, args, kwargs, self_value=instance, site=node)
            if callee.is_dataset:
                # ``TileDataset(test_df)`` holds the rows it is given: the test part stays the test part
                return combine([*args, *kwargs.values()])
            return instance
        if isinstance(callee, Estimator):
            # ``model(x)`` (torch, Keras) predicts; ``criterion(out, y)`` computes a loss
            return self.call_estimator(callee, "__call__", args, kwargs, node)
        if isinstance(callee, Data):
            # an object made by a library call (``models.resnet18()``) called on data: a model predicting
            return combine(args)
        if isinstance(callee, Instance):
            forward = next((info.methods.get("forward") or info.methods.get("__call__") for info in self.classes
                            if info.instance is callee), None)
            if forward is not None:
                return self.call_function(forward, args, kwargs, self_value=callee, site=node)
            return combine([*args, *kwargs.values()])
        return UNKNOWN

    def _record_call(self, node: cst.Call, callee: Value | None, receiver: Value | None, method: str | None,
                     args: list[Value], kwargs: dict[str, Value]) -> None:
        """Every call whose target is known, for rules that look at calls and at the project's call graph."""
        local = False
        if isinstance(callee, Ref):
            # private modules of libraries go by their public names; a project's own (``._utils``) keep theirs
            name, method = canonical(callee.name) if callee.name.startswith(_LIBRARIES) else callee.name, None
        elif isinstance(callee, Function):
            name, method, local = callee.qualname, None, True
        elif isinstance(callee, ClassInfo):
            name, method, local = callee.node.name.value, None, True
        elif callee is None and method is not None:
            if isinstance(receiver, Estimator):
                name = canonical(receiver.qualname)
            elif isinstance(receiver, Data) and receiver.made_by:
                name = receiver.made_by
            elif isinstance(receiver, Instance):
                name, local = receiver.class_name, True
            else:
                name = ""
        else:
            return
        self.events.calls.append(CallEvent(seq=self.seq(), node=node, name=name, method=method,
                                           function=self._current_function(),
                                           args=tuple(args), kwargs=kwargs, local=local, in_loop=bool(self._loops),
                                           receiver=receiver if method is not None else None))

    def call_method(self, receiver: Value, method: str, args: list[Value], kwargs: dict[str, Value],
                    node: cst.Call, frame: Frame) -> Value:
        if method in _TRAIN_STEP_METHODS and not isinstance(receiver, Ref):
            self.events.train_steps.append(self.seq())
        if isinstance(receiver, Estimator):
            return self.call_estimator(receiver, method, args, kwargs, node)
        if isinstance(receiver, Splitter):
            if method == "split" and args and isinstance(args[0], Data):
                info = self.api.splitters.get(canonical(receiver.qualname))
                grouped = info is not None and (info.groups or info.time_ordered) or receiver.qualname.endswith(
                    "PredefinedSplit")
                split = SplitEvent(seq=self.seq(), node=node, kind="splitter",
                                   name=f"{receiver.qualname.rsplit('.', 1)[-1]}.split", inputs=(args[0],),
                                   grouped=grouped)
                self.events.splits.append(split)
                return Folds(split)
            return UNKNOWN
        if isinstance(receiver, Sequence):
            target = node.func.value if isinstance(node.func, cst.Attribute) else None
            if method in _CONTAINER_ADDS and isinstance(target, cst.Name):
                # ``scores.append(score)``: the list now holds it
                self.assign_name(target.value, Sequence(receiver.items + tuple(args) + tuple(kwargs.values())),
                                 frame)
                return UNKNOWN
            if method == "items":
                return Sequence(tuple(Sequence((UNKNOWN, item)) for item in receiver.items))
            if method in _CONTAINER_VIEWS:
                return receiver
            if method in ("get", "pop"):
                return _join_all(receiver.items)
            return UNKNOWN
        if isinstance(receiver, Instance):
            function = receiver.attrs.get(method)
            if function is None:
                function = next((info.methods.get(method) for info in self.classes
                                 if info.instance is receiver and method in info.methods), None)
                if function is not None:
                    return self.call_function(function, args, kwargs, self_value=receiver, site=node)
            if isinstance(function, Function):
                return self.call_function(function, args, kwargs, site=node)
            if isinstance(function, Estimator):
                return self.call_estimator(function, "__call__", args, kwargs, node)
            if method in _SELF_RETURNING_METHODS:
                return receiver
            return UNKNOWN
        if method in _PERMUTATION_METHODS:
            return self.permutation(args)
        if method == "shuffle" and node.args:
            self.shuffle_in_place(node.args[0].value, frame)
            return UNKNOWN
        if isinstance(receiver, Data):
            return self.call_data_method(receiver, method, args, kwargs, node, frame)
        return UNKNOWN

    def call_data_method(self, receiver: Data, method: str, args: list[Value], kwargs: dict[str, Value],
                         node: cst.Call, frame: Frame) -> Value:
        """A method of an array, frame, series or tensor."""
        api = self.api
        how = "drop" if method in ("drop", "pop") else "use"
        for arg in node.args:
            for column in _string_items(arg.value):
                self.mention(receiver, column, node, time_order=method in ("sort_values", "set_index", "sort_index"),
                             how=how)
        unsplit = receiver.partition is None and not receiver.is_index
        result: Value
        if method in _SELECTING_METHODS and receiver.scores:
            self.select(node, [receiver])
        if (method in api.curated_set("statistic_methods") and unsplit and not receiver.scores
                and not _per_row(node, positional_axis=0)):
            result = self.statistic(receiver, f"{receiver.label or 'data'}.{method}()", node)
        elif method in api.curated_set("correlation_methods") and unsplit:
            fit = FitEvent(seq=self.seq(), node=node, estimator=None, method=method, data=receiver,
                           target=args[0] if args else None, kind="correlation",
                           label=f"{receiver.label or 'data'}.{method}()",
                           supervised=method == "corrwith" and bool(args) and isinstance(args[0], Data))
            self.events.fits.append(fit)
            result = receiver.derive(taints=receiver.taints | {fit})
        elif method in api.curated_set("deduplicating_methods"):
            result = receiver.derive(deduplicated=True)
        elif method == "isin" and args and isinstance(args[0], Data) and args[0].partition is not None:
            # ``df.patient_id.isin(train_ids)``: a mask for the rows of that part; splitting the distinct ids and
            # taking rows by membership keeps each id's rows together, a split by group
            args[0].partition.split.grouped = True
            result = receiver.derive(partition=args[0].partition, is_index=True)
        elif method == "unique":
            # the distinct values (group identifiers, say) are new things, not rows of the data set
            result = Data(origins=frozenset({new_id()}), label=f"{receiver.label}.unique()")
        else:
            result = self.call_data_method_rows(receiver, method, args, kwargs, node)
        target = node.func.value if isinstance(node.func, cst.Attribute) else None
        inplace = next((arg.value for arg in node.args if arg.keyword is not None and arg.keyword.value == "inplace"),
                       None)
        if isinstance(target, cst.Name) and isinstance(inplace, cst.Name) and inplace.value == "True":
            self.assign_name(target.value, result, frame)
        return result

    def call_data_method_rows(self, receiver: Data, method: str, args: list[Value], kwargs: dict[str, Value],
                              node: cst.Call) -> Value:
        """Methods that keep (some of) the rows: ``drop``, ``fillna``, ``astype``, ``reshape``, ``to_numpy`` ..."""
        if method == "sample":
            return self.sample(receiver, kwargs, node)
        if method == "drop":
            dropped = [part for value in [*args, *kwargs.values()] for part in data_parts(value)
                       if part.partition is not None and part.partition.split.kind == "sample"]
            if dropped and dropped[0].partition.split.origins & receiver.origins:
                split = dropped[0].partition.split
                return receiver.derive(partition=Partition(split, "test", receiver.partition))
        return combine([receiver, *args, *kwargs.values()], label=receiver.label)

    def statistic(self, data: Data, label: str, node: cst.CSTNode) -> Data:
        """``X.mean()``, ``np.std(X, axis=0)`` on rows that are not a part of a split: it learns from them."""
        fit = FitEvent(seq=self.seq(), node=node, estimator=None, method="statistic", data=data, kind="statistic",
                       label=label)
        self.events.fits.append(fit)
        return data.derive(taints=data.taints | {fit})

    def call_estimator(self, estimator: Estimator, method: str, args: list[Value], kwargs: dict[str, Value],
                       node: cst.Call) -> Value:
        data = args[0] if args else kwargs.get("X", UNKNOWN)
        if method in _FIT_METHODS or method in _FIT_OUTPUT_METHODS:
            target = args[1] if len(args) > 1 else kwargs.get("y")
            fit = FitEvent(seq=self.seq(), node=node, estimator=estimator, method=method, data=data, target=target)
            estimator.fits.append(fit)
            self.events.fits.append(fit)
            if self._cross_validates(estimator) and isinstance(data, Data):
                self.events.splits.append(SplitEvent(
                    seq=self.seq(), node=node, kind="cv", name=f"{estimator.short_name}.{method}", inputs=(data,),
                    grouped="groups" in kwargs or self._grouped_cv(estimator.params.get("cv"))))
            if method in _FIT_METHODS:
                return estimator
            if not isinstance(data, Data):
                return UNKNOWN
            output = data.derive(taints=data.taints | {fit})
            if method == "fit_resample":
                return Sequence((output, target.derive() if isinstance(target, Data) else UNKNOWN))
            return output
        if method in _APPLY_METHODS or method in _SCORE_METHODS or method == "__call__":
            self.events.applies.append(ApplyEvent(seq=self.seq(), node=node, estimator=estimator, method=method,
                                                  data=data))
            if method in _SCORE_METHODS or (method == "__call__" and estimator.short_name.lower().endswith("loss")):
                return self.score(node, combine([*args, *kwargs.values()]))
            if method == "__call__":
                return combine(args)
            if not isinstance(data, Data):
                return UNKNOWN
            taints = frozenset(estimator.fits[-1:]) if method in ("transform", "inverse_transform") else frozenset()
            return data.derive(taints=data.taints | taints)
        if method in _SELF_RETURNING_METHODS:
            return estimator
        return UNKNOWN

    def _grouped_cv(self, cv: Value | None) -> bool:
        if isinstance(cv, Splitter):
            info = self.api.splitters.get(canonical(cv.qualname))
            return info is not None and (info.groups or info.time_ordered) or cv.qualname.endswith("PredefinedSplit")
        return False

    def _cross_validates(self, estimator: Estimator) -> bool:
        return self.api.cross_validates(canonical(estimator.qualname))

    def call_library(self, callee: Ref, args: list[Value], kwargs: dict[str, Value], node: cst.Call,
                     frame: Frame) -> Value:
        api = self.api
        name = canonical(callee.name)
        short = name.rsplit(".", 1)[-1]
        if name in api.split_functions:
            inputs = tuple(arg for arg in args if isinstance(arg, Data))
            shuffle = next((arg.value for arg in node.args if arg.keyword is not None
                            and arg.keyword.value == "shuffle"), None)
            split = SplitEvent(seq=self.seq(), node=node, kind="function", name=short, inputs=inputs,
                               shuffled=not (isinstance(shuffle, cst.Name) and shuffle.value == "False"))
            self.events.splits.append(split)
            parts: list[Value] = []
            for arg in args:
                if isinstance(arg, Data):
                    for role in ("train", "test"):
                        parts.append(arg.derive(partition=Partition(split, role, arg.partition), shuffled=False,
                                                is_index=False))
                else:
                    parts.extend([UNKNOWN, UNKNOWN])
            return Sequence(tuple(parts))
        if name in api.torch_split_functions:
            dataset = args[0] if args else kwargs.get("dataset", UNKNOWN)
            lengths = args[1] if len(args) > 1 else kwargs.get("lengths", UNKNOWN)
            count = len(lengths.items) if isinstance(lengths, Sequence) else 2
            inputs = (dataset,) if isinstance(dataset, Data) else ()
            split = SplitEvent(seq=self.seq(), node=node, kind="random_split", name=short, inputs=inputs)
            self.events.splits.append(split)
            roles = {2: ("train", "test"), 3: ("train", "part", "test")}.get(count, ("part",) * count)
            if not isinstance(dataset, Data):
                return Sequence((UNKNOWN,) * count)
            return Sequence(tuple(dataset.derive(partition=Partition(split, role, dataset.partition))
                                  for role in roles))
        if name in api.torch_subset:
            dataset = args[0] if args else kwargs.get("dataset", UNKNOWN)
            indices = args[1] if len(args) > 1 else kwargs.get("indices", UNKNOWN)
            if isinstance(dataset, Data) and isinstance(indices, Data) and indices.partition is not None:
                split = indices.partition.split
                if not any(existing is dataset for existing in split.inputs):
                    split.inputs = split.inputs + (dataset,)
                return dataset.derive(partition=indices.partition)
            return combine([dataset, indices])
        if name in api.splitters:
            return Splitter(name)
        if name in api.cv_functions:
            data = args[1] if len(args) > 1 else kwargs.get("X", UNKNOWN)
            if isinstance(data, Data):
                self.events.splits.append(SplitEvent(
                    seq=self.seq(), node=node, kind="cv", name=short, inputs=(data,),
                    grouped="groups" in kwargs or self._grouped_cv(kwargs.get("cv"))))
            return UNKNOWN
        convention = api.pipelines.get(name)
        if convention is not None:
            return Estimator(name, node, steps=_pipeline_steps(convention, args, kwargs), params=kwargs)
        if name in api.search_cv:
            inner = args[0] if args else kwargs.get("estimator", UNKNOWN)
            return Estimator(name, node, steps=(inner,), params=kwargs)
        if name in api.estimators or name in api.samplers or api.is_model_class(name):
            self.events.models_built.append(self.seq())
            return Estimator(name, node, params=kwargs)
        first = args[0] if args else UNKNOWN
        if name in api.curated_set("file_loaders"):
            data = Data(origins=frozenset({new_id()}), label=short)
            self.events.loads[next(iter(data.origins))] = node
            if "parse_dates" in kwargs:
                for arg in node.args:
                    if arg.keyword is not None and arg.keyword.value == "parse_dates":
                        for column in _string_items(arg.value):
                            self.mention(data, column, node, time_order=True)
            return data
        if name == "pandas.to_datetime" and node.args:
            self.mention(first, _string_index(node.args[0].value), node, time_order=True)
        if api.is_metric(name):
            return self.score(node, combine([*args, *kwargs.values()]))
        if (name in api.curated_set("statistic_functions") and isinstance(first, Data) and first.partition is None
                and not first.is_index and not first.scores and not _per_row(node, 1)):
            return self.statistic(first, f"{short}({first.label or 'data'})", node)
        if name in api.resample_functions and isinstance(first, Data) and first.partition is None:
            fit = FitEvent(seq=self.seq(), node=node, estimator=None, method=short, data=first, kind="resample",
                           label=short)
            self.events.fits.append(fit)
            resampled = [arg.derive(taints=arg.taints | {fit}) if isinstance(arg, Data) else UNKNOWN for arg in args]
            return resampled[0] if len(resampled) == 1 else Sequence(tuple(resampled))
        if name in api.curated_set("deduplicating_functions") and isinstance(first, Data):
            axis = next((arg.value for arg in node.args if arg.keyword is not None and arg.keyword.value == "axis"),
                        None)
            if axis is not None and _literal_int(axis) == 0:
                return first.derive(deduplicated=True)
        if name in _SELECTING_FUNCTIONS:
            self.select(node, args)
        if name in _IN_PLACE_SHUFFLES and node.args:
            self.shuffle_in_place(node.args[0].value, frame)
            return UNKNOWN
        if name in api.permutation_functions:
            return self.permutation(args)
        if name in api.shuffle_functions:
            shuffled = [arg.derive(shuffled=True) if isinstance(arg, Data) else UNKNOWN for arg in args]
            return shuffled[0] if len(shuffled) == 1 else Sequence(tuple(shuffled))
        if name.startswith("builtins."):
            if short in _SELECTING_BUILTINS:
                self.select(node, args)
            if short == "next" and args and isinstance(args[0], Folds):
                return self.iterate(args[0])
            if short == "zip":
                return Zip(tuple(args))
            if short == "enumerate":
                return Zip((UNKNOWN, args[0] if args else UNKNOWN))
            if short in _ROW_PRESERVING_BUILTINS:
                return combine(args)
            if short in _VALUE_BUILTINS:
                value = combine(args)
                return value.derive(is_index=False) if isinstance(value, Data) else value
            return UNKNOWN
        inputs = [*args, *kwargs.values()]
        if any(data_parts(value) for value in inputs):
            return combine(inputs)
        # A library call that takes no data makes new data: a loader, a generator, a constructor.
        return Data(origins=frozenset({new_id()}), label=short, made_by=name)

    def permutation(self, args: list[Value]) -> Value:
        subject = args[0] if args else UNKNOWN
        if isinstance(subject, Data) and not subject.is_index and subject.label not in ("len", "shape"):
            return subject.derive(shuffled=True)
        return Data(origins=frozenset({new_id()}), label="permutation", is_index=True, shuffled=True)

    def shuffle_in_place(self, target: cst.BaseExpression, frame: Frame) -> None:
        if isinstance(target, cst.Name):
            value = frame.lookup(target.value)
            if isinstance(value, Data):
                self.assign_name(target.value, value.derive(shuffled=True), frame)

    def sample(self, frame_value: Data, kwargs: dict[str, Value], node: cst.Call) -> Value:
        """``df.sample(frac=1)`` shuffles; ``df.sample(frac=0.8)`` takes the training part of a split."""
        fraction = kwargs.get("frac")
        literal = getattr(node, "args", ())
        frac_node = next((arg.value for arg in literal if arg.keyword is not None and arg.keyword.value == "frac"),
                         None)
        frac = _literal_float(frac_node) if frac_node is not None else None
        if fraction is None and "n" not in kwargs:
            return frame_value.derive()
        if frac is not None and frac >= 1:
            return frame_value.derive(shuffled=True)
        split = SplitEvent(seq=self.seq(), node=node, kind="sample", name="DataFrame.sample", inputs=(frame_value,))
        self.events.splits.append(split)
        return frame_value.derive(partition=Partition(split, "train", frame_value.partition))

    def call_function(self, function: Function, args: list[Value], kwargs: dict[str, Value], *,
                      fresh_params: bool = False, self_value: Value | None = None,
                      site: cst.CSTNode | None = None) -> Value:
        key = id(function)
        if function in self._stack or len(self._stack) >= MAX_CALL_DEPTH:
            return combine([*args, *kwargs.values()])
        if self._inlines.get(key, 0) >= MAX_INLINES_PER_FUNCTION:
            return combine([*args, *kwargs.values()])
        self._inlines[key] = self._inlines.get(key, 0) + 1
        function.analysed = True
        node = function.node
        frame = Frame(vars={}, parent=function.scope if function.scope is not None else self.module_frame)
        positional = list(args)
        params = node.params
        ordered = [*params.posonly_params, *params.params]
        if self_value is not None and ordered:
            self.assign_name(ordered[0].name.value, self_value, frame)
            ordered = ordered[1:]
        for param in [*ordered, *params.kwonly_params]:
            name = param.name.value
            if positional and param in ordered:
                value = positional.pop(0)
            elif name in kwargs:
                value = kwargs[name]
            elif fresh_params:
                value = Data(origins=frozenset({new_id()}), label=name)
            elif param.default is not None:
                value = self.eval(param.default, frame.parent)
            else:
                value = UNKNOWN
            self.assign_name(name, value, frame)
        if isinstance(params.star_arg, cst.Param):
            self.assign_name(params.star_arg.name.value, Sequence(tuple(positional)), frame)
        if isinstance(params.star_kwarg, cst.Param):
            self.assign_name(params.star_kwarg.name.value, UNKNOWN, frame)
        self._stack.append(function)
        self._sites.append(site)
        try:
            if isinstance(node, cst.Lambda):
                return self.eval(node.body, frame)
            body = node.body
            if isinstance(body, cst.IndentedBlock):
                self.exec_block(body.body, frame)
            else:
                for small in body.body:
                    self.exec_small(small, frame)
        finally:
            self._stack.pop()
            self._sites.pop()
        return _join_all(frame.returns)


def _bound(node: cst.BaseExpression) -> tuple[float, str] | None:
    """A slice bound as (coefficient, symbol): ``800`` is (800, ""), ``int(0.8 * n)`` is (0.8, "n"), ``n_train``
    is (1, "n_train"); None when it is anything else."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in ("int", "round") \
            and len(node.args) == 1:
        return _bound(node.args[0].value)
    number = _literal_int(node)
    if number is not None:
        return (float(number), "")
    if isinstance(node, cst.Name):
        return (1.0, node.value)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply):
        for factor, symbol in ((node.left, node.right), (node.right, node.left)):
            if isinstance(factor, (cst.Integer, cst.Float)) and isinstance(symbol, cst.Name):
                return (float(factor.value.replace("_", "")), symbol.value)
    return None


def _intervals_overlap(first, second) -> bool:
    """Whether two slices ``[a:b]`` of the same sequence share positions, when that can be told: all bounds are
    literals of one sign, or multiples of one name (``int(0.8 * n)`` and ``int(0.7 * n)``)."""
    bounds = [bound for bound in (*first, *second) if bound is not None]
    if not bounds or len({symbol for _, symbol in bounds}) != 1:
        return False
    numbers = [value for value, _ in bounds]
    if not (all(n >= 0 for n in numbers) or all(n < 0 for n in numbers)):
        return False
    lowers = [bound[0] for bound in (first[0], second[0]) if bound is not None]
    uppers = [bound[0] for bound in (first[1], second[1]) if bound is not None]
    low = max(lowers) if lowers else None
    high = min(uppers) if uppers else None
    return low is None or high is None or low < high


def _per_row(call: cst.Call, positional_axis: int) -> bool:
    """A statistic along the feature axis (``X.mean(axis=1)``, ``np.std(X, 1)``, ``x.mean(dim=-1)``) looks at one
    row at a time: it learns nothing from other rows."""
    axis = None
    positional = [arg for arg in call.args if arg.keyword is None]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in ("axis", "dim"):
            axis = arg.value
    if axis is None and len(positional) > positional_axis:
        axis = positional[positional_axis].value
    if axis is None:
        return False
    if isinstance(axis, cst.SimpleString):
        return axis.evaluated_value == "columns"
    number = _literal_int(axis)
    return number is not None and number != 0


def _is_number(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.UnaryOperation):
        node = node.expression
    return isinstance(node, (cst.Integer, cst.Float))


def _string_value(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _string_items(node: cst.BaseExpression | None) -> list[str]:
    """The string literals of ``"a"`` or ``["a", "b"]``."""
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return [value for element in node.elements if (value := _string_value(element.value)) is not None]
    value = _string_value(node)
    return [value] if value is not None else []


def _string_index(node: cst.BaseExpression) -> str | None:
    """The column in ``df["col"]``."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return _string_value(node.slice[0].slice.value)
    return None


def _pipeline_steps(convention: str, args: list[Value], kwargs: dict[str, Value]) -> tuple[Value, ...]:
    """The estimators inside a pipeline constructor call, by the calling convention of that constructor."""
    if convention == "varargs":
        return tuple(args)
    if convention == "varargs_tuples":
        return tuple(arg.items[0] for arg in args if isinstance(arg, Sequence) and arg.items)
    keyword = {"steps": "steps", "transformers": "transformers", "transformer_list": "transformer_list"}[convention]
    listed = args[0] if args else kwargs.get(keyword, UNKNOWN)
    if not isinstance(listed, Sequence):
        return ()
    return tuple(item.items[1] for item in listed.items if isinstance(item, Sequence) and len(item.items) > 1)


def _join_all(values) -> Value:
    result: Value = UNKNOWN
    for value in values:
        result = join(result, value)
    return result


def _dotted_path(node: cst.BaseExpression) -> bool:
    """A name or a chain of attributes of one (``torch.backends.cudnn``): evaluating it runs nothing."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _literal_int(node: cst.BaseExpression) -> int | None:
    if isinstance(node, cst.Integer):
        return int(node.value.replace("_", ""), 0)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _literal_int(node.expression)
        return -inner if inner is not None else None
    return None


def _literal_float(node: cst.BaseExpression) -> float | None:
    if isinstance(node, (cst.Integer, cst.Float)):
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return None
    return None
