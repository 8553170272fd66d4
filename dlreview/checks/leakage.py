"""Data leakage rules (Tip 7): information from the test set reaching training or model selection.

Every rule here reads the events the interpreter recorded (splits, fits, uses of fitted estimators, scores and the
comparisons that keep the best one) and the abstract values attached to them. Each rule answers one question;
where two rules could describe the same fit, the more specific one reports it and the other stays silent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dlreview.apidata import ApiData, canonical
from dlreview.checks import Check, Report
from dlreview.findings import Severity
from dlreview.model.events import FitEvent, ScoreEvent, SelectionEvent, SplitEvent
from dlreview.model.interpreter import is_label_name
from dlreview.model.program import Program
from dlreview.model.values import Data, Estimator, Partition, data_parts


# --------------------------------------------------------------------------- shared queries
def is_stateful_transformer(estimator: Estimator, api: ApiData) -> bool:
    """A transformer that learns statistics from the rows it is fit on (not one that only learns labels)."""
    name = canonical(estimator.qualname)
    if name in api.pipelines or name in api.imblearn_pipelines:
        steps = _steps(estimator)
        return bool(steps) and all(canonical(s.qualname) in api.transformers for s in steps) and any(
            is_stateful_transformer(step, api) for step in steps)
    return api.is_stateful_transformer(name)


def is_supervised_transformer(estimator: Estimator, api: ApiData) -> bool:
    """A transformer (or pipeline of transformers) whose fit learns from the labels."""
    name = canonical(estimator.qualname)
    if name in api.pipelines or name in api.imblearn_pipelines:
        return any(is_supervised_transformer(step, api) for step in _steps(estimator))
    return api.is_supervised_transformer(name)


def is_sampler(estimator: Estimator, api: ApiData) -> bool:
    return canonical(estimator.qualname) in api.samplers


def is_model(estimator: Estimator, api: ApiData) -> bool:
    """Something that predicts: not a transformer made only of preprocessing, not a sampler."""
    return not is_stateful_transformer(estimator, api) and not is_sampler(estimator, api) and (
        canonical(estimator.qualname) not in api.transformers)


def _steps(estimator: Estimator) -> list[Estimator]:
    return [step for step in estimator.steps if isinstance(step, Estimator)]


def _not_test_rows(data) -> bool:
    """All rows, or a training part: resampled and then split again (for validation or cross-validation), the
    copies of a row land on both sides of that split too. Never the test part."""
    return isinstance(data, Data) and not data.is_index and not data.holds_test_rows()


def _covers(data: Data, split: SplitEvent) -> bool:
    """The fit saw every row ``split`` divides: all rows, or the very part (or a part around it) being split."""
    if data.partition is None:
        return True
    return any(part.partition is not None and data.partition in part.partition.lineage() for part in split.inputs)


def _unsplit(data) -> bool:
    """Rows that are not one part of a split (all of them, or parts put back together)."""
    return isinstance(data, Data) and data.partition is None and not data.is_index


def splits_fed_by(fit: FitEvent, program: Program) -> list[SplitEvent]:
    """The splits that divide rows this fit learned from, when the fit leaks into them: (a) its output is what gets
    split, or (b) the fitted object is later applied to a part of that split while this fit is the one in force."""
    events = program.events
    data = fit.data
    found: list[SplitEvent] = []
    for split in events.splits:
        if not isinstance(data, Data) or not split.origins & data.origins or not _covers(data, split):
            continue
        if any(fit in part.taints and not (fit.kind == "statistic" and is_label_name(part.label))
               for part in split.inputs):
            found.append(split)
            continue
        if fit.estimator is None:
            continue
        for apply in events.applies:
            if apply.estimator is not fit.estimator or apply.seq < fit.seq or not _in_force(fit, apply.seq):
                continue
            target = apply.data
            if isinstance(target, Data) and target.partition is not None and target.partition.split is split:
                found.append(split)
                break
    return found


def _in_force(fit: FitEvent, seq: int) -> bool:
    earlier = [f for f in fit.estimator.fits if f.seq < seq]
    return bool(earlier) and earlier[-1] is fit


def _data_argument(fit: FitEvent):
    call = fit.node
    for arg in getattr(call, "args", ()):
        if arg.keyword is None or arg.keyword.value == "X":
            return arg.value
    return call


def _fit_subject(fit: FitEvent, program: Program) -> str:
    if fit.estimator is None:
        return f"`{program.code(fit.node)}` is computed on `{fit.data.label}`" if isinstance(fit.data, Data) else (
            f"`{program.code(fit.node)}` is computed on all rows")
    return f"{fit.what} is fit on `{program.code(_data_argument(fit))}`"


def _describe_split(split: SplitEvent, program: Program) -> str:
    return f"{split.name} ({program.where(split.node)})"


# --------------------------------------------------------------------------- DLR101, DLR109: unsupervised estimation
def _unsupervised_fits(program: Program) -> Iterator[FitEvent]:
    api = program.api
    for fit in program.events.fits:
        if not _unsplit(fit.data) or fit.data.holds_test_rows():  # train + test put together: DLR104
            continue
        if fit.kind == "statistic":
            # statistics of the labels define the target (``y > np.median(y)``); they are not preprocessing
            if not is_label_name(fit.data.label):
                yield fit
        elif (fit.kind == "estimator" and fit.method in ("fit", "fit_transform", "partial_fit")
              and is_stateful_transformer(fit.estimator, api) and not _supervised_fit(fit, api)):
            yield fit


def _supervised_fit(fit: FitEvent, api: ApiData) -> bool:
    if fit.kind == "correlation":
        return fit.supervised
    return (fit.kind == "estimator" and is_supervised_transformer(fit.estimator, api)
            and isinstance(fit.target, Data))


class PreprocessingLeakage(Check):
    """An unsupervised transformer or a hand-computed statistic learns from rows a hold-out split puts in the test
    set. Cross-validation over such output is DLR109; supervised selection is DLR102."""

    id = "DLR101"

    def check(self, program: Program) -> Iterator[Report]:
        for fit in _unsupervised_fits(program):
            hold_out = [s for s in splits_fed_by(fit, program) if not s.is_cross_validation]
            if hold_out:
                yield Report(fit.node, f"{_fit_subject(fit, program)}, which includes rows that "
                                       f"{_describe_split(hold_out[0], program)} puts in the test set; fit it on the "
                                       f"training part only (e.g. inside a Pipeline fit on the training data)")


class CrossValidationOverPreprocessedData(Check):
    """Cross-validation runs over the output of preprocessing fit on all rows, outside a Pipeline."""

    id = "DLR109"

    def check(self, program: Program) -> Iterator[Report]:
        for fit in _unsupervised_fits(program):
            splits = splits_fed_by(fit, program)
            if splits and all(s.is_cross_validation for s in splits):
                yield Report(fit.node, f"{_fit_subject(fit, program)} before the cross-validation "
                                       f"{_describe_split(splits[0], program)}, so every validation fold has been "
                                       f"seen by it; put it in a Pipeline with the model and cross-validate the "
                                       f"pipeline")


# --------------------------------------------------------------------------- DLR102: supervised selection
class FeatureSelectionLeakage(Check):
    """Features chosen with the labels of all rows, before a split or cross-validation (selection bias)."""

    id = "DLR102"

    def check(self, program: Program) -> Iterator[Report]:
        api = program.api
        for fit in program.events.fits:
            if not _unsplit(fit.data) or not _supervised_fit(fit, api):
                continue
            splits = splits_fed_by(fit, program)
            if not splits:
                continue
            how = "with the labels of all rows" if fit.estimator is not None else "against the label on all rows"
            yield Report(fit.node, f"{_fit_subject(fit, program)} {how}, and {_describe_split(splits[0], program)} "
                                   f"then evaluates on rows whose labels chose the features; select features inside "
                                   f"the training part (a Pipeline step refit in each fold)")


# --------------------------------------------------------------------------- DLR103: resampling before the split
class ResamplingBeforeSplit(Check):
    """Over- or under-sampling of the whole data set before it is split: copies or synthetic neighbours of test
    rows end up in training."""

    id = "DLR103"

    def check(self, program: Program) -> Iterator[Report]:
        api = program.api
        for fit in program.events.fits:
            resampling = fit.kind == "resample" or (
                fit.kind == "estimator" and fit.method == "fit_resample" and is_sampler(fit.estimator, api))
            # unlike scaling (at most 0.005 AUC), resampling a training part that is then cross-validated puts
            # copies of validation rows in training: imbalanced-learn's documented pitfall, reported too
            if not resampling or not _not_test_rows(fit.data):
                continue
            splits = splits_fed_by(fit, program)
            if splits:
                rows = "all rows" if fit.data.partition is None else "the training part"
                held_out = "test" if fit.data.partition is None else "validation"
                yield Report(fit.node, f"`{program.code(fit.node)}` resamples {rows} before "
                                       f"{_describe_split(splits[0], program)}: duplicated or synthetic copies of "
                                       f"{held_out} rows are trained on; resample inside each training part only "
                                       f"(an imblearn Pipeline does this in each fold)")


# --------------------------------------------------------------------------- DLR104: fit on test data
class FitOnTestData(Check):
    """A transformer fit on the test part, or on train and test put together."""

    id = "DLR104"

    def check(self, program: Program) -> Iterator[Report]:
        api = program.api
        for fit in program.events.fits:
            data = fit.data
            if (fit.kind != "estimator" or fit.method not in ("fit", "fit_transform", "partial_fit")
                    or not isinstance(data, Data) or not is_stateful_transformer(fit.estimator, api)):
                continue
            if data.partition is not None and data.partition.is_test:
                where = "the test part"
            elif data.partition is None and data.holds_test_rows():
                where = "data that includes the test part"
            else:
                continue
            supervised = is_supervised_transformer(fit.estimator, api) and isinstance(fit.target, Data)
            yield Report(fit.node, f"{fit.what} is fit on `{program.code(_data_argument(fit))}`, {where}; fit it "
                                   f"on the training part and only transform the test part",
                         severity=Severity.ERROR if supervised else None)


# --------------------------------------------------------------------------- DLR105, DLR106: selection on test
def _test_scores(selection: SelectionEvent) -> list[ScoreEvent]:
    """Scores on a held-out test part (cross-validation folds are not: their spread is for choosing)."""
    return sorted((score for score in selection.scores if _on_test(score.data)
                   and not score.data.partition.split.is_cross_validation), key=lambda s: s.seq)


def _on_test(data) -> bool:
    return isinstance(data, Data) and data.partition is not None and data.partition.is_test


def _deciding_loop(selection: SelectionEvent, score: ScoreEvent):
    """The loop whose iterations the selection compares: the innermost loop around the score that is also around
    the selection, or (for ``max(scores)`` after the loop) the innermost loop around the score."""
    shared = [loop for loop in score.loops if loop in selection.loops]
    if shared:
        return shared[-1]
    return score.loops[-1] if score.loops else None


def _is_training_loop(loop_node, program: Program) -> bool:
    """A loop over epochs: it trains one model step by step, and builds no new model in each iteration."""
    events = program.events
    loop = events.loop(loop_node)
    if loop is None:
        return False

    def inside(seq: int) -> bool:
        return loop.start < seq < loop.end

    if any(inside(seq) for seq in events.models_built):
        return False
    if any(inside(seq) for seq in events.train_steps):
        return True
    return any(inside(fit.seq) and (fit.method == "partial_fit" or _has_keyword(fit.node, "epochs", "initial_epoch"))
               for fit in events.fits)


def _has_keyword(call, *names: str) -> bool:
    return any(arg.keyword is not None and arg.keyword.value in names for arg in getattr(call, "args", ()))


def _classify_selections(program: Program) -> Iterator[tuple[str, ScoreEvent, SelectionEvent]]:
    """("epoch" | "models", score, selection) for every test score that a comparison keeps the best of."""
    seen: set[tuple[int, str]] = set()
    for selection in program.events.selections:
        scores = _test_scores(selection)
        if not scores:
            continue
        for score in scores:
            loop = _deciding_loop(selection, score)
            if loop is None and len({s.node for s in scores}) < 2:
                continue
            kind = "epoch" if loop is not None and _is_training_loop(loop, program) else "models"
            site = score.site(selection.depth)
            key = (id(site), kind)
            if key in seen:
                continue
            seen.add(key)
            yield kind, score, selection


class TestSetUsedForSelection(Check):
    """Test data used to train or to choose: validation_data/eval_set, search or CV on the test part, the best
    epoch picked by a test score."""

    id = "DLR105"

    def check(self, program: Program) -> Iterator[Report]:
        events = program.events
        reported: set[int] = set()
        for use in events.evaluation_uses:
            if _test_partition(use.data) is not None and id(use.node) not in reported:
                reported.add(id(use.node))
                yield Report(use.node, f"the test part is passed as `{use.keyword}`: training watches it (early "
                                       f"stopping, best-model checkpoints), so it is no longer unseen; pass a "
                                       f"validation part split off the training data")
        for split in events.splits:
            if split.is_cross_validation and any(_on_test(part) for part in split.inputs) and (
                    id(split.node) not in reported):
                reported.add(id(split.node))
                yield Report(split.node, f"{split.name} cross-validates on the test part: model selection or "
                                         f"estimation has used the test rows; run it on the training part and "
                                         f"score the test part once at the end")
        for kind, score, selection in _classify_selections(program):
            site = score.site(selection.depth)
            if kind == "epoch" and id(site) not in reported:
                reported.add(id(site))
                yield Report(site, f"the best epoch is chosen by this test-set score "
                                   f"({program.where(selection.node)}): early stopping on the test set; monitor a "
                                   f"validation part instead")


class MultiTestLeakage(Check):
    """Several models or hyperparameter values scored on the same test part, and the best one kept."""

    id = "DLR106"

    def check(self, program: Program) -> Iterator[Report]:
        reported: set[int] = set()
        for kind, score, selection in _classify_selections(program):
            site = score.site(selection.depth)
            if kind == "models" and id(site) not in reported:
                reported.add(id(site))
                yield Report(site, f"models are compared by this test-set score and the best kept "
                                   f"({program.where(selection.node)}): the test score of the winner is optimistic; "
                                   f"choose on a validation part or by cross-validation on the training part, then "
                                   f"score the chosen model on the test part once")


# --------------------------------------------------------------------------- DLR107: overlap
class TrainTestOverlap(Check):
    """A model trained on rows of the test part, then evaluated on that test part."""

    id = "DLR107"

    def check(self, program: Program) -> Iterator[Report]:
        api = program.api
        events = program.events
        for fit in events.fits:
            data = fit.data
            if (fit.kind != "estimator" or fit.method not in ("fit", "fit_transform", "fit_predict", "partial_fit")
                    or not isinstance(data, Data) or not is_model(fit.estimator, api)):
                continue
            for apply in events.applies:
                if (apply.estimator is not fit.estimator or apply.seq < fit.seq or not _in_force(fit, apply.seq)
                        or apply.method in ("transform", "inverse_transform")):
                    continue
                test = _test_partition(apply.data)
                if test is None or not _overlaps(data, test):
                    continue
                yield Report(fit.node, f"{fit.what} is trained on `{program.code(_data_argument(fit))}`, which "
                                       f"contains rows of the test part it is evaluated on "
                                       f"({program.where(apply.node)}); train on the training part only")
                break


def _test_partition(value) -> Partition | None:
    for part in data_parts(value):
        if part.partition is not None and part.partition.is_test:
            return part.partition
    return None


def _overlaps(data: Data, test: Partition) -> bool:
    split = test.top.split
    if data.partition is None:
        return bool(data.origins & split.origins) or any(part.is_test for part in data.mixed)
    return data.partition.split is split and split.overlapping and data.partition.role != test.role


# --------------------------------------------------------------------------- DLR108: duplicates
class DuplicatesAcrossSplits(Check):
    """Data read from a file is split without dropping duplicate rows first."""

    id = "DLR108"

    def check(self, program: Program) -> Iterator[Report]:
        events = program.events
        reported: set[int] = set()
        for split in sorted(events.splits, key=lambda s: s.seq):
            for data in split.inputs:
                if not _unsplit(data) or data.deduplicated:
                    continue
                loaded = sorted(origin for origin in data.origins if origin in events.loads)
                fresh = [origin for origin in loaded if origin not in reported]
                if not fresh:
                    continue
                reported.update(loaded)
                load = events.loads[fresh[0]]
                yield Report(split.node, f"rows read by `{program.code(load, 40)}` ({program.where(load)}) are split "
                                         f"by {split.name} without removing duplicates: a row that appears twice can "
                                         f"land in both parts; call drop_duplicates() before splitting (or split by "
                                         f"a group id)")
                break


# --------------------------------------------------------------------------- DLR110: non-independent rows
class NonIndependentSplit(Check):
    """Rows with group identifiers or a time order split at random."""

    id = "DLR110"

    def check(self, program: Program) -> Iterator[Report]:
        events = program.events
        for split in events.splits:
            if split.grouped:
                continue
            inputs = [data for data in split.inputs if _unsplit(data)]
            group = _first(events.group_columns, inputs)
            time = _first(events.time_columns, inputs) if (split.shuffled or split.kind != "function") else None
            if group is not None:
                yield Report(split.node, f"rows carry the group identifier `{group.column}` "
                                         f"({program.where(group.node)}), but {split.name} assigns rows at random, so "
                                         f"one {group.column} can be in training and test; split by group "
                                         f"(GroupKFold, GroupShuffleSplit, StratifiedGroupKFold)")
            elif time is not None:
                yield Report(split.node, f"rows are in time order by `{time.column}` ({program.where(time.node)}), "
                                         f"but {split.name} assigns rows at random, so the model trains on the future "
                                         f"of its test rows; use TimeSeriesSplit or a split at a date")


def _first(columns: dict, inputs: Iterable[Data]):
    for data in inputs:
        for origin in sorted(data.origins):
            if origin in columns:
                return columns[origin]
    return None
