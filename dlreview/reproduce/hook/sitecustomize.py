"""dlreview's start-up hook for a re-executed study: seeds, determinism, metric and leakage records.

``dlreview reproduce`` puts this file's folder first on the child's ``PYTHONPATH``, so every Python process of the
run (the scripts, a notebook's kernel, subprocesses, joblib workers) imports it at start-up, before any user code.
It changes nothing unless ``DLREVIEW_RECORD`` names the events file of a run. It must work in any environment the
study brings (``--python`` may be another virtual environment, another Python version): it uses the standard
library only, never imports dlreview, and imports no library the study does not import itself. Library code is
patched right after the library is imported (a post-import hook on ``sys.meta_path``). A failure of the hook is
written to the record as an ``error`` event and never reaches the user's code.

Environment variables read (set by dlreview for each run):

- ``DLREVIEW_RECORD``: the JSON-lines file the events are appended to (one line per event, all processes).
- ``DLREVIEW_ROOT``: the copy of the study; file names in the record are relative to it.
- ``DLREVIEW_SEED``: seed ``random``, numpy, torch (CPU and CUDA) and TensorFlow at import; empty: do not.
- ``DLREVIEW_VARY_SEEDS=1``: seeds the code sets itself (``torch.manual_seed(0)``, ``random_state=0``...) are
  mixed with ``DLREVIEW_SEED``, so that the seed experiment varies them too.
- ``DLREVIEW_DETERMINISTIC=1``: torch deterministic algorithms (warn only), cuDNN deterministic, no benchmark;
  TensorFlow op determinism.
- ``DLREVIEW_SHUFFLE_LABELS=1``: the label-shuffle control. The ``y`` given to the outermost ``fit`` of every
  scikit-learn-style estimator is permuted. A custom training loop opts in by reading the variable itself.
- ``DLREVIEW_NETWORK=0``: Python-level sockets refuse non-loopback addresses (advisory; the sandbox enforces).
- ``DLREVIEW_NOTEBOOK``: the notebook being executed, to name it in call sites instead of IPython's cell files.
"""

from __future__ import annotations

import os
import sys

HOOK_VERSION = 1
_HOOK_DIR = os.path.dirname(os.path.abspath(__file__))
ROW_LIMIT = 200_000  # rows fingerprinted per array; more are not hashed (said in the record)
LIBRARY_ROOTS = frozenset({
    "sklearn", "joblib", "imblearn", "xgboost", "lightgbm", "catboost", "scipy", "numpy", "pandas", "torch",
    "torchmetrics", "lightning", "pytorch_lightning", "tensorflow", "keras", "threadpoolctl", "sitecustomize",
    "importlib", "concurrent", "multiprocessing", "threading", "functools", "contextlib", "IPython", "ipykernel",
    "loky", "dlreview_hook",
})
FIT_METHODS = ("fit", "fit_transform", "fit_predict", "fit_resample", "partial_fit")
EVALUATE_METHODS = ("predict", "predict_proba", "predict_log_proba", "decision_function", "score")
TRANSFORM_METHODS = ("transform",)


class _Hook:
    """Everything the hook does in one process; one instance, created at start-up when a run is recorded."""

    def __init__(self, record_path: str) -> None:
        import json
        import threading

        self.json = json
        self.fd = os.open(record_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self.root = os.environ.get("DLREVIEW_ROOT", "")
        seed = os.environ.get("DLREVIEW_SEED", "")
        self.seed = int(seed) if seed.strip() else None
        self.vary_seeds = os.environ.get("DLREVIEW_VARY_SEEDS") == "1" and self.seed is not None
        self.deterministic = os.environ.get("DLREVIEW_DETERMINISTIC") == "1"
        self.shuffle = os.environ.get("DLREVIEW_SHUFFLE_LABELS") == "1"
        self.notebook = os.environ.get("DLREVIEW_NOTEBOOK") or None
        self.local = threading.local()
        self.lock = threading.Lock()
        self.sequence = 0
        self.shuffle_count = 0
        self.predictions: dict[str, str] = {}  # fingerprint of a prediction array -> estimator that made it
        self.remapped: set = set()
        with open(os.path.join(_HOOK_DIR, "metric_names.json"), encoding="utf-8") as stream:
            self.names = json.load(stream)
        self.post_import: dict = {}
        self.prefix_post_import: list = []

    # -- the record --------------------------------------------------------------------------------------------
    def emit(self, event: str, **data) -> None:
        with self.lock:
            self.sequence += 1
            data.update(event=event, pid=os.getpid(), seq=self.sequence)
            try:
                line = self.json.dumps(data, default=_jsonable) + "\n"
            except (TypeError, ValueError) as exc:
                line = self.json.dumps({"event": "error", "pid": os.getpid(), "seq": self.sequence,
                                        "where": f"record {event}", "message": str(exc)}) + "\n"
            os.write(self.fd, line.encode("utf-8"))

    def error(self, where: str, exc: BaseException) -> None:
        try:
            self.emit("error", where=where, message=f"{type(exc).__name__}: {exc}")
        except Exception:  # noqa: BLE001, S110 - the record itself failed; never disturb the study
            pass

    # -- call sites --------------------------------------------------------------------------------------------
    def depth(self) -> int:
        return getattr(self.local, "depth", 0)

    def enter(self) -> int:
        depth = self.depth()
        self.local.depth = depth + 1
        return depth

    def leave(self) -> None:
        self.local.depth = self.depth() - 1

    @staticmethod
    def _is_library(frame) -> bool:
        if frame.f_code.co_filename == __file__:
            return True
        name = frame.f_globals.get("__name__") or ""
        return name.split(".")[0] in LIBRARY_ROOTS

    def user_caller(self, frame):
        """The frame that called a patched function, when it is the study's code (not a library); else None."""
        while frame is not None and frame.f_code.co_filename == __file__:
            frame = frame.f_back
        if frame is None or self._is_library(frame):
            return None
        return frame

    def site(self, frame) -> dict:
        """Where the study's code made a call: file relative to the copy, line, function. In a notebook: the
        notebook's path, the line within the cell, and ``cell`` 0, which dlreview replaces by the code cell the
        call happened in (from the order of the runner's cell events)."""
        filename, cell = frame.f_code.co_filename, None
        if self.notebook and (not os.path.isfile(filename) or "ipykernel_" in filename):
            filename, cell = self.notebook, 0
        elif self.root and os.path.isabs(filename) and filename.startswith(self.root.rstrip(os.sep) + os.sep):
            filename = os.path.relpath(filename, self.root)
        return {"file": filename, "line": frame.f_lineno, "cell": cell, "function": frame.f_code.co_name}

    # -- seeds ---------------------------------------------------------------------------------------------------
    def derive(self, given, kind: str) -> int:
        """The seed used in place of one the code sets, in a seed-experiment run: mixed with the run's seed."""
        import hashlib

        digest = hashlib.blake2b(f"{given}:{self.seed}".encode(), digest_size=4).digest()
        used = int.from_bytes(digest, "little")
        if (kind, str(given)) not in self.remapped and len(self.remapped) < 100:
            self.remapped.add((kind, str(given)))
            self.emit("seed_remapped", kind=kind, given=str(given), used=used)
        return used

    def seed_random(self) -> None:
        import random

        if self.seed is not None:
            random.seed(self.seed)
        if self.vary_seeds:
            original = random.seed

            def seed(a=None, version=2):
                if isinstance(a, int) and not isinstance(a, bool) or isinstance(a, (str, bytes, float)):
                    a = self.derive(a, "random.seed")
                return original(a, version)

            random.seed = seed

    def on_numpy_random(self, module) -> None:
        if self.seed is not None:
            module.seed(self.seed % 2**32)
        if not self.vary_seeds:
            return
        original_seed, original_rng = module.seed, module.default_rng

        def seed(seed=None):
            if _is_int(seed):
                seed = self.derive(seed, "numpy.random.seed")
            return original_seed(seed)

        def default_rng(seed=None):
            if _is_int(seed):
                seed = self.derive(seed, "numpy.random.default_rng")
            return original_rng(seed)

        module.seed, module.default_rng = seed, default_rng

    def on_check_random_state(self, module) -> None:
        """``random_state=0`` anywhere in scikit-learn goes through ``check_random_state``: vary it per seed."""
        original = getattr(module, "check_random_state", None)
        if not self.vary_seeds or original is None or getattr(original, "_dlreview", False):
            return

        def check_random_state(seed):
            if _is_int(seed):
                seed = self.derive(seed, "sklearn random_state")
            return original(seed)

        check_random_state.__doc__ = original.__doc__
        check_random_state._dlreview = True
        module.check_random_state = check_random_state

    def on_torch(self, torch) -> None:
        if self.seed is not None:
            torch.manual_seed(self.seed)  # seeds every CUDA device too
        if self.deterministic:
            try:
                torch.use_deterministic_algorithms(True, warn_only=True)
            except TypeError:  # torch < 1.11 has no warn_only
                torch.use_deterministic_algorithms(True)
            torch.backends.cudnn.deterministic = True
            torch.backends.cudnn.benchmark = False
        if self.vary_seeds:
            for owner, name in ((torch, "manual_seed"), (torch.random, "manual_seed")):
                self._vary(owner, name, "torch.manual_seed")
            cuda = getattr(torch, "cuda", None)
            if cuda is not None:
                for name in ("manual_seed", "manual_seed_all"):
                    self._vary(cuda, name, f"torch.cuda.{name}")
        info = {"version": getattr(torch, "__version__", None), "cuda": getattr(torch.version, "cuda", None),
                "cudnn": None, "cuda_available": False, "deterministic_algorithms": None}
        try:
            info["cudnn"] = torch.backends.cudnn.version()
            info["cuda_available"] = bool(torch.cuda.is_available())
            info["cuda_device_count"] = torch.cuda.device_count() if info["cuda_available"] else 0
            info["deterministic_algorithms"] = torch.are_deterministic_algorithms_enabled()
            info["cudnn_deterministic"] = bool(torch.backends.cudnn.deterministic)
            info["cudnn_benchmark"] = bool(torch.backends.cudnn.benchmark)
        except Exception as exc:  # noqa: BLE001
            self.error("torch info", exc)
        self.emit("torch", **info)

    def _vary(self, owner, name: str, kind: str) -> None:
        original = getattr(owner, name, None)
        if original is None or getattr(original, "_dlreview", False):
            return

        def seeded(seed, *args, **kwargs):
            if _is_int(seed):
                seed = self.derive(seed, kind)
            return original(seed, *args, **kwargs)

        seeded._dlreview = True
        setattr(owner, name, seeded)

    def on_tensorflow(self, tf) -> None:
        try:
            if self.seed is not None:
                tf.random.set_seed(self.seed)
            if self.deterministic:
                tf.config.experimental.enable_op_determinism()
            if self.vary_seeds:
                self._vary(tf.random, "set_seed", "tf.random.set_seed")
            self.emit("tensorflow", version=getattr(tf, "__version__", None),
                      built_with_cuda=bool(tf.test.is_built_with_cuda()))
        except Exception as exc:  # noqa: BLE001
            self.error("tensorflow", exc)

    # -- metrics -------------------------------------------------------------------------------------------------
    def wrap_functions(self, module, table: dict, source: str) -> None:
        for function_name, metric in table.items():
            original = getattr(module, function_name, None)
            if callable(original) and not getattr(original, "_dlreview", False):
                setattr(module, function_name, self._metric_wrapper(original, function_name, metric, source))

    def _metric_wrapper(self, original, function_name: str, metric: str, source: str):
        import functools

        hook = self

        @functools.wraps(original)
        def metric_function(*args, **kwargs):
            depth = hook.enter()
            try:
                result = original(*args, **kwargs)
            finally:
                hook.leave()
            if depth == 0:
                try:
                    frame = hook.user_caller(sys._getframe(1))
                    if frame is not None:
                        hook.record_metric(metric, f"{source}.{function_name}", result, args, kwargs, frame)
                except Exception as exc:  # noqa: BLE001
                    hook.error(f"metric {function_name}", exc)
            return result

        metric_function._dlreview = True
        return metric_function

    def record_metric(self, metric, function, result, args, kwargs, frame, model=None) -> None:
        value = _scalar(result)
        y_true = args[0] if args else _first(kwargs, "y_true", "target")
        y_pred = args[1] if len(args) > 1 else _first(kwargs, "y_pred", "y_score", "y_prob", "y_proba",
                                                       "probas_pred", "preds", "y")
        if model is None and y_pred is not None:
            fingerprint = _array_fingerprint(y_pred)
            model = self.predictions.get(fingerprint) if fingerprint else None
        self.emit("metric", metric=metric, computed_by=function, value=value, model=model,
                  chance=_chance(metric, y_true, kwargs), n=_length(y_true), **self.site(frame))

    def on_torchmetrics_metric(self, module) -> None:
        """Class metrics (``BinaryAUROC()``): ``compute()`` called by the study's code is recorded."""
        table = self.names["torchmetrics"]
        metric_class = getattr(module, "Metric", None)
        if metric_class is None or not hasattr(metric_class, "_wrap_compute"):
            return
        original = metric_class._wrap_compute
        hook = self

        def _wrap_compute(self_metric, compute):
            wrapped = original(self_metric, compute)

            def recorded_compute(*args, **kwargs):
                result = wrapped(*args, **kwargs)
                try:
                    name = table.get(type(self_metric).__name__)
                    frame = hook.user_caller(sys._getframe(1))
                    if name and frame is not None:
                        hook.emit("metric", metric=name, computed_by=f"torchmetrics.{type(self_metric).__name__}",
                                  value=_scalar(result), model=None, chance=None, n=None, **hook.site(frame))
                except Exception as exc:  # noqa: BLE001
                    hook.error("torchmetrics compute", exc)
                return result

            return recorded_compute

        metric_class._wrap_compute = _wrap_compute

    # -- estimators: fits, transforms, predictions --------------------------------------------------------------
    def wrap_estimators(self, module) -> None:
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == module.__name__ and (
                    hasattr(value, "get_params") or value.__name__.endswith("Mixin")):
                for name in (*FIT_METHODS, *EVALUATE_METHODS, *TRANSFORM_METHODS):
                    attribute = value.__dict__.get(name)
                    if attribute is None:
                        continue
                    if callable(getattr(attribute, "fn", None)) and hasattr(attribute, "check"):
                        attribute.fn = self._method_wrapper(attribute.fn, name)  # sklearn's available_if
                    elif isinstance(attribute, type(_is_int)):
                        setattr(value, name, self._method_wrapper(attribute, name))

    def _method_wrapper(self, original, method: str):
        import functools

        if getattr(original, "_dlreview", False):
            return original
        hook = self

        @functools.wraps(original)
        def method_function(estimator, *args, **kwargs):
            depth = hook.enter()
            try:
                frame = rows = None
                if depth == 0:
                    try:
                        frame = hook.user_caller(sys._getframe(1))
                        if hook.shuffle and method in FIT_METHODS:
                            args, kwargs = hook.shuffle_labels(args, kwargs, type(estimator).__name__)
                        if frame is not None:
                            rows = _row_hashes(args[0] if args else _first(kwargs, "X"))
                    except Exception as exc:  # noqa: BLE001
                        hook.error(f"{method} (before)", exc)
                result = original(estimator, *args, **kwargs)
                if frame is not None:
                    try:
                        hook.record_call(estimator, method, rows, result, args, kwargs, frame)
                    except Exception as exc:  # noqa: BLE001
                        hook.error(f"{method} (after)", exc)
                return result
            finally:
                hook.leave()

        method_function._dlreview = True
        return method_function

    def record_call(self, estimator, method, rows, result, args, kwargs, frame) -> None:
        name = _model_label(estimator)
        site = self.site(frame)
        if method in FIT_METHODS:
            self.emit("fit", estimator=name, method=method, rows=rows, n=_length(args[0]) if args else None, **site)
        if method in ("fit_transform", "transform") and rows is not None:
            out = _row_hashes(result)
            if out is not None and len(out) == len(rows):
                self.emit("map", estimator=name, method=method, rows=rows, out=out, **site)
        if method in EVALUATE_METHODS or method == "fit_predict":
            if method == "score":
                y_true = args[1] if len(args) > 1 else kwargs.get("y")
                metric = _estimator_metric(estimator)
                if metric is not None:
                    self.emit("metric", metric=metric, computed_by=f"{type(estimator).__name__}.score", value=_scalar(result), model=name,
                              chance=_chance(metric, y_true, {}), n=_length(y_true), **site)
            else:
                for fingerprint in _prediction_fingerprints(result):
                    self.predictions[fingerprint] = name
            if method != "fit_predict":
                self.emit("evaluate", estimator=name, method=method, rows=rows, **site)

    def shuffle_labels(self, args, kwargs, estimator: str):
        """Permute the labels of an outermost fit (label-shuffle control): the model learns without signal."""
        if len(args) > 1 and args[1] is not None:
            args = (args[0], self._permuted(args[1]), *args[2:])
        elif kwargs.get("y") is not None:
            kwargs = {**kwargs, "y": self._permuted(kwargs["y"])}
        else:
            return args, kwargs
        self.emit("labels_shuffled", estimator=estimator)
        return args, kwargs

    def _permuted(self, y):
        import numpy

        self.shuffle_count += 1
        rng = numpy.random.default_rng([self.seed or 0, self.shuffle_count])
        permutation = rng.permutation(len(y))
        if hasattr(y, "iloc"):
            values = y.to_numpy()[permutation]
            if getattr(y, "ndim", 1) == 1:
                return type(y)(values, index=y.index, name=y.name)
            return type(y)(values, index=y.index, columns=y.columns)
        if type(y).__module__.startswith("torch"):
            import torch

            return y[torch.as_tensor(permutation, device=y.device)]
        if isinstance(y, numpy.ndarray):
            return y[permutation]
        return [y[i] for i in permutation]

    def wrap_split(self, module) -> None:
        original = getattr(module, "train_test_split", None)
        if original is None or getattr(original, "_dlreview", False):
            return
        import functools

        hook = self

        @functools.wraps(original)
        def train_test_split(*arrays, **options):
            result = original(*arrays, **options)
            try:
                frame = hook.user_caller(sys._getframe(1))
                if frame is not None:
                    parts = []
                    for index in range(len(arrays)):
                        train, test = _row_hashes(result[2 * index]), _row_hashes(result[2 * index + 1])
                        if train is not None and test is not None:
                            parts.append({"array": index, "train": train, "test": test})
                    hook.emit("split", computed_by="train_test_split", parts=parts, **hook.site(frame))
            except Exception as exc:  # noqa: BLE001
                hook.error("train_test_split", exc)
            return result

        train_test_split._dlreview = True
        module.train_test_split = train_test_split

    # -- environment ---------------------------------------------------------------------------------------------
    def record_environment(self) -> None:
        import platform

        packages = {}
        try:
            from importlib import metadata

            for distribution in metadata.distributions():
                name = distribution.metadata["Name"]
                if name:
                    packages[name.lower()] = distribution.version
        except Exception as exc:  # noqa: BLE001
            self.error("package versions", exc)
        self.emit("environment", python=platform.python_version(), implementation=platform.python_implementation(),
                  executable=sys.executable, prefix=sys.prefix, platform=platform.platform(),
                  machine=platform.machine(), cpu=_cpu_model(), cpu_count=os.cpu_count(),
                  packages=dict(sorted(packages.items())), hook_version=HOOK_VERSION)

    def at_exit(self) -> None:
        torch = sys.modules.get("torch")
        data = {}
        if torch is not None:
            try:
                initialised = bool(torch.cuda.is_available() and torch.cuda.is_initialized())
                data["cuda_used"] = initialised
                if initialised:
                    data["gpus"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
                    data["max_memory_allocated"] = torch.cuda.max_memory_allocated()
            except Exception as exc:  # noqa: BLE001
                self.error("torch at exit", exc)
        self.emit("exit", **data)

    # -- network guard (advisory; the sandbox is what enforces) -------------------------------------------------
    def guard_network(self) -> None:
        import socket

        hook = self
        local_hosts = {"127.0.0.1", "::1", "localhost", "0.0.0.0", ""}

        def check(address):
            if isinstance(address, tuple) and address and str(address[0]) not in local_hosts \
                    and not str(address[0]).startswith("127."):
                hook.emit("network_blocked", address=str(address[0]))
                raise OSError(101, "Network is unreachable (network access is off in dlreview reproduce)")

        for name in ("connect", "connect_ex", "sendto"):
            original = getattr(socket.socket, name)

            def guarded(sock, *args, _original=original, _name=name):
                if sock.family in (socket.AF_INET, socket.AF_INET6) and args:
                    check(args[-1] if _name == "sendto" else args[0])
                return _original(sock, *args)

            setattr(socket.socket, name, guarded)

    # -- installing the post-import hooks -----------------------------------------------------------------------
    def install(self) -> None:
        self.post_import = {
            "numpy.random": [self.on_numpy_random],
            "torch": [self.on_torch],
            "tensorflow": [self.on_tensorflow],
            "sklearn.utils.validation": [self.on_check_random_state],
            "sklearn.utils": [self.on_check_random_state],
            "sklearn.metrics": [lambda m: self.wrap_functions(m, self.names["sklearn.metrics"], "sklearn.metrics")],
            "sklearn.model_selection": [self.wrap_split],
            "sklearn.model_selection._split": [self.wrap_split],
            "scipy.stats": [lambda m: self.wrap_functions(m, self.names["scipy.stats"], "scipy.stats")],
            "torchmetrics.metric": [self.on_torchmetrics_metric],
            "torchmetrics.functional": [
                lambda m: self.wrap_functions(m, self.names["torchmetrics.functional"], "torchmetrics.functional")],
        }
        self.prefix_post_import = [("sklearn", self.wrap_estimators), ("imblearn", self.wrap_estimators),
                                   ("xgboost", self.wrap_estimators), ("lightgbm", self.wrap_estimators)]
        sys.meta_path.insert(0, _PostImportFinder(self))
        self.emit("start", argv=sys.argv, ppid=os.getppid(), seed=self.seed, vary_seeds=self.vary_seeds,
                  deterministic=self.deterministic, shuffle_labels=self.shuffle)
        self.seed_random()
        if os.environ.get("DLREVIEW_NETWORK") == "0":
            self.guard_network()
        if os.environ.get("DLREVIEW_ENVIRONMENT_RECORDED") != "1":
            os.environ["DLREVIEW_ENVIRONMENT_RECORDED"] = "1"  # child processes share this process's environment
            self.record_environment()
        if self.shuffle:
            self.watch_shuffle_opt_in()
        import atexit

        atexit.register(self.at_exit)
        # modules imported before the hook (rare: only by site itself) still get their patches
        for name in list(self.post_import):
            if name in sys.modules:
                self.after_import(name, sys.modules[name])

    def watch_shuffle_opt_in(self) -> None:
        """A custom training loop opts in to the label-shuffle control by reading DLREVIEW_SHUFFLE_LABELS (and
        permuting its own labels): record that it read it, so that the control counts as applied."""
        hook = self
        environ_class = type(os.environ)
        original = environ_class.__getitem__

        def __getitem__(environ, key):
            if key == "DLREVIEW_SHUFFLE_LABELS" and not getattr(hook, "opted_in", False):
                hook.opted_in = True
                hook.emit("shuffle_opt_in")
            return original(environ, key)

        environ_class.__getitem__ = __getitem__

    def callbacks(self, name: str) -> list:
        found = list(self.post_import.get(name, ()))
        root = name.split(".")[0]
        found.extend(callback for prefix, callback in self.prefix_post_import if prefix == root)
        return found

    def after_import(self, name: str, module) -> None:
        for callback in self.callbacks(name):
            try:
                callback(module)
            except Exception as exc:  # noqa: BLE001
                self.error(f"after import of {name}", exc)


class _PostImportFinder:
    """A meta-path finder that finds nothing itself: for a watched module it asks the other finders, and wraps the
    loader so that the hook's callbacks run right after the module's code, before its importer sees it."""

    def __init__(self, hook: _Hook) -> None:
        self.hook = hook
        self.busy: set = set()

    def find_spec(self, name, path=None, target=None):
        if name in self.busy or not self.hook.callbacks(name):
            return None
        self.busy.add(name)
        try:
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
            else:
                return None
        finally:
            self.busy.discard(name)
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _NotifyingLoader(spec.loader, self.hook, name)
        return spec

    def invalidate_caches(self) -> None:
        pass


class _NotifyingLoader:
    def __init__(self, loader, hook: _Hook, name: str) -> None:
        self._loader, self._hook, self._name = loader, hook, name

    def __getattr__(self, attribute):
        return getattr(self._loader, attribute)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        self._loader.exec_module(module)
        self._hook.after_import(self._name, module)


# -- helpers (standard library, numpy only when the study already imported it) ---------------------------------
def _is_int(value) -> bool:
    try:
        import numbers

        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    except Exception:  # noqa: BLE001
        return False


def _first(mapping: dict, *keys):
    for key in keys:
        if mapping.get(key) is not None:
            return mapping[key]
    return None


def _jsonable(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _scalar(result):
    if hasattr(result, "statistic"):  # scipy.stats results
        result = result.statistic
    elif isinstance(result, tuple) and result:
        result = result[0]
    try:
        value = float(result)
    except (TypeError, ValueError):
        return None
    import math

    return value if math.isfinite(value) else None  # NaN is not a measured value


def _length(values):
    try:
        return len(values)
    except TypeError:
        return None


def _as_numpy(values):
    numpy = sys.modules.get("numpy")
    if numpy is None or values is None:
        return None
    if hasattr(values, "detach") and hasattr(values, "cpu"):  # torch tensors
        values = values.detach().cpu().numpy()
    elif hasattr(values, "to_numpy"):  # pandas
        values = values.to_numpy()
    elif hasattr(values, "toarray") and hasattr(values, "shape"):  # scipy sparse
        if values.shape[0] * max(values.shape[1], 1) > 50_000_000:
            return None
        values = values.toarray()
    try:
        return numpy.asarray(values)
    except Exception:  # noqa: BLE001
        return None


def _row_hashes(values):
    """Fingerprints of the first ROW_LIMIT rows of a 2-D table (None for anything else): the same row has the same
    fingerprint wherever it travels (numbers compared as float64, so a float32 copy matches)."""
    import hashlib

    array = _as_numpy(values)
    if array is None or array.ndim < 2 or array.shape[0] == 0:
        return None
    numpy = sys.modules["numpy"]
    array = array[:ROW_LIMIT].reshape(min(array.shape[0], ROW_LIMIT), -1)
    if array.dtype.kind in "biuf":
        array = numpy.ascontiguousarray(array, dtype=numpy.float64) + 0.0  # -0.0 and 0.0 are one value
        return [hashlib.blake2b(row.tobytes(), digest_size=8).hexdigest() for row in array]
    return [hashlib.blake2b(repr(tuple(row)).encode(), digest_size=8).hexdigest() for row in array]


def _array_fingerprint(values):
    import hashlib

    array = _as_numpy(values)
    if array is None or array.dtype.kind not in "biuf" or array.size == 0:
        return None
    numpy = sys.modules["numpy"]
    array = numpy.ascontiguousarray(array, dtype=numpy.float64).ravel() + 0.0
    return hashlib.blake2b(array.tobytes(), digest_size=8).hexdigest()


def _prediction_fingerprints(result) -> list:
    """The prediction itself, and each column of a 2-D prediction (``proba[:, 1]`` is what a metric gets)."""
    array = _as_numpy(result)
    if array is None:
        return []
    found = [_array_fingerprint(array)]
    if array.ndim == 2:
        found.extend(_array_fingerprint(array[:, column]) for column in range(min(array.shape[1], 100)))
    return [fingerprint for fingerprint in found if fingerprint]


def _chance(metric, y_true, kwargs):
    """What a model without signal scores on these labels, for metrics where that is known."""
    if metric in ("roc_auc",):
        return 0.5
    if metric in ("mcc", "cohen_kappa", "r2", "pearson_r", "spearman_r"):
        return 0.0
    array = _as_numpy(y_true)
    if array is None or array.ndim != 1 or array.size == 0:
        return None
    numpy = sys.modules["numpy"]
    labels, counts = numpy.unique(array, return_counts=True)
    if metric == "accuracy":
        return float(counts.max() / counts.sum())
    if metric == "balanced_accuracy":
        return 1.0 / len(labels)
    if metric == "pr_auc" and len(labels) <= 2:
        positive = kwargs.get("pos_label", 1)
        return float(numpy.mean(array == positive))
    return None


def _model_label(estimator) -> str:
    """The estimator's class; a Pipeline or search is named by the model inside it too."""
    name = type(estimator).__name__
    inner = None
    steps = getattr(estimator, "steps", None)
    if isinstance(steps, list) and steps and isinstance(steps[-1], tuple) and len(steps[-1]) == 2:
        inner = steps[-1][1]
    elif getattr(estimator, "best_estimator_", None) is not None:
        inner = estimator.best_estimator_
    elif getattr(estimator, "estimator", None) is not None and hasattr(estimator, "cv"):
        inner = estimator.estimator
    if inner is not None and inner is not estimator and hasattr(inner, "get_params"):
        return f"{_model_label(inner)} in {name}"
    return name


def _estimator_metric(estimator):
    """What ``score`` computes: accuracy for a classifier, R² for a regressor (scikit-learn's convention)."""
    base = sys.modules.get("sklearn.base")
    try:
        if base is not None and base.is_classifier(estimator):
            return "accuracy"
        if base is not None and base.is_regressor(estimator):
            return "r2"
    except Exception:  # noqa: BLE001 - an estimator whose tags cannot be read: score is not recorded
        return None
    return None


def _cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as stream:
            for line in stream:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or None


def _chain_to_next_sitecustomize() -> None:
    """Run the environment's own ``sitecustomize`` too (Debian's Python, conda have one), which this file hides."""
    try:
        import importlib.machinery
        import importlib.util

        others = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != _HOOK_DIR]
        spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
        if spec is not None and spec.loader is not None and spec.origin != __file__:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001
        if _HOOK is not None:
            _HOOK.error("chained sitecustomize", exc)


_HOOK = None
if os.environ.get("DLREVIEW_RECORD") and os.environ.get("DLREVIEW_HOOK_SKIP") != "1":
    try:
        _HOOK = _Hook(os.environ["DLREVIEW_RECORD"])
        _HOOK.install()
    except Exception as _exc:  # noqa: BLE001
        if _HOOK is not None:
            _HOOK.error("start-up", _exc)
_chain_to_next_sitecustomize()
