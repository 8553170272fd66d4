"""Tip 3 and Tip 4: seeds, deterministic kernels, optimiser defaults, pinned environments, data provenance.

DLR201, DLR203, DLR205 and DLR207 judge the project (a seed set in a helper of another module counts for the
script that calls it); DLR202, DLR204, DLR206 and DLR208 look at one call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import libcst as cst

from dlreview.apidata import canonical
from dlreview.checks import Check, Report
from dlreview.checks import libraries as lib
from dlreview.checks.queries import (
    calls_of,
    deep_kind,
    entries,
    first,
    is_keras_training,
    is_torch_training,
    seeded_frameworks,
    short,
)
from dlreview.findings import Severity
from dlreview.model.program import Program
from dlreview.project import Project, ProjectCheck, ProjectReport, Reached, _literal

_TORCH_RANDOM_LAYERS = re.compile(r"^torch\.nn\.(?:Linear|Bilinear|LazyLinear|Conv\w*|LazyConv\w*|LSTM|GRU|RNN|"
                                  r"LSTMCell|GRUCell|RNNCell|Embedding\w*|Transformer\w*|MultiheadAttention|"
                                  r"Dropout\w*|AlphaDropout|RReLU)$")
_KERAS_RANDOM_LAYERS = re.compile(r"^(?:tensorflow\.)?keras\.layers\.(?:Dense|Conv\w*|LSTM|GRU|SimpleRNN|Embedding|"
                                  r"Dropout|SpatialDropout\w*|GaussianNoise|GaussianDropout|Random\w*|"
                                  r"MultiHeadAttention|Bidirectional)$")
_SHELL_FILES = re.compile(r"(?:\.(?:sh|bash|zsh|env|cfg|ini|toml|ya?ml|slurm|sbatch|pbs|job|mk)$|(?:^|/)(?:Makefile|"
                          r"Dockerfile|Containerfile|Snakefile|\.env|\.envrc)$)", re.IGNORECASE)


def _kw(call: dict, name: str):
    return call.get("kw", {}).get(name, _MISSING)


_MISSING = object()


# ------------------------------------------------------------------------------------------------ DLR201
def randomness(project: Project, reached: Reached) -> str | None:
    """The framework whose global random state a call uses: "torch", "tensorflow", "numpy", "random"; or
    "numpy-generator" / "random-generator" for a generator made without a seed (no global seed fixes those)."""
    call = reached.fact
    if call.get("kind") != "calls" or call.get("method"):
        return None
    name = call.get("name") or ""
    if "generator" in call.get("kw", {}):
        return None   # ``torch.randperm(n, generator=g)``: its own generator, not the global one
    kind = deep_kind(project, reached.file, call)
    if kind == "torch" or name in lib.TORCH_RANDOM_FUNCTIONS or _TORCH_RANDOM_LAYERS.match(name):
        return "torch"
    if name.startswith(("torch.nn.init.", "torchvision.transforms.Random", "torchvision.transforms.v2.Random")):
        return "torch"
    if name in lib.DATALOADERS and _kw(call, "shuffle") is True:
        return "torch"
    if kind == "keras" or _KERAS_RANDOM_LAYERS.match(name):
        return "tensorflow"
    if name.startswith("tensorflow.random.") and short(name) not in ("set_seed", "Generator", "set_global_generator"):
        return "tensorflow"
    if name in lib.NUMPY_GENERATOR_MAKERS:
        seeded = call.get("pos") or "seed" in call.get("kw", {})
        return None if seeded else "numpy-generator"
    if name.startswith("numpy.random.") and short(name) not in lib.NUMPY_NOT_RANDOM:
        return "numpy"
    if name == "random.Random":
        return None if call.get("pos") or "x" in call.get("kw", {}) else "random-generator"
    if name in lib.RANDOM_FUNCTIONS:
        return "random"
    return None


class UnseededRandomness(ProjectCheck):
    id = "DLR201"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        for source in entries(project):
            reached = project.reach(source)
            seeded = seeded_frameworks(reached)
            reported: set[str] = set()
            for item in reached:
                framework = randomness(project, item)
                if framework is None or framework in reported:
                    continue
                if framework == "numpy-generator":
                    reported.add(framework)
                    yield ProjectReport("a NumPy generator is made without a seed (`np.random.default_rng()`): "
                                        "every run draws different numbers whatever else is seeded; pass a seed, "
                                        "`np.random.default_rng(SEED)`", source, item.site)
                    continue
                if framework == "random-generator":
                    reported.add(framework)
                    yield ProjectReport("`random.Random()` is made without a seed: pass one, `random.Random(SEED)`",
                                        source, item.site)
                    continue
                if framework in seeded:
                    continue
                reported.add(framework)
                what = _use(item)
                yield ProjectReport(
                    f"{lib.FRAMEWORK_NAMES[framework]} randomness is used ({what}) but {framework} is never seeded "
                    f"when this file runs: call {lib.SEED_CALLS[framework]} before it (a helper that seeds "
                    f"counts when this file calls it)", source, item.site)


def _use(item: Reached) -> str:
    name = item.fact.get("name") or "?"
    where = f" in {item.file.rel}" if item.site != tuple(item.fact.get("at", ())) else ""
    return f"`{short(name)}(...)`{where}"


# ------------------------------------------------------------------------------------------------ DLR202
class MissingRandomState(Check):
    id = "DLR202"

    def check(self, program: Program) -> Iterator[Report]:
        api = program.api
        for call in program.events.calls:
            if call.method is not None and call.method != "sample":
                continue
            if call.method == "sample":
                # ``df.sample(frac=0.8)``: pandas draws from numpy's global state unless given random_state
                drawn = call.keyword("frac") is not None or call.keyword("n") is not None
                if call.name == "" and drawn and call.keyword("random_state") is None \
                        and _literal(call.keyword("frac")) not in (1, 1.0):
                    yield Report(call.node, "`DataFrame.sample` draws rows at random without `random_state`: "
                                            "the rows chosen change at every run; pass `random_state=SEED`")
                continue
            name = canonical(call.name)
            if not name.startswith("sklearn."):
                continue
            state = call.keyword("random_state")
            if state is not None and _literal(state) is not None:
                continue
            explicit_none = state is not None and _literal(state) is None
            if any(arg.star == "**" for arg in call.node.args):
                continue  # ``RandomForestClassifier(**params)``: random_state may be among them
            what = short(name)
            if name in api.split_functions:
                shuffle = call.keyword("shuffle")
                if shuffle is not None and _literal(shuffle) is False:
                    continue
                yield Report(call.node, f"`{what}` shuffles rows at random without `random_state`: which samples "
                                        f"are held out changes at every run; pass `random_state=SEED`")
            elif name in api.splitters:
                info = api.splitters[name]
                if not info.random_state:
                    continue
                if info.shuffle_param and _literal(call.keyword("shuffle")) is not True:
                    continue
                yield Report(call.node, f"`{what}` assigns rows to folds at random without `random_state`: the "
                                        f"folds change at every run; pass `random_state=SEED`")
            else:
                info = api.estimators.get(name)
                if info is not None and (info.random_by_default or (explicit_none and info.random_state)):
                    yield Report(call.node, f"`{what}` depends on its random state and is built without "
                                            f"`random_state`: its result changes at every run; pass "
                                            f"`random_state=SEED`")


# ------------------------------------------------------------------------------------------------ DLR203
def _mentioned(project: Project, word: str) -> bool:
    """The word is set somewhere in the project: in Python (a setting, an ``os.environ`` call) or in a shell
    script, Makefile, Dockerfile, ``.env`` or configuration file."""
    for source, call in project.all_calls():
        if word in call.get("attrs", ()) or word in (call.get("pos") or []):
            return True
    for source in project.files.values():
        if any(setting["name"] == f"env:{word}" for setting in source.facts.get("settings", [])):
            return True
    assignment = re.compile(rf"\b{re.escape(word)}\b[\"']?\s*[=:]")   # set, not merely mentioned in prose
    return any(assignment.search(project.text(rel, 200_000)) for rel in project.listing if _SHELL_FILES.search(rel))


def _uses_cuda(reached: list[Reached]) -> bool:
    for item in calls_of(reached):
        call = item.fact
        name, method = call.get("name") or "", call.get("method")
        pos = call.get("pos") or []
        device = _kw(call, "device")
        if method == "cuda" or name in ("torch.cuda.is_available", "torch.cuda.device_count"):
            return True
        if method == "to" and pos and isinstance(pos[0], str) and pos[0].startswith("cuda"):
            return True
        if name == "torch.device" and pos and isinstance(pos[0], str) and pos[0].startswith("cuda"):
            return True
        if isinstance(device, str) and device.startswith("cuda"):
            return True
        if name.startswith(lib.LIGHTNING_TRAINERS) and _kw(call, "accelerator") in ("gpu", "cuda", "auto"):
            return True
    return False


def _torch_deterministic(reached: list[Reached]) -> Reached | None:
    for item in reached:
        fact = item.fact
        if fact.get("kind") == "settings":
            if fact["name"] == lib.TORCH_DETERMINISM_SETTING and fact.get("value") is True:
                return item
            continue
        name = fact.get("name") or ""
        pos = fact.get("pos") or []
        if name == lib.TORCH_DETERMINISM_CALL and not fact.get("method") and (
                (pos and pos[0] is True) or _kw(fact, "mode") is True):
            return item
        if name.startswith(lib.LIGHTNING_TRAINERS) and not fact.get("method") and _kw(fact, "deterministic") is True:
            return item
    return None


class NondeterministicTorch(ProjectCheck):
    id = "DLR203"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        for source in entries(project):
            reached = project.reach(source)
            training = first(reached, lambda item: item.is_call and is_torch_training(item.fact))
            if training is None:
                continue
            deterministic = _torch_deterministic(reached)
            if deterministic is None:
                yield ProjectReport(
                    "PyTorch training runs without deterministic algorithms: GPU kernels (and some CPU ones) may "
                    "give different results from the same seed; call `torch.use_deterministic_algorithms(True)` "
                    "(and set `torch.backends.cudnn.benchmark = False`) before training", source, training.site)
            elif deterministic.is_call and _uses_cuda(reached) \
                    and not _mentioned(project, "CUBLAS_WORKSPACE_CONFIG"):
                yield ProjectReport(
                    "deterministic algorithms are on and the code runs on CUDA, but `CUBLAS_WORKSPACE_CONFIG` is "
                    "never set: cuBLAS then raises an error or stays nondeterministic; set "
                    "`os.environ[\"CUBLAS_WORKSPACE_CONFIG\"] = \":4096:8\"` before CUDA starts", source,
                    deterministic.site)
        for source in project.files.values():
            for setting in source.facts.get("settings", []):
                if setting["name"] == lib.TORCH_BENCHMARK_SETTING and setting.get("value") is True:
                    yield ProjectReport("`torch.backends.cudnn.benchmark = True` lets cuDNN pick the fastest "
                                        "kernel at each run, so results vary between runs and machines; set it to "
                                        "False for reproducible results", source, tuple(setting["at"]))
            for call in source.calls:
                if (call.get("name") or "").startswith(lib.LIGHTNING_TRAINERS) and not call.get("method") \
                        and _kw(call, "benchmark") is True:
                    yield ProjectReport("`Trainer(benchmark=True)` lets cuDNN pick kernels at each run: results "
                                        "vary between runs; leave it off and pass `deterministic=True`", source,
                                        tuple(call["at"]))


# ------------------------------------------------------------------------------------------------ DLR204
class UnseededDataLoader(Check):
    id = "DLR204"

    def check(self, program: Program) -> Iterator[Report]:
        # ``seed_everything(SEED, workers=True)`` (Lightning) seeds every worker itself
        workers_seeded = any(call.name.endswith("seed_everything") and _literal(call.keyword("workers")) is True
                             for call in program.events.calls)
        for call in program.events.calls:
            if call.method is not None or call.name not in lib.DATALOADERS:
                continue
            if _literal(call.keyword("shuffle")) is True and call.keyword("generator") is None:
                yield Report(call.node, "`DataLoader(shuffle=True)` without a seeded `generator=`: the batch order "
                                        "depends on whatever else drew from torch's global generator before it; "
                                        "pass `generator=torch.Generator().manual_seed(SEED)`")
                continue
            workers = call.keyword("num_workers")
            count = _literal(workers) if workers is not None else 0
            if workers is not None and count not in (0, None) and call.keyword("worker_init_fn") is None \
                    and not workers_seeded:
                yield Report(call.node, "`DataLoader` with worker processes and no `worker_init_fn=`: PyTorch's "
                                        "reproducibility recipe seeds each worker explicitly (any library drawing "
                                        "random numbers in the workers, augmentations included); pass a "
                                        "`worker_init_fn` that seeds from `torch.initial_seed()`, and a seeded "
                                        "`generator=`")


# ------------------------------------------------------------------------------------------------ DLR205
class NondeterministicTensorflow(ProjectCheck):
    id = "DLR205"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        for source in entries(project):
            reached = project.reach(source)
            training = first(reached, lambda item: item.is_call
                             and is_keras_training(project, item.file, item.fact))
            if training is None:
                continue
            if any((item.fact.get("name") or "") in lib.TF_DETERMINISM_CALLS for item in calls_of(reached)):
                continue
            if _mentioned(project, "TF_DETERMINISTIC_OPS"):
                continue
            yield ProjectReport(
                "TensorFlow/Keras training runs without op determinism: some GPU ops give different results from "
                "the same seed; call `tf.config.experimental.enable_op_determinism()` (with "
                "`keras.utils.set_random_seed(SEED)`) before building the model", source, training.site)


# ------------------------------------------------------------------------------------------------ DLR206
def _optimizer(name: str) -> str | None:
    """The optimiser class a qualified name builds, or None."""
    if name.startswith((lib.TORCH_OPTIMIZER_PREFIX, *lib.KERAS_OPTIMIZER_PREFIXES)):
        last = short(name)
        parts = set(name.split("."))
        if last[:1].isupper() and not parts & lib.NOT_OPTIMIZERS:
            return last
    return None


class ImplicitOptimizerDefaults(Check):
    id = "DLR206"

    def check(self, program: Program) -> Iterator[Report]:
        for call in program.events.calls:
            if call.method == "compile":
                chosen = call.keyword("optimizer") or call.positional(0)
                value = _literal(chosen) if chosen is not None else None
                if isinstance(value, str) and value != "?":
                    yield Report(call.node, f"the optimiser is given by name (`optimizer=\"{value}\"`): it runs with "
                                            f"its default learning rate, a hyperparameter Tip 3 says to choose; build "
                                            f"it with an explicit `learning_rate=`")
                continue
            if call.method is not None:
                continue
            optimizer = _optimizer(call.name)
            if optimizer is None or any(arg.star == "**" for arg in call.node.args):
                continue  # ``SGD(params, **config)``: the learning rate may be in the config
            if call.name.startswith(lib.TORCH_OPTIMIZER_PREFIX):
                if call.keyword("lr") is None and call.positional(1) is None:
                    yield Report(call.node, f"`{optimizer}` is built with its default learning rate: state the "
                                            f"learning rate (`lr=`) as a choice, and tune or justify it")
            elif call.keyword("learning_rate") is None and call.positional(0) is None:
                yield Report(call.node, f"`{optimizer}` is built with its default learning rate: state the "
                                        f"learning rate (`learning_rate=`) as a choice, and tune or justify it")


class AdaptiveOptimizersOnly(ProjectCheck):
    id = "DLR206"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        adaptive, others = [], 0
        for source, call in sorted(project.all_calls(), key=lambda pair: pair[0].rel):
            names = []
            if call.get("method") == "compile":
                value = _kw(call, "optimizer")
                if isinstance(value, str) and value != "?":
                    names.append(value)
            elif not call.get("method"):
                optimizer = _optimizer(call.get("name") or "")
                if optimizer:
                    names.append(optimizer)
            for name in names:
                if any(name.lower() == known.lower() for known in lib.ADAPTIVE_OPTIMIZERS):
                    adaptive.append((source, call, name))
                else:
                    others += 1
        if adaptive and not others:
            source, call, name = adaptive[0]
            yield ProjectReport(f"only adaptive optimisers are used (`{name}`), with no comparison with another "
                                f"(SGD with momentum, say): Tip 3 notes adaptive methods can converge faster but "
                                f"generalise worse; compare at least one alternative", source, tuple(call["at"]),
                                Severity.INFO)


# ------------------------------------------------------------------------------------------------ DLR207
_REQUIREMENTS = re.compile(r"(?:^|/)(?:requirements[^/]*\.(?:txt|in)|[^/]*requirements/[^/]+\.txt|"
                           r"constraints[^/]*\.txt)$", re.IGNORECASE)
_ENVIRONMENT = re.compile(r"(?:^|/)environment[^/]*\.ya?ml$", re.IGNORECASE)
_LOCKS = re.compile(r"(?:^|/)(?:poetry\.lock|uv\.lock|Pipfile\.lock|pdm\.lock|conda-lock\.ya?ml|[^/]*\.conda-lock\.ya?ml|"
                    r"requirements[^/]*\.lock|pixi\.lock|explicit[^/]*\.txt)$", re.IGNORECASE)
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._\-]*(?:\[[^\]]*\])?)\s*(.*)$")
_STDLIB = frozenset(__import__("sys").stdlib_module_names)


def _requirement_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line, package, pinned) of each requirement in a requirements file."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].split("\t#", 1)[0].strip()
        if not line or line.startswith(("#", "-", "--")):
            continue
        if "://" in line or line.startswith((".", "/")):
            pinned = "@" in line and bool(re.search(r"@[0-9a-f]{7,40}\b|@v?\d+\.\d+", line))
            yield number, line, pinned
            continue
        match = _REQUIREMENT.match(line.split(";", 1)[0])
        if match:
            spec = match.group(2)
            yield number, match.group(1), bool(re.search(r"===?\s*[\w.*+!\-]+", spec)) and "*" not in spec


def _environment_lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line, package, pinned) of each dependency in a conda environment.yml (its pip: list included)."""
    in_dependencies = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.split("#", 1)[0].rstrip()
        if not stripped.strip():
            continue
        if not raw.startswith((" ", "\t", "-")):
            in_dependencies = stripped.strip().startswith("dependencies:")
            continue
        entry = stripped.strip()
        if not in_dependencies or not entry.startswith("- ") or entry.endswith(":"):
            continue
        package = entry[2:].strip().strip("'\"")
        name = re.split(r"[=<>!~ ]", package, maxsplit=1)[0]
        if name in ("python", "pip") or not name:
            continue
        pinned = bool(re.search(r"(?<![<>!~])==?\s*\d", package)) and not package.rstrip().endswith("*")
        yield number, name, pinned


def _pins_or_lists(rel: str) -> bool:
    """A requirements file, a conda environment or a lock file."""
    return bool(_REQUIREMENTS.search(rel) or _ENVIRONMENT.search(rel) or _LOCKS.search(rel))


def _dependency_files(project: Project) -> list[tuple[str, Path]]:
    """Dependency files of the project and of the folders above it up to the repository's root."""
    found = [(rel, project.root / rel) for rel in project.listing
             if _pins_or_lists(rel) or PurePosixPath(rel).name in ("pyproject.toml", "Pipfile", "setup.cfg")]
    directory = project.root
    # up to the repository's root; outside a repository, up to the folder that was checked, never beyond it
    inside_git = any((folder / ".git").exists() for folder in (directory, *directory.parents))
    top = project.top or project.root
    while (inside_git or directory != top) and not (directory / ".git").exists() and directory.parent != directory:
        directory = directory.parent
        for candidate in sorted(directory.iterdir()) if directory.is_dir() else []:
            rel = candidate.name
            if candidate.is_file() and _pins_or_lists(rel):
                found.append((f"../{rel}", candidate))
        if (directory / ".git").exists():
            break
    return found


def _third_party(project: Project) -> str | None:
    modules: set[str] = set()
    for source in project.files.values():
        modules.update(source.module_names)
    for rel, source in sorted(project.files.items()):
        for name in source.facts.get("imports", []):
            top = name.split(".", 1)[0]
            if name.startswith(".") or not top or top in _STDLIB or top in modules or top == "__future__":
                continue
            if project.module(name, source) is not None:
                continue
            return top
    return None


class UnpinnedDependencies(ProjectCheck):
    id = "DLR207"

    def check(self, project: Project) -> Iterator[ProjectReport]:
        package = _third_party(project)
        if package is None:
            return
        files = _dependency_files(project)
        if any(_LOCKS.search(rel) for rel, _ in files):
            return
        pinned_anywhere = False
        unpinned: list[tuple[str, int, str]] = []
        for rel, path in files:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if _REQUIREMENTS.search(rel):
                lines = list(_requirement_lines(text))
            elif _ENVIRONMENT.search(rel):
                lines = list(_environment_lines(text))
            elif rel.endswith("pyproject.toml"):
                lines = [(0, "", True)] if re.search(r"^\s*\"[A-Za-z0-9._\-\[\]]+\s*==\s*\d", text, re.MULTILINE) else []
            else:
                lines = []
            for number, name, pinned in lines:
                if pinned:
                    pinned_anywhere = True
                elif not rel.startswith("../"):
                    unpinned.append((rel, number, name))
        for rel, number, name in unpinned:
            yield ProjectReport(f"`{name}` has no exact version: a fresh install may get a release that changes "
                                f"results; pin it (`{name}==X.Y.Z`, the version you ran)", None,
                                (None, number, 1), rel=rel)
        if not unpinned and not pinned_anywhere:
            yield ProjectReport(f"no dependency file pins the versions this code runs with (it imports `{package}`): "
                                f"add a requirements.txt with `==` versions (`pip freeze`), a lock file or an "
                                f"environment.yml with versions")


# ------------------------------------------------------------------------------------------------ DLR208
def _string_constants(program: Program) -> dict[str, str]:
    """``ATLAS_URL = "https://..."`` at the top level of the file: the URLs a download names through a constant."""
    found: dict[str, str] = {}
    for statement in program.module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                        and isinstance(small.targets[0].target, cst.Name):
                    value = _literal(small.value)
                    if isinstance(value, str) and value != "?":
                        found[small.targets[0].target.value] = value
    return found


class UnversionedDownload(Check):
    id = "DLR208"

    def check(self, program: Program) -> Iterator[Report]:
        calls = program.events.calls
        if any(call.name.startswith("hashlib.") for call in calls):
            return  # the file computes a checksum: what was downloaded is verified
        constants = _string_constants(program)
        for call in calls:
            if call.method is not None:
                continue
            name = call.name
            given = call.positional(0) or call.keyword("url") or call.keyword("filepath_or_buffer") \
                or call.keyword("origin")
            url = constants.get(given.value) if isinstance(given, cst.Name) else _literal(given)
            url = url if isinstance(url, str) and url != "?" else None
            if url is not None and lib.VERSIONED_URL.search(url):
                continue
            message = None
            if name in lib.DOWNLOADERS:
                message = f"`{short(name)}` downloads data at run time"
            elif name in lib.URL_READERS and url is not None and lib.URL.match(url):
                if name.startswith(("requests.", "httpx.", "urllib.")) and not lib.DATA_EXTENSION.search(url):
                    continue
                message = f"`{short(name)}` reads data straight from a URL"
            elif name in lib.GET_FILE:
                origin = call.keyword("origin") or call.positional(1)
                origin_url = _literal(origin) if origin is not None else None
                if isinstance(origin_url, str) and lib.VERSIONED_URL.search(origin_url):
                    continue
                if call.keyword("file_hash") is None and call.keyword("md5_hash") is None \
                        and call.positional(2) is None:
                    message = "`get_file` downloads data without `file_hash=`"
            elif name.startswith("torchvision.datasets.") and _literal(call.keyword("download")) is True:
                message = f"`{short(name)}(download=True)` downloads data at run time"
            elif name in lib.LOAD_DATASET:
                builder = _literal(call.positional(0) or call.keyword("path"))
                if builder in lib.LOCAL_DATASET_BUILDERS or call.keyword("revision") is not None:
                    continue
                message = "`load_dataset` downloads a data set without `revision=`"
            elif name in lib.HUB_DOWNLOADS and call.keyword("revision") is None:
                message = f"`{short(name)}` downloads without `revision=`"
            elif name == "sklearn.datasets.fetch_openml":
                if call.keyword("data_id") is not None or call.keyword("version") is not None:
                    continue
                message = "`fetch_openml` by name without `version=` takes whichever version is active"
            if message:
                yield Report(call.node, f"{message}, with nothing that fixes what was downloaded (a version or date "
                                        f"in the URL, a revision, a checksum): Tip 4 asks to know your data; pin a "
                                        f"version and verify a checksum (`hashlib.sha256`)")
