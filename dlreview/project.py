"""The project view: what each file does, joined across files, for rules that judge a whole project.

Each file's analysis also gives a small JSON record of *facts* (``extract_facts``): the calls it makes (with
qualified names and literal arguments), the library settings and environment variables it sets, the classes it
defines, its imports, and the columns about people it names. Facts are cached with the file's findings, so a
project stage over a warm cache costs only the joining.

``Project`` joins the facts of every file under one root: it resolves a call of ``utils.set_seed`` in ``train.py``
to the function in ``utils.py``, and ``reach(file)`` walks what runs when a file runs (its top-level code, the
functions that code calls in any module of the project, the top level of the project modules it imports). A seed
set in a helper that ``train.py`` calls therefore counts for ``train.py``; one in a helper nobody calls does not.
"""

from __future__ import annotations

import ast
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import ClassVar

import libcst as cst

from dlreview.checks.libraries import LABEL_PERMUTERS, WRITERS
from dlreview.findings import Severity
from dlreview.model.interpreter import is_label_name
from dlreview.model.values import Function

# A directory holding one of these is the root of a project of its own (a nested study, a corpus case).
PROJECT_MARKERS = (".git", "pyproject.toml", "setup.py", "setup.cfg", "dlreview.toml", "requirements.txt",
                   "environment.yml", "environment.yaml")
# Files other than Python and notebooks that project rules read or look for (by name, case-insensitive).
LISTED_LIMIT = 20_000   # a project with more files than this is listed only this far
_LABEL_STRINGS = frozenset({"target", "label", "labels", "y", "class", "outcome", "diagnosis", "response"})

Location = tuple  # (cell | None, line, column)


# ------------------------------------------------------------------------------------------------------ facts
def _literal(node: cst.BaseExpression | None):
    """A JSON value for a literal argument: str, int, float, bool, None; a list of those; "?" for anything else."""
    if node is None:
        return "?"
    if isinstance(node, cst.SimpleString):
        try:
            return node.evaluated_value if isinstance(node.evaluated_value, str) else "?"
        except Exception:  # noqa: BLE001 - a malformed literal is just not a literal to us
            return "?"
    if isinstance(node, cst.ConcatenatedString):
        value = node.evaluated_value
        return value if isinstance(value, str) else "?"
    if isinstance(node, cst.Integer):
        return int(node.evaluated_value)
    if isinstance(node, cst.Float):
        return float(node.evaluated_value)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _literal(node.expression)
        return -inner if isinstance(inner, (int, float)) and not isinstance(inner, bool) else "?"
    if isinstance(node, cst.Name) and node.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[node.value]
    if isinstance(node, (cst.List, cst.Tuple)):
        return [_literal(element.value) for element in node.elements]
    if isinstance(node, cst.FormattedString):
        return "".join(part.value if isinstance(part, cst.FormattedStringText) else "{}" for part in node.parts)
    return "?"


class _Labels(cst.CSTVisitor):
    found = False

    def visit_Name(self, node: cst.Name) -> None:
        if is_label_name(node.value):
            self.found = True

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str) and value.lower() in _LABEL_STRINGS:
            self.found = True


def mentions_labels(node: cst.CSTNode | None) -> bool:
    """The expression names the labels: ``y``, ``y_train``, ``labels``, ``df["target"]``, ``len(y)``."""
    if node is None:
        return False
    visitor = _Labels()
    node.visit(visitor)
    return visitor.found


class _Attributes(cst.CSTVisitor):
    def __init__(self):
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.names.add(node.attr.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str) and value.isidentifier():
            self.names.add(value)    # ``getattr(search, "best_params_")``, ``results["best_params"]``


def _attributes(nodes) -> list[str]:
    visitor = _Attributes()
    for node in nodes:
        node.visit(visitor)
    return sorted(visitor.names)


def _models(values) -> list[str]:
    """Qualified names of the estimators (and ``local:Class`` objects of this file) among call arguments,
    pipelines and search wrappers opened: what a ``GridSearchCV(...)`` or ``cross_val_score(...)`` works on."""
    from dlreview.model.interpreter import ClassInfo
    from dlreview.model.values import Estimator, Instance, Sequence

    found: list[str] = []
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, Estimator):
            found.append(value.qualname)
            stack.extend(value.steps)
        elif isinstance(value, Sequence):
            stack.extend(value.items)
        elif isinstance(value, Instance):
            found.append(f"local:{value.class_name}")
        elif isinstance(value, ClassInfo):
            found.append(f"local:{value.node.name.value}")
    return sorted(set(found))


def _names(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            attribute.value.visit(self)
            return False    # ``obj.attr``: ``attr`` is not a name of the program

    node.visit(Names())
    return found


class _Assignments(cst.CSTVisitor):
    """Names bound from the result of a tuning (``best = search.best_params_``) and names of validation data."""

    def __init__(self):
        self.best: set[str] = set()
        self.validation: set[str] = set()

    def visit_Assign(self, node: cst.Assign) -> None:
        bound = [name.value for target in node.targets for name in _names(target.target)]
        if set(_attributes([node.value])) & TUNING_RESULTS:
            self.best.update(bound)
        self.validation.update(name for name in bound if _VALIDATION.search(name))


TUNING_RESULTS = frozenset({"best_params_", "best_params", "cv_results_", "best_trial", "best_trials",
                            "trials_dataframe", "best_estimator_", "get_best_hyperparameters", "best_config",
                            "best_hyperparameters", "best_index_", "best_score_", "best_value"})
_VALIDATION = re.compile(r"(?:^|_)(?:val|valid|validation|dev)(?:_|$|\d)", re.IGNORECASE)


def _scan(program) -> tuple[list[str], list[str], list[str], list[dict], list[str]]:
    """Imports, names bound from a tuning's results, names of validation data, and literal hyperparameter
    values (``LR = 1e-3``, ``{"batch_size": 64}``): read from Python's own ``ast`` (a C parser and a light walk; a
    second LibCST traversal would cost as much as the analysis itself)."""
    try:
        tree = ast.parse(program.source.text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assignments = _Assignments()
        program.module.visit(assignments)
        return _imports(program.module), sorted(assignments.best), sorted(assignments.validation), [], []
    imports: list[str] = []
    best: set[str] = set()
    validation: set[str] = set()
    values: list[dict] = []
    strings = sorted({node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                      and isinstance(node.value, str) and len(node.value) < 40 and METRIC_STRING.match(node.value)})

    def record(key: str, node: ast.AST, at: ast.AST) -> None:
        number = _number(node)
        if number is not None and HYPERPARAMETER_NAMES.match(key):
            cell, line = program.source.locate(at.lineno)
            values.append({"key": key, "value": number, "at": [cell, line, at.col_offset + 1]})

    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            imports.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            imports.append(base)
            imports.extend(f"{base}{alias.name}" if base.endswith(".") or not base else f"{base}.{alias.name}"
                           for alias in node.names if alias.name != "*")
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            bound = [name.id for target in targets for name in ast.walk(target) if isinstance(name, ast.Name)]
            value = node.value
            if value is not None and any(
                    (isinstance(part, ast.Attribute) and part.attr in TUNING_RESULTS)
                    or (isinstance(part, ast.Constant) and part.value in TUNING_RESULTS) for part in ast.walk(value)):
                best.update(bound)
            validation.update(name for name in bound if _VALIDATION.search(name))
            if value is not None and isinstance(node, (ast.Assign, ast.AnnAssign)):
                for target in targets:
                    if isinstance(target, (ast.Name, ast.Attribute)):
                        record(target.id if isinstance(target, ast.Name) else target.attr, node.value, node)
                for part in ast.walk(node.value) if node.value is not None else ():
                    if isinstance(part, ast.Dict):
                        for key, item in zip(part.keys, part.values):
                            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                                record(key.value, item, key)
    return imports, sorted(best), sorted(validation), values, strings


# Strings that name a metric: scorer names, Keras metric names (read by the paper-code checks).
METRIC_STRING = re.compile(r"^(?:neg_)?(?:accuracy|balanced_accuracy|roc_auc\w*|average_precision|f1\w*|precision\w*|"
                           r"recall\w*|r2|matthews_corrcoef|mcc|mean_\w+_error|root_mean_squared_error|auc|AUC|acc|"
                           r"mae|mse|rmse|pr_auc|specificity|sensitivity|explained_variance)$")


# Names under which code holds a hyperparameter that manuscripts report (compared by the paper-code checks).
HYPERPARAMETER_NAMES = re.compile(
    r"^(?:lr|learning_?rate(?:_init)?|eta|batch_?size|bs|(?:n_|num_|max_|n)?epochs?|dropout(?:_?(?:rate|p|prob))?|"
    r"drop_?rate|weight_?decay|wd|n_?estimators|num_?trees|n_?trees|max_?depth)$", re.IGNORECASE)


def _number(node: ast.AST) -> float | int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    return None


def _statements(body):
    """Every statement, nested ones included, without walking into expressions."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        yield node
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                stack.extend(reversed(children))


def _imports(module: cst.Module) -> list[str]:
    found: list[str] = []

    class Imports(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> None:
            found.extend(cst.Module([]).code_for_node(alias.name) for alias in node.names)

        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            base = "." * len(node.relative) + (cst.Module([]).code_for_node(node.module) if node.module else "")
            found.append(base)
            if not isinstance(node.names, cst.ImportStar):
                for alias in node.names:
                    name = cst.Module([]).code_for_node(alias.name)
                    found.append(f"{base}{name}" if base.endswith(".") else f"{base}.{name}")

    module.visit(Imports())
    return found


UNPLACED = "#"   # ``at`` of a fact recorded without its position: ["#", k], the k-th place recorded in the file


def extract_facts(program, positioned: bool | None = None, trace: list | None = None) -> dict:
    """The JSON record of one file's facts (see the module docstring).

    Positions cost a LibCST metadata pass over the whole file. They are recorded when the file's rules already
    paid for it (it has findings) or when ``positioned``; otherwise a fact's ``at`` is ``["#", k]``, and
    ``place_facts`` finds the k-th position again if a project rule reports there. ``trace`` receives every
    position in recording order."""
    events = program.events
    if positioned is None:
        positioned = "_positions" in program.__dict__
    counter = iter(range(1 << 30))

    def where(node) -> list:
        index = next(counter)
        if not positioned:
            return [UNPLACED, index]
        span = program.span(node)
        place = [span.cell, span.line, span.column]
        if trace is not None:
            trace.append(place)
        return place

    calls, seen = [], set()
    for call in events.calls:
        key = (id(call.node), call.function)
        if key in seen or not _worth_recording(call):
            continue
        seen.add(key)
        receiver = call.node.func.value if isinstance(call.node.func, cst.Attribute) and call.method else None
        positional = [arg.value for arg in call.node.args if arg.keyword is None and not arg.star]
        fact = {
            "name": call.name, "method": call.method, "fn": call.function, "at": where(call.node),
            "kw": {arg.keyword.value: _literal(arg.value) for arg in call.node.args if arg.keyword is not None},
            "pos": [_literal(value) for value in positional],
            "local": call.local, "loop": call.in_loop,
            "fns": sorted({value.qualname for value in (*call.args, *call.kwargs.values())
                           if isinstance(value, Function)}),
            "models": _models([*call.args, *call.kwargs.values()]),
        }
        # what the arguments name: read only for the calls whose arguments a rule looks at (a walk per call is
        # the most expensive part of recording facts)
        if call.name in LABEL_PERMUTERS or call.method in _PERMUTING_METHODS:
            fact["labels"] = any(mentions_labels(value) for value in positional) or mentions_labels(receiver)
        if call.method is not None or call.name in WRITERS or not call.name.startswith(_NO_ARGUMENT_NAMES):
            fact["attrs"] = _attributes([*(arg.value for arg in call.node.args), *([receiver] if receiver else [])])
            fact["names"] = sorted({n.value for arg in call.node.args for n in _names(arg.value)})
        calls.append(fact)
    settings = [{"name": s.name, "value": _literal(s.value), "fn": s.function, "at": where(s.node)}
                for s in events.settings]
    columns, seen_columns = [], set()
    for origins, mention, how in events.columns:
        key = (mention.column, how, id(mention.node))
        if key not in seen_columns:
            seen_columns.add(key)
            columns.append({"column": mention.column, "how": how, "origins": sorted(origins), "at": where(mention.node)})
    imports, best, validation, values, strings = _scan(program)
    return {
        "notebook": program.source.is_notebook,
        "best_names": best,
        "validation_names": validation,
        "imports": imports,
        "calls": calls,
        "settings": settings,
        "classes": {c.name: list(c.bases) for c in events.classes},
        "columns": columns,
        "values": values,
        "metric_strings": strings,
        "splits": [{"kind": split.kind, "name": split.name, "at": where(split.node),
                    "validation": _is_validation_split(split)} for split in events.splits],
    }


_PERMUTING_METHODS = frozenset({"permutation", "shuffle", "permuted", "sample"})
# Library calls whose arguments no project rule reads: their names and attributes are not recorded.
_NO_ARGUMENT_NAMES = ("numpy.", "torch.", "tensorflow.", "keras.", "pandas.", "sklearn.", "builtins.len",
                      "builtins.range", "builtins.int", "builtins.float", "builtins.str", "builtins.list",
                      "builtins.zip", "builtins.enumerate", "math.", "matplotlib.", "seaborn.")
# Method calls on objects of unknown type that project rules look at; other such calls are not recorded.
_UNKNOWN_RECEIVER_METHODS = frozenset({
    "backward", "step", "fit", "fit_generator", "train_on_batch", "apply_gradients", "compile", "cuda", "to",
    "save", "save_model", "save_pretrained", "push_to_hub", "save_weights", "save_checkpoint", "score", "evaluate",
    "add_hparams", "log", "log_params", "log_param", "info", "debug", "warning", "write", "write_text", "dump",
    "to_csv", "to_json", "to_pickle", "to_parquet", "to_excel", "update", "setdefault", "optimize", "search",
    "permutation", "shuffle", "permuted", "sample", "predict", "predict_proba", "unique", "nunique",
    "drop_duplicates", "groupby",
})


def _worth_recording(call) -> bool:
    if call.method is None or call.name:
        return True
    return call.method in _UNKNOWN_RECEIVER_METHODS


def place_facts(program) -> list[list]:
    """Every position ``extract_facts`` records, in order: ``place_facts(p)[k]`` is where ``["#", k]`` is."""
    trace: list[list] = []
    extract_facts(program, positioned=True, trace=trace)
    return trace


def _is_validation_split(split) -> bool:
    """A split of a part of an earlier split (the training part split again into train and validation)."""
    return any(getattr(data, "partition", None) is not None for data in split.inputs)


# ------------------------------------------------------------------------------------------------------ project
@dataclass
class SourceFile:
    rel: str                 # path relative to the project root, POSIX
    path: Path
    facts: dict

    @property
    def calls(self) -> list[dict]:
        return self.facts.get("calls", [])

    @property
    def is_notebook(self) -> bool:
        return bool(self.facts.get("notebook"))

    @property
    def module_names(self) -> list[str]:
        """Dotted names this file can be imported by: ``src/pkg/utils.py`` is ``src.pkg.utils``, ``pkg.utils``
        and ``utils``."""
        parts = list(PurePosixPath(self.rel).with_suffix("").parts)
        if parts and parts[-1] == "__init__":
            parts = parts[:-1]
        return [".".join(parts[i:]) for i in range(len(parts)) if parts[i:]]


@dataclass(frozen=True)
class Reached:
    """A fact reached when a file runs: ``file`` holds it; ``site`` is where in the running file it is reached
    (the fact itself when it is in that file, else the last call in that file on the way to it)."""

    file: SourceFile
    fact: dict
    site: Location

    @property
    def is_call(self) -> bool:
        return self.fact.get("kind") == "calls"


@dataclass
class Project:
    root: Path
    files: dict[str, SourceFile] = field(default_factory=dict)
    listing: list[str] = field(default_factory=list)   # every file under the root (POSIX, relative), not ignored
    top: Path | None = None     # the folder that was checked, when this project is a folder inside it

    def __post_init__(self):
        self._modules: dict[str, list[SourceFile]] | None = None

    # -------------------------------------------------------------- files
    def text(self, rel: str, limit: int = 1_000_000) -> str:
        try:
            with open(self.root / rel, encoding="utf-8", errors="replace") as stream:
                return stream.read(limit)
        except OSError:
            return ""

    def find(self, pattern: str) -> list[str]:
        """Listed files whose path matches a regular expression (case-insensitive, on the POSIX path)."""
        compiled = re.compile(pattern, re.IGNORECASE)
        return [rel for rel in self.listing if compiled.search(rel)]

    def all_calls(self) -> Iterator[tuple[SourceFile, dict]]:
        for source in self.files.values():
            for call in source.calls:
                yield source, call

    # -------------------------------------------------------------- resolution
    def _module_index(self) -> dict[str, list[SourceFile]]:
        if self._modules is None:
            self._modules = {}
            for source in self.files.values():
                if source.rel.endswith(".py"):
                    for name in source.module_names:
                        self._modules.setdefault(name, []).append(source)
        return self._modules

    def module(self, name: str, importer: SourceFile) -> SourceFile | None:
        """The project file a dotted module name (possibly relative: ``.utils``) refers to from ``importer``."""
        if name.startswith("."):
            level = len(name) - len(name.lstrip("."))
            base = PurePosixPath(importer.rel).parent
            for _ in range(level - 1):
                base = base.parent
            rest = name.lstrip(".")
            path = base.joinpath(*rest.split(".")) if rest else base
            for candidate in (f"{path.as_posix()}.py", f"{path.as_posix()}/__init__.py"):
                if candidate in self.files:
                    return self.files[candidate]
            return None
        found = self._module_index().get(name, [])
        if not found:
            return None
        here = PurePosixPath(importer.rel).parent
        # the sibling first (a script imports the module beside it), then the shortest path
        return min(found, key=lambda s: (PurePosixPath(s.rel).parent != here, len(s.rel), s.rel))

    def resolve(self, source: SourceFile, call: dict) -> tuple[SourceFile, str] | None:
        """The project function (file, qualname) a call runs, or None for library calls."""
        name, method = call.get("name") or "", call.get("method")
        if call.get("local"):
            target = f"{name}.{method}" if method else name
            if not method and name in source.facts.get("classes", {}):
                target = f"{name}.__init__"
            return source, target
        if not name:
            return None
        parts = name.split(".")
        leading = len(name) - len(name.lstrip("."))
        for cut in range(len(parts) - 1, 0, -1):
            module_name = ".".join(parts[:cut])
            if leading and not module_name.strip("."):
                continue
            target_file = self.module(module_name if not leading else name[:leading] + module_name.lstrip("."),
                                      source)
            if target_file is None:
                continue
            attr = parts[cut:]
            qualname = ".".join(attr)
            if attr[0] in target_file.facts.get("classes", {}):
                qualname = f"{qualname}.{method}" if method else f"{attr[0]}.__init__"
            elif method:
                qualname = f"{qualname}.{method}"
            return target_file, qualname
        return None

    # -------------------------------------------------------------- reachability
    def reach(self, start: SourceFile, function: str | None = None) -> list[Reached]:
        """Every call, setting and fact that runs when ``start`` runs (see the module docstring), or when its
        function ``function`` (a qualified name in that file) is called."""
        reached: list[Reached] = []
        visited: set[tuple[str, str | None]] = set()
        queue: deque[tuple[SourceFile, str | None, Location | None]] = deque([(start, function, None)])
        while queue:
            source, function, site = queue.popleft()
            if (source.rel, function) in visited:
                continue
            visited.add((source.rel, function))
            for kind in ("calls", "settings"):
                for fact in source.facts.get(kind, []):
                    if fact.get("fn") != function:
                        continue
                    at = tuple(fact["at"]) if source is start else site
                    reached.append(Reached(source, {**fact, "kind": kind}, at))
                    if kind == "calls":
                        target = self.resolve(source, fact)
                        if target is not None:
                            queue.append((target[0], target[1], at))
            if function is None:
                for name in source.facts.get("imports", []):
                    # ``import pkg.model`` runs pkg/__init__.py, then pkg/model.py
                    parts = name.split(".")
                    for end in range(1, len(parts) + 1):
                        prefix = ".".join(parts[:end])
                        imported = self.module(prefix, source) if prefix.strip(".") else None
                        if imported is not None and imported is not source:
                            queue.append((imported, None, site if source is not start else None))
        return reached

    def runs_at_top_level(self, source: SourceFile) -> bool:
        """The file does something when run: a call at its top level (a script, a notebook, a main block)."""
        return source.is_notebook or any(call.get("fn") is None for call in source.calls)

    def class_bases(self, source: SourceFile, name: str) -> list[str]:
        return source.facts.get("classes", {}).get(name, [])


# ------------------------------------------------------------------------------------------------------ rules
@dataclass(frozen=True)
class ProjectReport:
    """A finding of a project rule: in ``file`` at ``at`` (cell, line, column); in another file of the project
    (``rel``, a requirements file, say) at ``at``; or about the repository as a whole when neither is given."""

    message: str
    file: SourceFile | None = None
    at: Location | None = None
    severity: Severity | None = None
    rel: str | None = None


PROJECT_REGISTRY: dict[str, type[ProjectCheck]] = {}


class ProjectCheck:
    """Base of rules that judge a project: set ``id`` and implement ``check``."""

    id: ClassVar[str]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.id in PROJECT_REGISTRY:
            raise RuntimeError(f"two project rule classes claim {cls.id}")
        PROJECT_REGISTRY[cls.id] = cls

    def check(self, project: Project) -> Iterator[ProjectReport]:
        raise NotImplementedError


def load_project_checks() -> dict[str, type[ProjectCheck]]:
    from dlreview.checks import load_checks

    load_checks()  # rule modules define both kinds of rules
    return PROJECT_REGISTRY


# ------------------------------------------------------------------------------------------------------ roots
def project_root_of(path: Path, limit: Path) -> Path:
    """The project a file named on its own belongs to: the nearest folder at or above it with a project marker,
    looking no higher than ``limit`` (the configuration's root) when the file lies within it; the file's own
    folder when there is none."""
    start = path.resolve().parent
    limit = limit.resolve()
    chain = [start, *start.parents]
    if start.is_relative_to(limit):
        chain = chain[: chain.index(limit) + 1]
    for candidate in chain:
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    return start
