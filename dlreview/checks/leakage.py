"""Data leakage rules (Tip 7): information from the test set reaching training or model selection."""

from __future__ import annotations

from collections.abc import Iterator

from dlreview.apidata import canonical
from dlreview.checks import Check, Report
from dlreview.model.events import FitEvent, SplitEvent
from dlreview.model.program import Program
from dlreview.model.values import Data, Estimator


class PreprocessingLeakage(Check):
    """A stateful transformer learns from rows that end up in the test set.

    It fires when a transformer (scaler, imputer, encoder, PCA, feature selector, ... or a pipeline made only of
    them) is fit on data that is not itself a training part, and either (a) its output is later split, or (b) it is
    later applied to a part of a split of that same data. A transformer fit only for a look at the data (a PCA
    plot) and never used on split data, or fit on the training part, stays silent.
    """

    id = "DLR101"

    def check(self, program: Program) -> Iterator[Report]:
        events = program.events
        api = program.api
        for fit in events.fits:
            if fit.method not in ("fit", "fit_transform", "partial_fit"):
                continue
            data = fit.data
            if not isinstance(data, Data) or data.partition is not None or data.is_index:
                continue
            if not is_stateful_transformer(fit.estimator, api):
                continue
            split = self._leaking_split(fit, data, program)
            if split is None:
                continue
            what = fit.estimator.short_name
            yield Report(
                fit.node,
                f"{what} is fit on `{program.code(_data_argument(fit))}`, which includes rows that "
                f"{split.name} ({program.where(split.node)}) puts in the test set; fit it on the training part only "
                f"(e.g. inside a Pipeline fit on the training data)",
            )

    @staticmethod
    def _leaking_split(fit: FitEvent, data: Data, program: Program) -> SplitEvent | None:
        events = program.events
        for split in events.splits:
            if not split.origins & data.origins:
                continue
            # (a) the transformer's output is what gets split
            if any(fit in part.taints for part in split.inputs):
                return split
            # (b) the fitted transformer is applied to a part of this split, and this fit is the one in force
            for apply in events.applies:
                if apply.estimator is not fit.estimator or apply.seq < fit.seq:
                    continue
                in_force = [f for f in fit.estimator.fits if f.seq < apply.seq]
                if not in_force or in_force[-1] is not fit:
                    continue
                target = apply.data
                if isinstance(target, Data) and target.partition is not None and target.partition.split is split:
                    return split
        return None


def is_stateful_transformer(estimator: Estimator, api) -> bool:
    """A transformer that learns statistics from the rows it is fit on (not one that only learns labels)."""
    name = canonical(estimator.qualname)
    if name in api.pipelines or name in api.imblearn_pipelines:
        steps = [step for step in estimator.steps if isinstance(step, Estimator)]
        return bool(steps) and all(canonical(s.qualname) in api.transformers for s in steps) and any(
            is_stateful_transformer(step, api) for step in steps)
    return api.is_stateful_transformer(name)


def _data_argument(fit: FitEvent):
    call = fit.node
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value == "X":
            return arg.value
    return call
