"""Questions project rules ask of the joined facts: is this call building a deep model, training one, tuning one,
seeding a framework? Shared by the reproducibility, modelling and ethics rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from dlreview.apidata import load
from dlreview.checks import libraries as lib
from dlreview.project import Project, Reached, SourceFile


def short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def class_bases(project: Project, source: SourceFile, call: dict) -> list[str]:
    """The library base classes of the class a call constructs, when it is a class of the project."""
    if call.get("method"):
        return []
    if call.get("local"):
        return project.class_bases(source, call["name"])
    target = project.resolve(source, call)
    if target is not None and target[1].endswith(".__init__"):
        return project.class_bases(target[0], target[1][: -len(".__init__")])
    return []


def deep_kind(project: Project, source: SourceFile, call: dict) -> str | None:
    """"torch", "keras" or "sklearn" when the call builds a deep model (not a layer of one: a model class of the
    project, a Keras model, a torchvision/timm/transformers model, an MLP, a skorch/scikeras wrapper)."""
    if call.get("method"):
        return None
    name = call.get("name") or ""
    bases = set(class_bases(project, source, call))
    if bases & lib.TORCH_MODULE_BASES:
        return "torch"
    if bases & lib.KERAS_MODEL_BASES:
        return "keras"
    if name.startswith(lib.KERAS_MODEL_PREFIXES) and short(name)[:1].isupper():
        return "keras"
    if name.startswith((*lib.TORCH_MODEL_PREFIXES, "torchvision.models.")):
        return "torch"
    if name.startswith("sklearn.") and short(name) in lib.SKLEARN_DEEP:
        return "sklearn"
    if name.startswith(lib.DEEP_WRAPPERS):
        return "torch" if name.startswith("skorch.") else "keras"
    return None


def baseline_name(call: dict) -> str | None:
    """The class name when the call builds a traditional model (Tip 2's baselines)."""
    if call.get("method"):
        return None
    name = call.get("name") or ""
    if name.startswith(lib.BASELINE_PREFIXES):
        return short(name)
    if not name.startswith("sklearn."):
        return None
    info = load().estimators.get(name)
    if info is None or short(name) in lib.SKLEARN_DEEP or short(name) in lib.NOT_BASELINES:
        return None
    if not ({"classifier", "regressor"} & info.kinds) or name in load().search_cv:
        return None
    return short(name)


def is_torch_training(call: dict) -> bool:
    method, name = call.get("method"), call.get("name") or ""
    if method == "backward":
        return True
    if method == "step" and (name.startswith(lib.TORCH_OPTIMIZER_PREFIX) or name == ""):
        return not name.startswith("torch.optim.lr_scheduler")
    return method == "fit" and name.startswith(lib.LIGHTNING_TRAINERS)


def is_keras_training(project: Project, source: SourceFile, call: dict) -> bool:
    method, name = call.get("method"), call.get("name") or ""
    if method == "apply_gradients":
        return True
    if method not in ("fit", "fit_generator", "train_on_batch"):
        return False
    if name.startswith(lib.KERAS_MODEL_PREFIXES):
        return True
    if call.get("local"):
        return bool(set(project.class_bases(source, name)) & lib.KERAS_MODEL_BASES)
    return False


def entries(project: Project) -> list[SourceFile]:
    """Files that do something when run (scripts, notebooks, main blocks), in path order."""
    return [source for rel, source in sorted(project.files.items()) if project.runs_at_top_level(source)]


def first(reached: list[Reached], predicate: Callable[[Reached], bool]) -> Reached | None:
    return next((item for item in reached if predicate(item)), None)


def calls_of(reached: list[Reached]) -> Iterator[Reached]:
    return (item for item in reached if item.is_call)


def entry_point(project: Project, predicate: Callable[[Reached], bool]) -> tuple[SourceFile, Reached] | None:
    """The project's entry point for ``predicate`` (what it trains or evaluates): the first file in path order
    whose run reaches a fact that satisfies it, with that fact."""
    for source in entries(project):
        found = first(project.reach(source), predicate)
        if found is not None:
            return source, found
    return None


def seeded_frameworks(reached: list[Reached]) -> set[str]:
    seeded: set[str] = set()
    for item in calls_of(reached):
        call = item.fact
        seeded |= lib.SEEDS.get(call.get("name") or "", frozenset()) if not call.get("method") else frozenset()
    return seeded
