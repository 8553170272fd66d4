"""Tip 10: identifiers in models that are saved or shared, model cards for published weights, an ethics register
for projects on human data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from dlreview.checks import Check, Report
from dlreview.checks import libraries as lib
from dlreview.model.interpreter import is_personal_identifier
from dlreview.model.program import Program
from dlreview.model.values import Data, Estimator, Instance, data_parts
from dlreview.project import Project, ProjectCheck, ProjectReport


# ------------------------------------------------------------------------------------------------ DLR501
def _identifiers(program: Program) -> dict[str, frozenset[int]]:
    """Identifier columns named in the code and never dropped: column -> origins of the data that holds it."""
    used: dict[str, set[int]] = {}
    dropped: dict[str, set[int]] = {}
    for origins, mention, how in program.events.columns:
        if is_personal_identifier(mention.column):
            (dropped if how == "drop" else used).setdefault(mention.column, set()).update(origins)
    return {column: frozenset(origins - dropped.get(column, set()))
            for column, origins in used.items() if origins - dropped.get(column, set())}


def _holds(data: Data, column: str, origins: frozenset[int]) -> bool:
    return bool(data.origins & origins) and (data.columns is None or column in data.columns)


class IdentifiersInSavedModel(Check):
    id = "DLR501"

    def check(self, program: Program) -> Iterator[Report]:
        identifiers = _identifiers(program)
        if not identifiers:
            return
        trained_on: str | None = None
        exposed: set[int] = set()     # the estimators trained on identifiers
        for fit in program.events.fits:
            if fit.kind == "estimator" and fit.estimator is not None:
                column = _held([fit.data], identifiers)
                if column is not None:
                    exposed.add(id(fit.estimator))
                trained_on = trained_on or column
        if trained_on is None and any(call.method == "backward" for call in program.events.calls):
            # a torch model: the tensors it trains on are made from the table
            for call in program.events.calls:
                if call.name.startswith("torch.") and call.method is None:
                    trained_on = trained_on or _held([*call.args, *call.kwargs.values()], identifiers)
        if trained_on is None:
            return
        saving_calls = lib.SAVE_CALLS | lib.PUBLISH_CALLS
        for call in program.events.calls:
            model_receiver = isinstance(call.receiver, (Estimator, Instance))
            saving = (call.method is None and call.name in saving_calls) or (
                call.method in lib.SAVE_METHODS and (model_receiver or call.method != "save"))
            if not saving:
                continue
            saved = [value for value in (*call.args, *call.kwargs.values()) if isinstance(value, Estimator)]
            if call.method is not None and isinstance(call.receiver, Estimator):
                saved.append(call.receiver)
            if saved and exposed and not any(id(model) in exposed for model in saved):
                continue  # another model, trained without the identifiers
            yield Report(call.node, f"the model saved here was trained on data that still holds `{trained_on}`, "
                                    f"a personal identifier: models can memorise and leak training data; drop "
                                    f"identifying columns before training (`df.drop(columns=[...])`) (Tip 10)")


def _held(values, identifiers: dict[str, frozenset[int]]) -> str | None:
    """The first identifier column that the data among ``values`` still holds."""
    for value in values:
        for data in data_parts(value):
            column = next((c for c, origins in identifiers.items() if _holds(data, c, origins)), None)
            if column is not None:
                return column
    return None


# ------------------------------------------------------------------------------------------------ DLR502
def _readme_heading(project: Project, pattern: str) -> bool:
    heading = re.compile(rf"^(?:#+\s*|\.\.\s+_)?{pattern}|^{pattern}[^\n]*\n[=\-~^]{{3,}}", re.IGNORECASE | re.MULTILINE)
    return any(heading.search(project.text(rel)) for rel in project.listing if lib.README.search(rel))


class MissingModelCard(ProjectCheck):
    id = "DLR502"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        weights = [rel for rel in project.listing if lib.WEIGHT_FILES.search(rel)]
        published = [call for _, call in project.all_calls()
                     if call.get("method") == "push_to_hub" or call.get("name") in lib.PUBLISH_CALLS]
        if not weights and not published:
            return
        if any(lib.MODEL_CARD_FILES.search(rel) for rel in project.listing) or _readme_heading(project,
                                                                                              r"model\s*card"):
            return
        what = f"`{weights[0]}`" + (f" and {len(weights) - 1} more" if len(weights) > 1 else "") if weights \
            else "models pushed to a hub"
        yield ProjectReport(f"trained weights are published ({what}) without a model card: add MODEL_CARD.md "
                            f"(intended use, training data, metrics, limitations, ethical considerations) so that "
                            f"others know what the model may and may not be used for (Tip 10)")


# ------------------------------------------------------------------------------------------------ DLR503
def human_evidence(project: Project) -> str | None:
    for rel, source in sorted(project.files.items()):
        for column in source.facts.get("columns", []):
            name = column["column"]
            if is_personal_identifier(name) or lib.HUMAN_COLUMN.search(name):
                return f"the code names the column `{name}` in {rel}"
        for call in source.calls:
            name = call.get("name") or ""
            if name in lib.HUMAN_DATASETS:
                return f"{rel} loads `{name.rsplit('.', 1)[1]}`, data from people"
            path = (call.get("pos") or [None])[0]
            if isinstance(path, str) and name.startswith(("pandas.read_", "numpy.load")) and lib.HUMAN_PATH.search(path):
                return f"{rel} reads `{path}`"
    return None


class MissingEthicsRegister(ProjectCheck):
    id = "DLR503"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        evidence = human_evidence(project)
        if evidence is None:
            return
        if any(lib.ETHICS_FILES.search(rel) for rel in project.listing) or _readme_heading(project, r"ethic"):
            return
        yield ProjectReport(f"the project trains on human data ({evidence}) and has no ethics register: add "
                            f"ETHICS.md (approval, consent, de-identification, who may use the data and the model, "
                            f"risks to the people in it) (Tip 10)")
