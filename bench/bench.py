"""Benchmark: how fast ``dlreview check`` reads a realistic research code base, next to pylint and ruff.

Usage (from the repository root)::

    .venv/bin/python bench/bench.py [--lines N] [--repeat K] [--seed S] [--keep DIR] [--json FILE]

It writes a deterministic synthetic corpus of ML-research-style Python (scikit-learn, pandas, numpy and torch
training scripts, helper modules, model definitions; some with a planted preprocessing leak, most clean) into a
private temporary directory, then times each tool over the same ``.py`` files with ``time.perf_counter`` around a
subprocess, and keeps the best of ``--repeat`` runs. See bench/README.md for what each row means.

``generate_corpus`` is importable (tests/test_bench.py imports this file by path); everything else is the runner.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

PYTHON_DIR = "src"  # the .py corpus: what every tool is timed on
NOTEBOOK_DIR = "notebooks"  # a few notebooks next to it: pylint cannot read them, so dlreview alone, in its own row
MARKER = "CORPUS.json"  # written at the corpus root; --keep only ever replaces a directory that holds one


# ---------------------------------------------------------------------------------------------------------------
# Corpus generator
# ---------------------------------------------------------------------------------------------------------------

@dataclass
class CorpusStats:
    root: Path
    seed: int
    files: int  # .py files under root/src (this is what every tool is timed on)
    lines: int  # lines in those files
    notebooks: int  # .ipynb files under root/notebooks (timed for dlreview alone: pylint cannot read them)
    notebook_lines: int  # lines of code in their code cells
    leaky: list[str] = field(default_factory=list)  # files (relative to root) with one planted leak
    # Where each planted leak's fit call is: {"path", "cell" (1-based among code cells; None in .py), "line"}.
    # Which rule reports it is the checker's business (DLR101, or a more specific one); the line is not.
    leaks: list[dict] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)  # how many files of each kind

    @property
    def python_dir(self) -> Path:
        return self.root / PYTHON_DIR

    @property
    def notebook_dir(self) -> Path:
        return self.root / NOTEBOOK_DIR

    def to_dict(self) -> dict:
        data = asdict(self)
        data["root"] = str(self.root)
        return data


_STDLIB = {"argparse", "collections", "contextlib", "dataclasses", "json", "logging", "math", "os", "pathlib",
           "random", "sys", "time", "typing", "warnings", "itertools", "functools"}

# How a file may spell the scikit-learn modules the leakage rule has to resolve.
_MODULE_ALIASES = {
    "sklearn.preprocessing": ["pp", "skp", "prep"],
    "sklearn.model_selection": ["ms", "skms", "model_selection"],
}
_NAME_ALIASES = {"train_test_split": "tts", "StandardScaler": "SS"}

_TOPICS = ["gene_expression", "protein_stability", "ecg_arrhythmia", "histology_patches", "microbiome",
           "single_cell", "drug_response", "variant_effect", "eeg_sleep", "radiomics", "methylation", "metabolomics",
           "retinal_oct", "chest_xray", "splice_sites", "enhancer_activity", "antibiotic_resistance", "tcr_binding",
           "cell_painting", "wearables_activity"]
_CSV_NAMES = ["cohort", "samples", "patients", "features", "expression", "measurements", "screen", "assay"]
_TARGETS = ["label", "diagnosis", "outcome", "response", "status", "phenotype", "target", "class"]
_FEATURE_WORDS = ["age", "bmi", "glucose", "albumin", "crp", "hba1c", "ldl", "hdl", "heart_rate", "sbp", "dbp",
                  "creatinine", "sodium", "potassium", "wbc", "platelets", "ferritin", "tsh", "gc_content", "depth",
                  "coverage", "entropy", "intensity", "area", "perimeter", "eccentricity", "solidity"]
_SCALERS = [("sklearn.preprocessing", "StandardScaler", "()"), ("sklearn.preprocessing", "MinMaxScaler", "()"),
            ("sklearn.preprocessing", "RobustScaler", "()"),
            ("sklearn.preprocessing", "QuantileTransformer", "(n_quantiles=100, output_distribution=\"normal\")"),
            ("sklearn.impute", "SimpleImputer", "(strategy=\"median\")"),
            ("sklearn.decomposition", "PCA", "(n_components=0.95)")]
_MODELS = [
    ("sklearn.linear_model", "LogisticRegression", "(max_iter=1000, C={c})", {"C": "[0.01, 0.1, 1.0, 10.0]"}),
    ("sklearn.ensemble", "RandomForestClassifier", "(n_estimators={n}, random_state=SEED, n_jobs=-1)",
     {"n_estimators": "[200, 500]", "max_depth": "[None, 8, 16]"}),
    ("sklearn.svm", "SVC", "(kernel=\"rbf\", C={c}, probability=True, random_state=SEED)",
     {"C": "[0.1, 1.0, 10.0]", "gamma": "[\"scale\", 0.01]"}),
    ("sklearn.ensemble", "GradientBoostingClassifier", "(n_estimators={n}, learning_rate=0.05, random_state=SEED)",
     {"learning_rate": "[0.03, 0.1]", "max_depth": "[2, 3]"}),
    ("sklearn.neighbors", "KNeighborsClassifier", "(n_neighbors={k})", {"n_neighbors": "[5, 15, 31]"}),
]


class _File:
    """One generated module: its random source, the imports it has asked for and the names it has used."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.plain: dict[str, str | None] = {}  # module -> alias
        self.froms: dict[str, dict[str, str | None]] = {}  # module -> {name: alias}
        self.used: set[str] = set()
        self.styles = {
            "sklearn.preprocessing": rng.choice(["from", "from", "from", "module_alias", "import_as"]),
            "sklearn.model_selection": rng.choice(["from", "from", "from", "name_alias", "import_as"]),
        }
        self.aliases = {module: rng.choice(names) for module, names in _MODULE_ALIASES.items()}
        self.constants: dict[str, str] = {}
        self.extra_blocks: list[list[str]] = []  # definitions the main body needs (a model class, a helper)
        self._nn_style = rng.choice(["from", "module"])
        self.leak: str | None = None  # the (stripped) line of the planted leak's fit call, if any

    # imports -----------------------------------------------------------------------------------------------
    def module(self, module: str, alias: str | None = None) -> str:
        self.plain[module] = alias
        return alias or module

    def name(self, module: str, name: str, alias: str | None = None) -> str:
        self.froms.setdefault(module, {})[name] = alias
        return alias or name

    def sk(self, module: str, name: str) -> str:
        """A scikit-learn name, spelt the way this file imports that module."""
        style = self.styles.get(module, "from")
        if style == "module_alias":
            parent, leaf = module.rsplit(".", 1)
            alias = self.aliases[module]
            self.name(parent, leaf, None if alias == leaf else alias)
            return f"{alias}.{name}"
        if style == "import_as":
            return f"{self.module(module, self.aliases[module])}.{name}"
        if style == "name_alias" and name in _NAME_ALIASES:
            return self.name(module, name, _NAME_ALIASES[name])
        return self.name(module, name)

    def np(self) -> str:
        return self.module("numpy", "np")

    def pd(self) -> str:
        return self.module("pandas", "pd")

    def nn(self) -> str:
        """torch.nn, imported one way per file."""
        return self.name("torch", "nn") if self._nn_style == "from" else self.module("torch.nn", "nn")

    def const(self, name: str, value: str) -> str:
        self.constants.setdefault(name, value)
        return name

    def planted(self, line: str) -> str:
        """Note ``line`` as the planted leak (the line where a checker should report the fit) and return it."""
        self.leak = line.strip()
        return line

    def unique(self, name: str) -> str:
        candidate, n = name, 2
        while candidate in self.used:
            candidate, n = f"{name}_{n}", n + 1
        self.used.add(candidate)
        return candidate

    def render_imports(self) -> list[str]:
        groups: dict[bool, list[str]] = {True: [], False: []}
        for module in sorted(self.plain):
            alias = self.plain[module]
            stdlib = module.split(".")[0] in _STDLIB
            groups[stdlib].append(f"import {module}" + (f" as {alias}" if alias and alias != module else ""))
        for module in sorted(self.froms):
            names = ", ".join(n + (f" as {a}" if a else "") for n, a in sorted(self.froms[module].items()))
            stdlib = module.split(".")[0] in _STDLIB
            line = f"from {module} import {names}"
            if len(line) > 100:
                inner = "".join(f"    {n}{f' as {a}' if a else ''},\n" for n, a in sorted(self.froms[module].items()))
                line = f"from {module} import (\n{inner})"
            groups[stdlib].append(line)
        out = []
        for stdlib in (True, False):
            if groups[stdlib]:
                if out:
                    out.append("")
                out.extend(sorted(groups[stdlib], key=lambda s: (s.startswith("from"), s.lower())))
        return "\n".join(out).split("\n")


def _indent(lines: list[str], level: int = 1) -> list[str]:
    pad = "    " * level
    return [pad + line if line else "" for line in lines]


def _features(rng: random.Random, k: int | None = None) -> list[str]:
    return rng.sample(_FEATURE_WORDS, k or rng.randint(3, 7))


# helper functions -------------------------------------------------------------------------------------------------
# Each returns the lines of one top-level definition. They are the bulk of a research repository: loading, cleaning,
# plotting, metrics and bookkeeping code that no leakage rule should fire on.

def _h_load_table(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["load_table", "read_dataset", "load_cohort", "read_measurements"]))
    pd_, log = f.pd(), f.module("logging")
    f.name("pathlib", "Path")
    return [
        f"def {name}(path: Path, index_col: str | None = None) -> {pd_}.DataFrame:",
        '    """Read one table, drop exact duplicate rows and report its shape."""',
        f"    frame = {pd_}.read_csv(path, index_col=index_col)",
        "    before = len(frame)",
        "    frame = frame.drop_duplicates()",
        "    if len(frame) != before:",
        f'        {log}.getLogger(__name__).warning("dropped %d duplicate rows from %s", before - len(frame), path)',
        f'    {log}.getLogger(__name__).info("loaded %s: %d rows x %d columns", path.name, *frame.shape)',
        "    return frame",
    ]


def _h_clean_columns(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["clean_columns", "normalise_column_names", "tidy_columns"]))
    pd_ = f.pd()
    return [
        f"def {name}(frame: {pd_}.DataFrame) -> {pd_}.DataFrame:",
        '    """Lower-case, strip and snake_case the column names; drop columns that are entirely empty."""',
        "    frame = frame.copy()",
        '    frame.columns = [str(c).strip().lower().replace(" ", "_").replace("-", "_") for c in frame.columns]',
        '    empty = [c for c in frame.columns if frame[c].isna().all()]',
        "    if empty:",
        "        frame = frame.drop(columns=empty)",
        "    return frame",
    ]


def _h_ratio_features(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["add_ratio_features", "add_ratios", "derive_ratios"]))
    pd_, np_ = f.pd(), f.np()
    a, b, c, d = _features(f.rng, 4)
    return [
        f"def {name}(frame: {pd_}.DataFrame, pairs=None) -> {pd_}.DataFrame:",
        '    """Add a ratio column for each (numerator, denominator) pair, guarding against division by zero."""',
        f'    pairs = pairs or [("{a}", "{b}"), ("{c}", "{d}")]',
        "    out = frame.copy()",
        "    for numerator, denominator in pairs:",
        "        if numerator not in out or denominator not in out:",
        "            continue",
        f"        ratio = out[numerator] / out[denominator].replace(0, {np_}.nan)",
        '        out[f"{numerator}_per_{denominator}"] = ratio',
        "    return out",
    ]


def _h_missing_summary(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["missing_summary", "summarise_missing", "report_missingness"]))
    pd_ = f.pd()
    threshold = f.rng.choice(["0.05", "0.1", "0.2"])
    return [
        f"def {name}(frame: {pd_}.DataFrame, threshold: float = {threshold}) -> {pd_}.DataFrame:",
        '    """Fraction of missing values per column, worst first, with a flag for columns above threshold."""',
        "    fraction = frame.isna().mean().sort_values(ascending=False)",
        f'    summary = {pd_}.DataFrame({{"missing": fraction, "count": frame.isna().sum()}})',
        '    summary["too_sparse"] = summary["missing"] > threshold',
        "    for column, row in summary.iterrows():",
        '        if row["too_sparse"]:',
        '            print(f"{column:<24} {row[\'missing\']:6.1%} missing")',
        "    return summary",
    ]


def _h_bootstrap(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["bootstrap_ci", "bootstrap_interval", "confidence_interval"]))
    np_ = f.np()
    n = f.rng.choice([500, 1000, 2000])
    return [
        f"def {name}(y_true, y_score, metric, n_boot: int = {n}, alpha: float = 0.05, seed: int = 0):",
        '    """Percentile bootstrap confidence interval of metric(y_true, y_score) over resampled test rows."""',
        f"    rng = {np_}.random.default_rng(seed)",
        f"    y_true, y_score = {np_}.asarray(y_true), {np_}.asarray(y_score)",
        "    values = []",
        "    for _ in range(n_boot):",
        "        idx = rng.integers(0, len(y_true), len(y_true))",
        f"        if len({np_}.unique(y_true[idx])) < 2:",
        "            continue",
        "        values.append(metric(y_true[idx], y_score[idx]))",
        f"    low, high = {np_}.quantile(values, [alpha / 2, 1 - alpha / 2])",
        "    return float(low), float(high)",
    ]


def _h_save_json(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["save_metrics", "write_results", "dump_json"]))
    js = f.module("json")
    f.name("pathlib", "Path")
    return [
        f"def {name}(results: dict, path: Path) -> None:",
        '    """Write results as pretty JSON, creating the folder; numpy scalars become plain numbers."""',
        "    path.parent.mkdir(parents=True, exist_ok=True)",
        "    clean = {k: (v.item() if hasattr(v, \"item\") else v) for k, v in results.items()}",
        '    with open(path, "w", encoding="utf-8") as handle:',
        f"        {js}.dump(clean, handle, indent=2, sort_keys=True)",
    ]


def _h_plot_curve(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["plot_history", "plot_learning_curve", "plot_losses"]))
    plt = f.module("matplotlib.pyplot", "plt")
    return [
        f"def {name}(history, path=None):",
        '    """Training and validation loss per epoch."""',
        f"    fig, ax = {plt}.subplots(figsize=(6, 4))",
        '    epochs = [h["epoch"] for h in history]',
        '    ax.plot(epochs, [h["train_loss"] for h in history], label="train")',
        '    if "val_loss" in history[0]:',
        '        ax.plot(epochs, [h["val_loss"] for h in history], label="validation")',
        '    ax.set_xlabel("epoch")',
        '    ax.set_ylabel("loss")',
        "    ax.legend()",
        "    fig.tight_layout()",
        "    if path is not None:",
        "        fig.savefig(path, dpi=150)",
        f"    {plt}.close(fig)",
    ]


def _h_class_balance(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["class_balance", "label_counts", "describe_labels"]))
    np_ = f.np()
    return [
        f"def {name}(y) -> dict:",
        '    """Count and fraction of each class label."""',
        f"    labels, counts = {np_}.unique(y, return_counts=True)",
        "    total = counts.sum()",
        "    return {",
        "        str(label): {\"count\": int(count), \"fraction\": round(float(count) / total, 4)}",
        "        for label, count in zip(labels, counts)",
        "    }",
    ]


def _h_chunked(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["chunked", "batched", "in_chunks"]))
    return [
        f"def {name}(items, size: int):",
        '    """Yield successive lists of at most size items."""',
        "    batch = []",
        "    for item in items:",
        "        batch.append(item)",
        "        if len(batch) == size:",
        "            yield batch",
        "            batch = []",
        "    if batch:",
        "        yield batch",
    ]


def _h_parse_args(f: _File) -> list[str]:
    name = f.unique("parse_args")
    ap = f.module("argparse")
    f.name("pathlib", "Path")
    lr = f.rng.choice(["1e-3", "3e-4", "1e-2"])
    return [
        f"def {name}(argv=None):",
        f"    parser = {ap}.ArgumentParser(description=__doc__)",
        '    parser.add_argument("--data", type=Path, default=Path("data"))',
        '    parser.add_argument("--out", type=Path, default=Path("results"))',
        f'    parser.add_argument("--seed", type=int, default={f.rng.choice([0, 1, 7, 42, 1234])})',
        f'    parser.add_argument("--lr", type=float, default={lr})',
        f'    parser.add_argument("--epochs", type=int, default={f.rng.choice([10, 20, 50, 100])})',
        '    parser.add_argument("--verbose", action="store_true")',
        "    return parser.parse_args(argv)",
    ]


def _h_timer(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["timer", "timed", "stopwatch"]))
    tm = f.module("time")
    f.name("contextlib", "contextmanager")
    return [
        "@contextmanager",
        f"def {name}(label: str):",
        '    """Print how long the block took."""',
        f"    start = {tm}.perf_counter()",
        "    try:",
        "        yield",
        "    finally:",
        f'        print(f"{{label}}: {{{tm}.perf_counter() - start:.2f}} s")',
    ]


def _h_moving_average(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["moving_average", "smooth", "rolling_mean"]))
    np_ = f.np()
    return [
        f"def {name}(values, window: int = 5):",
        f"    values = {np_}.asarray(values, dtype=float)",
        "    if len(values) < window:",
        "        return values",
        f"    kernel = {np_}.ones(window) / window",
        f'    return {np_}.convolve(values, kernel, mode="valid")',
    ]


def _h_encode(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["one_hot", "encode_categoricals", "dummy_encode"]))
    pd_ = f.pd()
    return [
        f"def {name}(frame: {pd_}.DataFrame, columns=None, max_levels: int = 20) -> {pd_}.DataFrame:",
        '    """One-hot encode low-cardinality text columns (a stateless mapping, so safe before a split)."""',
        "    if columns is None:",
        '        columns = [c for c in frame.columns if frame[c].dtype == "object"]',
        "    keep = [c for c in columns if frame[c].nunique() <= max_levels]",
        f"    return {pd_}.get_dummies(frame, columns=keep, drop_first=True, dtype=float)",
    ]


def _h_clip(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["clip_outliers", "winsorize", "cap_values"]))
    np_ = f.np()
    return [
        f"def {name}(values, low: float = -5.0, high: float = 5.0):",
        '    """Clip to fixed physical bounds (not quantiles of the data, so nothing is learnt from rows)."""',
        f"    return {np_}.clip({np_}.asarray(values, dtype=float), low, high)",
    ]


def _h_format_table(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["format_table", "render_table", "table_text"]))
    return [
        f"def {name}(rows, headers) -> str:",
        '    """A plain-text table with right-aligned numbers."""',
        "    cells = [[f\"{v:.4f}\" if isinstance(v, float) else str(v) for v in row] for row in rows]",
        "    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]",
        "    lines = [\"  \".join(h.ljust(w) for h, w in zip(headers, widths))]",
        "    lines.append(\"  \".join(\"-\" * w for w in widths))",
        "    for row in cells:",
        "        lines.append(\"  \".join(c.rjust(w) for c, w in zip(row, widths)))",
        "    return \"\\n\".join(lines)",
    ]


def _h_metrics(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["compute_metrics", "score_predictions", "classification_metrics"]))
    metrics = [f.name("sklearn.metrics", m) for m in
               ("accuracy_score", "balanced_accuracy_score", "roc_auc_score", "average_precision_score", "f1_score")]
    acc, bacc, auc, ap, f1 = metrics
    return [
        f"def {name}(y_true, y_pred, y_score=None) -> dict:",
        '    """Threshold metrics, plus ranking metrics when scores are given."""',
        "    out = {",
        f'        "accuracy": {acc}(y_true, y_pred),',
        f'        "balanced_accuracy": {bacc}(y_true, y_pred),',
        f'        "f1_macro": {f1}(y_true, y_pred, average="macro"),',
        "    }",
        "    if y_score is not None:",
        f'        out["roc_auc"] = {auc}(y_true, y_score)',
        f'        out["average_precision"] = {ap}(y_true, y_score)',
        "    return out",
    ]


def _h_log_transform(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["log_transform", "log1p_columns", "to_log_scale"]))
    np_, pd_ = f.np(), f.pd()
    cols = _features(f.rng, 3)
    return [
        f"def {name}(frame: {pd_}.DataFrame, columns=({', '.join(repr(c) for c in cols)})) -> {pd_}.DataFrame:",
        "    out = frame.copy()",
        "    for column in columns:",
        "        if column in out:",
        f"            out[column] = {np_}.log1p(out[column].clip(lower=0))",
        "    return out",
    ]


def _h_set_seed(f: _File, torch: bool = False) -> list[str]:
    name = f.unique(f.rng.choice(["set_seed", "seed_everything", "fix_seeds"]))
    rnd, np_, os_ = f.module("random"), f.np(), f.module("os")
    lines = [
        f"def {name}(seed: int) -> None:",
        '    """Seed every random number generator the experiment touches."""',
        f"    {rnd}.seed(seed)",
        f"    {np_}.random.seed(seed)",
        f'    {os_}.environ["PYTHONHASHSEED"] = str(seed)',
    ]
    if torch:
        t = f.module("torch")
        lines += [f"    {t}.manual_seed(seed)", f"    {t}.cuda.manual_seed_all(seed)",
                  f"    {t}.backends.cudnn.deterministic = True", f"    {t}.backends.cudnn.benchmark = False"]
    return lines


def _h_group_split(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["split_by_patient", "group_split", "split_by_subject"]))
    np_, pd_ = f.np(), f.pd()
    return [
        f"def {name}(frame: {pd_}.DataFrame, key: str = \"patient_id\", test_fraction: float = 0.2, seed: int = 0):",
        '    """Keep every row of one patient on the same side of the split."""',
        f"    groups = {np_}.array(sorted(frame[key].unique()))",
        f"    rng = {np_}.random.default_rng(seed)",
        "    rng.shuffle(groups)",
        "    n_test = max(1, int(round(test_fraction * len(groups))))",
        "    test_groups = set(groups[:n_test])",
        "    is_test = frame[key].isin(test_groups)",
        "    return frame.loc[~is_test].copy(), frame.loc[is_test].copy()",
    ]


_HELPERS = [_h_load_table, _h_clean_columns, _h_ratio_features, _h_missing_summary, _h_bootstrap, _h_save_json,
            _h_plot_curve, _h_class_balance, _h_chunked, _h_parse_args, _h_timer, _h_moving_average, _h_encode,
            _h_clip, _h_format_table, _h_metrics, _h_log_transform, _h_set_seed, _h_group_split]


# classes ----------------------------------------------------------------------------------------------------------

def _c_config(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["Config", "ExperimentConfig", "RunConfig", "TrainConfig"]))
    f.name("dataclasses", "dataclass")
    f.name("dataclasses", "field")
    f.name("pathlib", "Path")
    js = f.module("json")
    return [
        "@dataclass",
        f"class {name}:",
        '    """Everything that defines one run, saved next to its results."""',
        "",
        f'    data_dir: Path = Path("data/{f.rng.choice(_TOPICS)}")',
        '    out_dir: Path = Path("results")',
        f"    seed: int = {f.rng.choice([0, 1, 13, 42, 2024])}",
        f"    test_size: float = {f.rng.choice(['0.2', '0.25', '0.3'])}",
        f"    n_splits: int = {f.rng.choice([3, 5, 10])}",
        f"    batch_size: int = {f.rng.choice([16, 32, 64, 128, 256])}",
        f"    learning_rate: float = {f.rng.choice(['1e-3', '3e-4', '5e-4'])}",
        "    tags: list = field(default_factory=list)",
        "",
        "    def save(self, path: Path) -> None:",
        "        payload = {k: str(v) if isinstance(v, Path) else v for k, v in vars(self).items()}",
        f'        path.write_text({js}.dumps(payload, indent=2), encoding="utf-8")',
        "",
        "    @classmethod",
        "    def load(cls, path: Path):",
        f'        payload = {js}.loads(path.read_text(encoding="utf-8"))',
        '        for key in ("data_dir", "out_dir"):',
        "            payload[key] = Path(payload[key])",
        "        return cls(**payload)",
    ]


def _c_tracker(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["RunTracker", "MetricLogger", "ExperimentLog"]))
    tm, js = f.module("time"), f.module("json")
    return [
        f"class {name}:",
        '    """Collects per-step metrics in memory and appends them to a JSON-lines file."""',
        "",
        "    def __init__(self, path=None):",
        "        self.path = path",
        "        self.rows = []",
        f"        self.started = {tm}.time()",
        "",
        "    def log(self, step: int, **metrics) -> None:",
        f'        row = {{"step": step, "elapsed": round({tm}.time() - self.started, 3), **metrics}}',
        "        self.rows.append(row)",
        "        if self.path is not None:",
        '            with open(self.path, "a", encoding="utf-8") as handle:',
        f'                handle.write({js}.dumps(row) + "\\n")',
        "",
        "    def best(self, key: str, mode: str = \"max\"):",
        "        rows = [r for r in self.rows if key in r]",
        "        if not rows:",
        "            return None",
        '        pick = max if mode == "max" else min',
        "        return pick(rows, key=lambda r: r[key])",
        "",
        "    def __len__(self) -> int:",
        "        return len(self.rows)",
    ]


def _c_early_stopping(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["EarlyStopping", "EarlyStopper", "PatienceCounter"]))
    return [
        f"class {name}:",
        '    """Stop when the validation loss has not improved by min_delta for patience epochs."""',
        "",
        f"    def __init__(self, patience: int = {f.rng.choice([3, 5, 10])}, min_delta: float = 1e-4):",
        "        self.patience = patience",
        "        self.min_delta = min_delta",
        '        self.best = float("inf")',
        "        self.bad_epochs = 0",
        "",
        "    def step(self, loss: float) -> bool:",
        "        if loss < self.best - self.min_delta:",
        "            self.best = loss",
        "            self.bad_epochs = 0",
        "        else:",
        "            self.bad_epochs += 1",
        "        return self.bad_epochs >= self.patience",
    ]


def _c_average_meter(f: _File) -> list[str]:
    name = f.unique(f.rng.choice(["AverageMeter", "RunningMean"]))
    return [
        f"class {name}:",
        "    def __init__(self):",
        "        self.total = 0.0",
        "        self.count = 0",
        "",
        "    def update(self, value: float, n: int = 1) -> None:",
        "        self.total += value * n",
        "        self.count += n",
        "",
        "    @property",
        "    def mean(self) -> float:",
        "        return self.total / max(self.count, 1)",
    ]


def _torch_model(f: _File) -> tuple[str, list[str]]:
    nn, t = f.nn(), f.module("torch")
    kind = f.rng.choice(["mlp", "mlp", "cnn1d", "residual"])
    if kind == "mlp":
        name = f.unique(f.rng.choice(["MLP", "TabularNet", "FeedForward", "DenseClassifier"]))
        hidden = f.rng.choice([64, 128, 256, 512])
        return name, [
            f"class {name}({nn}.Module):",
            '    """Fully connected classifier with batch norm and dropout."""',
            "",
            (f"    def __init__(self, in_features: int, n_classes: int = 2, hidden: int = {hidden}, "
             f"dropout: float = {f.rng.choice(['0.1', '0.2', '0.3', '0.5'])}):"),
            "        super().__init__()",
            f"        self.body = {nn}.Sequential(",
            f"            {nn}.Linear(in_features, hidden),",
            f"            {nn}.BatchNorm1d(hidden),",
            f"            {nn}.ReLU(),",
            f"            {nn}.Dropout(dropout),",
            f"            {nn}.Linear(hidden, hidden // 2),",
            f"            {nn}.ReLU(),",
            f"            {nn}.Dropout(dropout),",
            "        )",
            f"        self.head = {nn}.Linear(hidden // 2, n_classes)",
            "",
            f"    def forward(self, x: {t}.Tensor) -> {t}.Tensor:",
            "        return self.head(self.body(x))",
        ]
    if kind == "cnn1d":
        name = f.unique(f.rng.choice(["SignalCNN", "Conv1dNet", "SequenceCNN"]))
        func = f.module("torch.nn.functional", "F")
        return name, [
            f"class {name}({nn}.Module):",
            '    """1-D convolutions over a signal or a one-hot sequence, global max pooling, linear head."""',
            "",
            ("    def __init__(self, in_channels: int = 4, n_classes: int = 2, "
             f"width: int = {f.rng.choice([32, 64, 128])}):"),
            "        super().__init__()",
            f"        self.conv1 = {nn}.Conv1d(in_channels, width, kernel_size=9, padding=4)",
            f"        self.conv2 = {nn}.Conv1d(width, width, kernel_size=5, padding=2)",
            f"        self.norm = {nn}.BatchNorm1d(width)",
            f"        self.head = {nn}.Linear(width, n_classes)",
            "",
            f"    def forward(self, x: {t}.Tensor) -> {t}.Tensor:",
            "        if x.dim() == 2:",
            "            x = x.unsqueeze(1)",
            f"        x = {func}.relu(self.conv1(x))",
            f"        x = {func}.relu(self.norm(self.conv2(x)))",
            "        x = x.amax(dim=-1)",
            "        return self.head(x)",
        ]
    name = f.unique(f.rng.choice(["ResidualMLP", "ResNetTabular"]))
    block = f.unique("ResidualBlock")
    return name, [
        f"class {block}({nn}.Module):",
        "    def __init__(self, width: int, dropout: float = 0.1):",
        "        super().__init__()",
        f"        self.norm = {nn}.LayerNorm(width)",
        f"        self.fc1 = {nn}.Linear(width, width * 2)",
        f"        self.fc2 = {nn}.Linear(width * 2, width)",
        f"        self.drop = {nn}.Dropout(dropout)",
        "",
        f"    def forward(self, x: {t}.Tensor) -> {t}.Tensor:",
        f"        return x + self.fc2(self.drop({t}.relu(self.fc1(self.norm(x)))))",
        "",
        "",
        f"class {name}({nn}.Module):",
        ("    def __init__(self, in_features: int, n_classes: int = 2, width: int = 128, "
         f"depth: int = {f.rng.choice([2, 3, 4])}):"),
        "        super().__init__()",
        f"        self.stem = {nn}.Linear(in_features, width)",
        f"        self.blocks = {nn}.Sequential(*[{block}(width) for _ in range(depth)])",
        f"        self.head = {nn}.Linear(width, n_classes)",
        "",
        f"    def forward(self, x: {t}.Tensor) -> {t}.Tensor:",
        "        return self.head(self.blocks(self.stem(x)))",
    ]


def _torch_dataset(f: _File) -> list[str]:
    t = f.module("torch")
    ds = f.name("torch.utils.data", "Dataset")
    name = f.unique(f.rng.choice(["TabularDataset", "ArrayDataset", "FeatureDataset"]))
    return [
        f"class {name}({ds}):",
        '    """Rows of a feature matrix with their labels, as float and long tensors."""',
        "",
        "    def __init__(self, features, labels, transform=None):",
        f"        self.features = {t}.as_tensor(features, dtype={t}.float32)",
        f"        self.labels = {t}.as_tensor(labels, dtype={t}.long)",
        "        self.transform = transform",
        "",
        "    def __len__(self) -> int:",
        "        return len(self.labels)",
        "",
        "    def __getitem__(self, index):",
        "        x = self.features[index]",
        "        if self.transform is not None:",
        "            x = self.transform(x)",
        "        return x, self.labels[index]",
    ]


def _torch_loops(f: _File) -> tuple[str, str, list[str]]:
    t = f.module("torch")
    train = f.unique(f.rng.choice(["train_one_epoch", "train_epoch", "fit_epoch"]))
    evaluate = f.unique(f.rng.choice(["evaluate", "validate", "eval_epoch"]))
    clip = f.rng.random() < 0.5
    lines = [
        f"def {train}(model, loader, optimizer, criterion, device) -> float:",
        "    model.train()",
        "    total, count = 0.0, 0",
        "    for inputs, targets in loader:",
        "        inputs, targets = inputs.to(device), targets.to(device)",
        "        optimizer.zero_grad(set_to_none=True)",
        "        loss = criterion(model(inputs), targets)",
        "        loss.backward()",
    ]
    if clip:
        lines.append(f"        {t}.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)")
    lines += [
        "        optimizer.step()",
        "        total += loss.item() * len(targets)",
        "        count += len(targets)",
        "    return total / max(count, 1)",
        "",
        "",
        f"@{t}.no_grad()",
        f"def {evaluate}(model, loader, criterion, device):",
        "    model.eval()",
        "    total, correct, count = 0.0, 0, 0",
        "    for inputs, targets in loader:",
        "        inputs, targets = inputs.to(device), targets.to(device)",
        "        logits = model(inputs)",
        "        total += criterion(logits, targets).item() * len(targets)",
        "        correct += (logits.argmax(dim=1) == targets).sum().item()",
        "        count += len(targets)",
        "    return total / max(count, 1), correct / max(count, 1)",
    ]
    return train, evaluate, lines


# pipelines --------------------------------------------------------------------------------------------------------
# The body of a training script, as top-level lines. ``leaky`` plants exactly one preprocessing leak (DLR101).

def _load_xy(f: _File) -> list[str]:
    rng = f.rng
    how = rng.choice(["csv", "csv", "npy", "sklearn", "loadtxt"])
    data_dir = f.const("DATA_DIR", f'Path("data") / "{rng.choice(_TOPICS)}"')
    f.name("pathlib", "Path")
    if how == "csv":
        pd_ = f.pd()
        target = f.const("TARGET", repr(rng.choice(_TARGETS)))
        lines = [f'df = {pd_}.read_csv({data_dir} / "{rng.choice(_CSV_NAMES)}.csv")']
        if rng.random() < 0.5:
            lines.append(f'df = df.dropna(subset=[{target}])')
        lines += [f"X = df.drop(columns=[{target}]).to_numpy(dtype=float)", f"y = df[{target}].to_numpy()"]
        return lines
    if how == "npy":
        np_ = f.np()
        return [f'X = {np_}.load({data_dir} / "features.npy")', f'y = {np_}.load({data_dir} / "labels.npy")']
    if how == "loadtxt":
        np_ = f.np()
        return [f'data = {np_}.loadtxt({data_dir} / "{rng.choice(_CSV_NAMES)}.csv", delimiter=",", skiprows=1)',
                "X, y = data[:, :-1], data[:, -1].astype(int)"]
    loader = f.name("sklearn.datasets", rng.choice(["load_breast_cancer", "load_wine", "load_digits"]))
    return [f"X, y = {loader}(return_X_y=True)"]


def _scaler(f: _File, exclude: tuple[str, ...] = ()) -> str:
    choices = [s for s in _SCALERS if s[1] not in exclude]
    module, name, args = f.rng.choice(choices)
    return f"{f.sk(module, name)}{args}"


def _model(f: _File) -> tuple[str, str, dict]:
    module, name, args, grid = f.rng.choice(_MODELS)
    ref = f.name(module, name)
    args = args.format(c=f.rng.choice(["0.1", "1.0", "10.0"]), n=f.rng.choice([200, 300, 500]),
                       k=f.rng.choice([5, 11, 15]))
    return name, f"{ref}{args}", grid


def _evaluate_lines(f: _File, model: str, X_test: str, y_test: str) -> list[str]:
    js = f.module("json")
    acc = f.name("sklearn.metrics", "accuracy_score")
    lines = [f"y_pred = {model}.predict({X_test})", "results = {", f'    "accuracy": {acc}({y_test}, y_pred),']
    if f.rng.random() < 0.6:
        auc = f.name("sklearn.metrics", "roc_auc_score")
        lines.insert(0, f"y_score = {model}.predict_proba({X_test})[:, 1]")
        lines.append(f'    "roc_auc": {auc}({y_test}, y_score),')
    if f.rng.random() < 0.5:
        f1 = f.name("sklearn.metrics", "f1_score")
        lines.append(f'    "f1": {f1}({y_test}, y_pred, average="macro"),')
    lines.append("}")
    lines.append(f"print({js}.dumps(results, indent=2))")
    return lines


def _split_call(f: _File, X: str, y: str) -> str:
    split = f.sk("sklearn.model_selection", "train_test_split")
    seed = f.const("SEED", str(f.rng.choice([0, 1, 7, 42, 1234])))
    size = f.rng.choice(["0.2", "0.25", "0.3"])
    strat = f", stratify={y}" if f.rng.random() < 0.6 else ""
    return f"{split}({X}, {y}, test_size={size}, random_state={seed}{strat})"


def _p_split_scale(f: _File, leaky: bool) -> list[str]:
    """Scale then split (leak) or split then fit the scaler on the training part."""
    lines = _load_xy(f)
    scaler = _scaler(f)
    _, model, _ = _model(f)
    lines.append("")
    if leaky:
        if f.rng.random() < 0.5:
            lines += [f"scaler = {scaler}", f.planted("X = scaler.fit_transform(X)")]
        else:
            lines += [f.planted(f"X_scaled = {scaler}.fit_transform(X)"), "X = X_scaled"]
        lines.append(f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}")
    else:
        lines.append(f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}")
        if f.rng.random() < 0.5:
            lines += [f"scaler = {scaler}.fit(X_train)", "X_train = scaler.transform(X_train)",
                      "X_test = scaler.transform(X_test)"]
        else:
            lines += [f"scaler = {scaler}", "X_train = scaler.fit_transform(X_train)",
                      "X_test = scaler.transform(X_test)"]
    lines += ["", f"model = {model}", "model.fit(X_train, y_train)"]
    return lines + _evaluate_lines(f, "model", "X_test", "y_test")


def _p_grid_search(f: _File, leaky: bool) -> list[str]:
    lines = _load_xy(f)
    grid_cv = f.sk("sklearn.model_selection", "GridSearchCV")
    _, model, grid = _model(f)
    scaler = _scaler(f)
    lines.append("")
    if leaky:
        lines += [f.planted(f"X = {scaler}.fit_transform(X)"),
                  f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}",
                  "param_grid = {" + ", ".join(f'"{k}": {v}' for k, v in grid.items()) + "}",
                  f"search = {grid_cv}({model}, param_grid, cv=5, scoring=\"roc_auc\", n_jobs=-1)"]
    else:
        pipeline = f.name("sklearn.pipeline", "Pipeline")
        lines += [f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}",
                  f'pipe = {pipeline}([("prep", {scaler}), ("clf", {model})])',
                  "param_grid = {" + ", ".join(f'"clf__{k}": {v}' for k, v in grid.items()) + "}",
                  f"search = {grid_cv}(pipe, param_grid, cv=5, scoring=\"roc_auc\", n_jobs=-1)"]
    lines += ["search.fit(X_train, y_train)",
              'print(f"best params: {search.best_params_}  cv score: {search.best_score_:.3f}")',
              "best = search.best_estimator_"]
    return lines + _evaluate_lines(f, "best", "X_test", "y_test")


def _p_kfold(f: _File, leaky: bool) -> list[str]:
    lines = _load_xy(f)
    np_ = f.np()
    folds = f.sk("sklearn.model_selection", f.rng.choice(["KFold", "StratifiedKFold"]))
    seed = f.const("SEED", str(f.rng.choice([0, 1, 7, 42, 1234])))
    _, model, _ = _model(f)
    scaler = _scaler(f, exclude=("PCA",))
    acc = f.name("sklearn.metrics", "balanced_accuracy_score")
    cv = f"{folds}(n_splits={f.rng.choice([5, 10])}, shuffle=True, random_state={seed})"
    lines.append("")
    if leaky:
        lines.append(f.planted(f"X = {scaler}.fit_transform(X)"))
    lines += ["scores = []", f"for fold, (train_idx, test_idx) in enumerate({cv}.split(X, y)):"]
    if leaky:
        lines += [f"    model = {model}", "    model.fit(X[train_idx], y[train_idx])",
                  "    score = " + f"{acc}(y[test_idx], model.predict(X[test_idx]))"]
    else:
        lines += [f"    scaler = {scaler}.fit(X[train_idx])",
                  f"    model = {model}",
                  "    model.fit(scaler.transform(X[train_idx]), y[train_idx])",
                  f"    score = {acc}(y[test_idx], model.predict(scaler.transform(X[test_idx])))"]
    lines += ["    scores.append(score)",
              '    print(f"fold {fold}: balanced accuracy {score:.3f}")',
              f'print(f"mean {{{np_}.mean(scores):.3f}} +/- {{{np_}.std(scores):.3f}}")']
    return lines


def _p_cross_val(f: _File, leaky: bool) -> list[str]:
    lines = _load_xy(f)
    cvs = f.sk("sklearn.model_selection", "cross_val_score")
    select = f.name("sklearn.feature_selection", "SelectKBest")
    score_fn = f.name("sklearn.feature_selection", f.rng.choice(["f_classif", "mutual_info_classif"]))
    _, model, _ = _model(f)
    k = f.rng.choice([5, 10, 20])
    lines.append("")
    if leaky:
        lines += [f.planted(f"X_selected = {select}({score_fn}, k={k}).fit_transform(X, y)"),
                  f"scores = {cvs}({model}, X_selected, y, cv=5, scoring=\"roc_auc\")"]
    else:
        make = f.name("sklearn.pipeline", "make_pipeline")
        lines += [f"pipe = {make}({_scaler(f, exclude=('PCA',))}, {select}({score_fn}, k={k}), {model})",
                  f"scores = {cvs}(pipe, X, y, cv=5, scoring=\"roc_auc\")"]
    lines.append('print(f"ROC AUC {scores.mean():.3f} +/- {scores.std():.3f} over {len(scores)} folds")')
    return lines


def _p_helper_leak(f: _File, leaky: bool) -> list[str]:
    """The fit happens inside a helper defined in the file (registered in f.extra_blocks)."""
    lines = _load_xy(f)
    pca = f.name("sklearn.decomposition", "PCA")
    helper = f.unique(f.rng.choice(["reduce_dimensions", "project_features", "compress"]))
    n = f.rng.choice([10, 20, 32, 50])
    _, model, _ = _model(f)
    if leaky:
        f.extra_blocks.append([
            f"def {helper}(features, n_components: int = {n}):",
            '    """Project onto the leading principal components."""',
            f.planted(f"    return {pca}(n_components=n_components, random_state=0).fit_transform(features)"),
        ])
        lines += ["", f"X = {helper}(X)", f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}"]
    else:
        f.extra_blocks.append([
            f"def {helper}(train_features, n_components: int = {n}):",
            '    """Fit the projection on the training features only; apply it to any part with .transform."""',
            f"    return {pca}(n_components=n_components, random_state=0).fit(train_features)",
        ])
        lines += ["", f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}",
                  f"projection = {helper}(X_train)",
                  "X_train, X_test = projection.transform(X_train), projection.transform(X_test)"]
    lines += ["", f"model = {model}.fit(X_train, y_train)"]
    return lines + _evaluate_lines(f, "model", "X_test", "y_test")


def _p_pandas_sample(f: _File, leaky: bool) -> list[str]:
    pd_ = f.pd()
    f.name("pathlib", "Path")
    data_dir = f.const("DATA_DIR", f'Path("data") / "{f.rng.choice(_TOPICS)}"')
    target = f.const("TARGET", repr(f.rng.choice(_TARGETS)))
    seed = f.const("SEED", str(f.rng.choice([0, 1, 7, 42, 1234])))
    numeric = _features(f.rng)
    scaler = _scaler(f, exclude=("PCA",))
    _, model, _ = _model(f)
    lines = [f'df = {pd_}.read_csv({data_dir} / "{f.rng.choice(_CSV_NAMES)}.csv")',
             f"numeric = {numeric!r}", ""]
    if leaky:
        lines += [f.planted(f"df[numeric] = {scaler}.fit_transform(df[numeric])"),
                  f"train = df.sample(frac=0.8, random_state={seed})",
                  "test = df.drop(train.index)",
                  "X_train, X_test = train[numeric].to_numpy(), test[numeric].to_numpy()"]
    else:
        lines += [f"train = df.sample(frac=0.8, random_state={seed})",
                  "test = df.drop(train.index)",
                  f"scaler = {scaler}.fit(train[numeric])",
                  "X_train, X_test = scaler.transform(train[numeric]), scaler.transform(test[numeric])"]
    lines += [f"y_train, y_test = train[{target}].to_numpy(), test[{target}].to_numpy()",
              f"model = {model}", "model.fit(X_train, y_train)"]
    return lines + _evaluate_lines(f, "model", "X_test", "y_test")


def _p_impute_pipeline(f: _File, leaky: bool) -> list[str]:
    lines = _load_xy(f)
    make = f.name("sklearn.pipeline", "make_pipeline")
    imputer = f.name("sklearn.impute", "SimpleImputer")
    scaler = _scaler(f, exclude=("PCA", "SimpleImputer"))
    _, model, _ = _model(f)
    lines += ["", f'prep = {make}({imputer}(strategy="median"), {scaler})']
    if leaky:
        lines += [f.planted("X = prep.fit(X).transform(X)"),
                  f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}",
                  f"model = {model}.fit(X_train, y_train)"]
    else:
        lines += [f"X_train, X_test, y_train, y_test = {_split_call(f, 'X', 'y')}",
                  f"model = {make}(prep, {model}).fit(X_train, y_train)"]
    return lines + _evaluate_lines(f, "model", "X_test", "y_test")


def _p_torch(f: _File, leaky: bool) -> list[str]:
    """A full torch training script: model class, dataset, loops (in f.extra_blocks), then the run."""
    t, np_ = f.module("torch"), f.np()
    nn = f.nn()
    loader_cls = f.name("torch.utils.data", "DataLoader")
    tensor_ds = f.name("torch.utils.data", "TensorDataset")
    model_name, model_lines = _torch_model(f)
    first_arg = "in_channels=1" if any("Conv1d" in line for line in model_lines) else "features.shape[1]"
    train, evaluate, loop_lines = _torch_loops(f)
    f.extra_blocks += [model_lines, loop_lines]
    epochs = f.const("EPOCHS", str(f.rng.choice([20, 30, 50, 100])))
    seed = f.const("SEED", str(f.rng.choice([0, 1, 7, 42, 1234])))
    scaler = _scaler(f, exclude=("PCA",))
    f.name("pathlib", "Path")
    out_dir = f.const("OUT_DIR", 'Path("checkpoints")')
    data_dir = f.const("DATA_DIR", f'Path("data") / "{f.rng.choice(_TOPICS)}"')
    lines = [f"{t}.manual_seed({seed})",
             f'features = {np_}.load({data_dir} / "expression.npy")',
             f'labels = {np_}.load({data_dir} / "labels.npy")', ""]
    if leaky:
        random_split = f.name("torch.utils.data", "random_split")
        lines += [f.planted(f"features = {scaler}.fit_transform(features)"),
                  f"dataset = {tensor_ds}({t}.tensor(features, dtype={t}.float32), {t}.tensor(labels))",
                  f"generator = {t}.Generator().manual_seed({seed})",
                  f"train_set, val_set = {random_split}(dataset, [0.8, 0.2], generator=generator)"]
    else:
        lines += [f"X_train, X_val, y_train, y_val = {_split_call(f, 'features', 'labels')}",
                  f"scaler = {scaler}.fit(X_train)",
                  (f"train_set = {tensor_ds}({t}.tensor(scaler.transform(X_train), dtype={t}.float32), "
                   f"{t}.tensor(y_train))"),
                  f"val_set = {tensor_ds}({t}.tensor(scaler.transform(X_val), dtype={t}.float32), {t}.tensor(y_val))"]
    batch = f.rng.choice([32, 64, 128, 256])
    lr = f.rng.choice(["1e-3", "3e-4", "5e-4"])
    optim = f.rng.choice(["Adam", "AdamW", "SGD"])
    extra = ", momentum=0.9" if optim == "SGD" else ", weight_decay=1e-4" if optim == "AdamW" else ""
    lines += [
        f"train_loader = {loader_cls}(train_set, batch_size={batch}, shuffle=True)",
        f"val_loader = {loader_cls}(val_set, batch_size={batch * 2})",
        "",
        f'device = {t}.device("cuda" if {t}.cuda.is_available() else "cpu")',
        f"model = {model_name}({first_arg}, n_classes=int(labels.max()) + 1).to(device)",
        f"optimizer = {t}.optim.{optim}(model.parameters(), lr={lr}{extra})",
        f"criterion = {nn}.CrossEntropyLoss()",
        f"scheduler = {t}.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max={epochs})",
        'best_loss = float("inf")',
        "history = []",
        f"for epoch in range({epochs}):",
        f"    train_loss = {train}(model, train_loader, optimizer, criterion, device)",
        f"    val_loss, val_acc = {evaluate}(model, val_loader, criterion, device)",
        "    scheduler.step()",
        '    history.append({"epoch": epoch, "train_loss": train_loss, "val_loss": val_loss, "val_acc": val_acc})',
        '    print(f"epoch {epoch:3d}  train {train_loss:.4f}  val {val_loss:.4f}  acc {val_acc:.3f}")',
        "    if val_loss < best_loss:",
        "        best_loss = val_loss",
        f"        {out_dir}.mkdir(parents=True, exist_ok=True)",
        f'        {t}.save(model.state_dict(), {out_dir} / "best.pt")',
    ]
    return lines


_PIPELINES = [_p_split_scale, _p_split_scale, _p_grid_search, _p_kfold, _p_cross_val, _p_helper_leak,
              _p_pandas_sample, _p_impute_pipeline]

_SCRIPT_NAMES = ["train", "baseline", "experiment", "run", "fit", "benchmark", "tune", "cv", "evaluate", "ablation"]
_SCRIPT_SUFFIXES = ["logreg", "rf", "svm", "gbm", "knn", "v2", "final", "small", "full", "rerun", "revision",
                    "fold", "grid", "mlp", "cnn", "ensemble"]
_MODULE_NAMES = ["utils", "helpers", "io_utils", "features", "preprocess", "plotting", "metrics", "data", "common",
                 "models", "networks", "modules", "training", "callbacks"]


def _docstring(f: _File, topic: str, kind: str) -> list[str]:
    what = {"pipeline": "Train and evaluate a classifier", "torch": "Train a neural network",
            "utils": "Shared helpers", "models": "Model definitions"}[kind]
    lines = [f'"""{what} for the {topic.replace("_", " ")} project.', ""]
    lines += f.rng.choice([
        ["Run from the project root; paths are relative to it."],
        ["Results are written to results/ as JSON, one file per run.", "Figures go to figures/."],
        ["Adapted from the lab's earlier analysis scripts."],
        ["TODO: move the constants into a config file."],
    ])
    return lines + ['"""']


def _render(f: _File, doc: list[str], blocks: list[list[str]], tail: list[str]) -> str:
    out = list(doc) + [""]
    out += f.render_imports()
    if f.constants:
        out += ["", ""] + [f"{k} = {v}" for k, v in f.constants.items()]
    for block in blocks:
        out += ["", ""] + block
    if tail:
        out += ["", ""] + tail
    return "\n".join(out).rstrip("\n") + "\n"


def _make_module(rng: random.Random, topic: str, kind: str, target: int, leaky: bool) -> tuple[str, str | None]:
    """One file of the given kind with roughly ``target`` lines, and the text of its planted leak line (if any)."""
    f = _File(rng)
    doc = _docstring(f, topic, kind)
    body: list[str] = []
    if kind == "pipeline":
        body = rng.choice(_PIPELINES)(f, leaky)
    elif kind == "torch":
        body = _p_torch(f, leaky)
    elif kind == "models":
        for _ in range(rng.randint(2, 3)):
            f.extra_blocks.append(_torch_model(f)[1])
        f.extra_blocks.append(_torch_dataset(f))
        f.extra_blocks.append(_torch_loops(f)[2])
    if rng.random() < 0.3:  # a leftover import, as in real research code (pylint and ruff report it)
        f.module(rng.choice(["os", "sys", "warnings", "itertools", "collections"]))
    as_main = kind in ("pipeline", "torch") and rng.random() < 0.6
    tail: list[str] = []
    if body:
        if as_main:
            main = f.unique("main")
            tail = [f"def {main}() -> None:", *_indent(body), "", "", 'if __name__ == "__main__":', f"    {main}()"]
        else:
            tail = ["# %% run", *body]
    # Fill with helpers and classes until the file reaches its target length.
    blocks = list(f.extra_blocks)
    pool_h = list(_HELPERS)
    pool_c = [_c_config, _c_tracker, _c_early_stopping, _c_average_meter]
    if kind in ("models", "torch"):
        pool_c.append(_torch_dataset)
    rng.shuffle(pool_h)
    while True:
        size = len(_render(f, doc, blocks, tail).split("\n"))
        if size >= target:
            break
        if pool_c and rng.random() < 0.25:
            block = pool_c.pop(rng.randrange(len(pool_c)))(f)
        elif pool_h:
            helper = pool_h.pop()
            block = helper(f, torch=True) if helper is _h_set_seed and kind in ("torch", "models") else helper(f)
        else:  # everything used once: the same helpers again under new names
            pool_h = list(_HELPERS)
            rng.shuffle(pool_h)
            continue
        blocks.insert(rng.randint(len(f.extra_blocks), len(blocks)), block)
    return _render(f, doc, blocks, tail), f.leak


def _notebook_cells(rng: random.Random, topic: str, leaky: bool) -> tuple[list[tuple[str, str]], str | None]:
    f = _File(rng)
    body = rng.choice([_p_split_scale, _p_impute_pipeline, _p_grid_search])(f, leaky)
    chunks, current = [], []
    for line in body:
        if line == "" and current:
            chunks.append(current)
            current = []
        elif line:
            current.append(line)
    if current:
        chunks.append(current)
    setup = ["%matplotlib inline", *f.render_imports()]
    if f.constants:
        setup += [""] + [f"{k} = {v}" for k, v in f.constants.items()]
    title = topic.replace("_", " ").title()
    cells = [("markdown", f"# {title}: first model\n\nExploratory analysis, then a baseline.")]
    cells.append(("code", "\n".join(setup)))
    for block in f.extra_blocks:
        cells.append(("code", "\n".join(block)))
    for i, chunk in enumerate(chunks):
        if i == 1:
            cells.append(("markdown", "## Preprocessing and split"))
        cells.append(("code", "\n".join(chunk)))
    return cells, f.leak


def _line_of(text: str, wanted: str) -> int | None:
    """1-based number of the one line of text that is ``wanted`` once stripped; None if absent."""
    found = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip() == wanted]
    assert len(found) <= 1, f"planted leak line is not unique: {wanted!r}"
    return found[0] if found else None


def _count_lines(text: str) -> int:
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def generate_corpus(root: Path, lines: int = 50_000, seed: int = 0, notebooks: int = 4) -> CorpusStats:
    """Write a deterministic corpus of ML-research-style Python (and a few notebooks) under ``root``.

    ``root/src/<project>/`` holds packages of training scripts, torch scripts, helper and model modules, 100-300
    lines each, together at least ``lines`` lines. About a third of the training scripts plant one preprocessing
    leak (DLR101); the rest do the same work correctly. ``root/notebooks/`` holds ``notebooks`` Jupyter notebooks.
    The same ``seed`` gives the same bytes, whatever the process (only seeded ``random.Random`` instances are used).
    """
    root = Path(root)
    rng = random.Random(seed)
    src = root / PYTHON_DIR
    src.mkdir(parents=True, exist_ok=True)
    stats = CorpusStats(root=root, seed=seed, files=0, lines=0, notebooks=0, notebook_lines=0)
    topics = list(_TOPICS)
    rng.shuffle(topics)
    project = 0
    while stats.lines < lines:
        topic = topics[project % len(topics)]
        package = f"{topic}_{project // len(topics)}" if project >= len(topics) else topic
        pdir = src / package
        pdir.mkdir(parents=True, exist_ok=True)
        init = f'"""{topic.replace("_", " ").capitalize()} project."""\n'
        (pdir / "__init__.py").write_text(init, encoding="utf-8")
        stats.files += 1
        stats.lines += _count_lines(init)
        names: set[str] = set()
        for _ in range(rng.randint(6, 14)):
            if stats.lines >= lines:
                break
            kind = rng.choices(["pipeline", "torch", "utils", "models"], weights=[50, 20, 18, 12])[0]
            if kind in ("pipeline", "torch"):
                stem = f"{rng.choice(_SCRIPT_NAMES)}_{rng.choice(_SCRIPT_SUFFIXES)}"
            else:
                stem = rng.choice(_MODULE_NAMES)
            name, n = stem, 2
            while name in names:
                name, n = f"{stem}_{n}", n + 1
            names.add(name)
            leaky = kind in ("pipeline", "torch") and rng.random() < 0.35
            file_rng = random.Random(rng.getrandbits(64))
            text, leak = _make_module(file_rng, topic, kind, rng.randint(100, 300), leaky)
            path = pdir / f"{name}.py"
            path.write_text(text, encoding="utf-8")
            stats.files += 1
            stats.lines += _count_lines(text)
            stats.kinds[kind] = stats.kinds.get(kind, 0) + 1
            if leak is not None:
                relative = path.relative_to(root).as_posix()
                stats.leaky.append(relative)
                stats.leaks.append({"path": relative, "cell": None, "line": _line_of(text, leak)})
        project += 1
    if notebooks:
        import nbformat

        nb_dir = root / NOTEBOOK_DIR
        nb_dir.mkdir(parents=True, exist_ok=True)
        for i in range(notebooks):
            leaky = i % 2 == 0
            topic = topics[i % len(topics)]
            cells, leak = _notebook_cells(random.Random(rng.getrandbits(64)), topic, leaky)
            path = nb_dir / f"{i + 1:02d}_{topic}.ipynb"
            code_cells = [text for kind, text in cells if kind == "code"]
            nb = nbformat.v4.new_notebook()
            nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
            nb.metadata["language_info"] = {"name": "python"}
            for j, (cell_type, text) in enumerate(cells):
                cell = (nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell)(text)
                cell["id"] = f"cell-{i:02d}-{j:02d}"  # nbformat's default ids are random
                nb.cells.append(cell)
                if cell_type == "code":
                    stats.notebook_lines += _count_lines(text + "\n")
            nbformat.write(nb, str(path))
            stats.notebooks += 1
            if leak is not None:
                relative = path.relative_to(root).as_posix()
                stats.leaky.append(relative)
                where = [(n, _line_of(text, leak)) for n, text in enumerate(code_cells, start=1)]
                cell, line = next((n, line) for n, line in where if line is not None)
                stats.leaks.append({"path": relative, "cell": cell, "line": line})
    stats.kinds = dict(sorted(stats.kinds.items()))
    marker = {k: v for k, v in stats.to_dict().items() if k not in ("root", "leaky", "leaks")}
    marker["generator"] = "bench/bench.py generate_corpus"
    marker["planted_leaks"] = stats.leaks
    (root / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
    return stats


# ---------------------------------------------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------------------------------------------

class BenchError(RuntimeError):
    """A tool crashed or saw the wrong files: the numbers would be meaningless, so stop."""


@dataclass
class Timing:
    label: str
    tool: str
    command: list[str]
    runs: list[float]
    target: str = "py"  # "py": the .py corpus; "py+ipynb": the .py corpus plus the notebooks
    findings: int | None = None
    note: str = ""

    @property
    def best(self) -> float:
        return min(self.runs)


def find_tool(name: str) -> str | None:
    """The tool next to this interpreter (the same virtualenv), else the first on PATH."""
    here = shutil.which(name, path=str(Path(sys.executable).parent))
    return here or shutil.which(name)


def _version(exe: str) -> str:
    try:
        out = subprocess.run([exe, "--version"], check=False, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unknown ({exc})"
    return " / ".join(line.strip() for line in out.stdout.strip().splitlines()[:2])


def _run_once(cmd: list[str], cwd: Path, env: dict, logs: Path, tag: str) -> tuple[float, int, str, str]:
    """Run cmd with stdout and stderr going to files (so the parent does no work meanwhile); time the wall clock."""
    out_path, err_path = logs / f"{tag}.stdout", logs / f"{tag}.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.run(cmd, check=False, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
    return (elapsed, proc.returncode, out_path.read_text(encoding="utf-8", errors="replace"),
            err_path.read_text(encoding="utf-8", errors="replace"))


def _crashed(tool: str, rc: int, stderr: str) -> str | None:
    """Why this exit counts as a crash, or None when it is a normal (possibly message-reporting) exit."""
    if rc < 0:
        return f"killed by signal {-rc}"
    if "Traceback (most recent call last)" in stderr:
        return "a Python traceback on stderr"
    if tool == "dlreview" and rc != 0:  # run with --exit-zero: 2 means a usage error or a file it could not analyse
        return f"exit code {rc}"
    if tool == "ruff" and rc != 0:  # run with --exit-zero: 2 means abnormal termination
        return f"exit code {rc}"
    if tool == "pylint" and rc & (1 | 32):  # bit-encoded: 1 fatal message (incl. astroid crashes), 32 usage error
        return f"exit code {rc} (fatal message or usage error)"
    return None


def _time(label: str, tool: str, cmd: list[str], repeat: int, cwd: Path, env: dict, logs: Path,
          check=None, target: str = "py") -> Timing:
    runs: list[float] = []
    findings = None
    tag = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    for i in range(repeat):
        elapsed, rc, out, err = _run_once(cmd, cwd, env, logs, f"{tag}-{i}")
        why = _crashed(tool, rc, err)
        if why:
            tail = "\n".join((err or out).strip().splitlines()[-25:])
            raise BenchError(f"{label} crashed ({why}):\n  $ {' '.join(cmd)}\n{tail}")
        if check is not None:
            findings = check(out, err)
        runs.append(elapsed)
        print(f"  {label:<34} run {i + 1}/{repeat}: {elapsed:7.2f} s", flush=True)
    return Timing(label=label, tool=tool, command=cmd, runs=runs, target=target, findings=findings)


def _dlreview_report_check(report: Path, expected_files: int):
    def check(out: str, err: str) -> int:
        document = json.loads(report.read_text(encoding="utf-8"))
        if document["errors"]:
            raise BenchError(f"dlreview reported errors: {document['errors'][:3]}")
        if document["files_checked"] != expected_files:
            raise BenchError(f"dlreview checked {document['files_checked']} files, expected {expected_files}")
        return len(document["findings"])
    return check


def _pylint_count(out: str, err: str) -> int:
    return len(re.findall(r"^\S.*?:\d+:\d+: [CRWEFI]\d{4}", out, flags=re.MULTILINE))


def _ruff_count(out: str, err: str) -> int:
    match = re.search(r"Found (\d+) errors?", out)
    return int(match.group(1)) if match else 0


def _load() -> list[float] | None:
    """1, 5 and 15 minute load averages: other work on the machine skews every row (compare with the CPU count)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _leak_check(document: dict, stats: CorpusStats, work: Path, corpus: Path) -> dict:
    """Does dlreview report each planted leak, on its line? Any rule counts: which one is the checker's business."""
    at: dict[tuple, set[str]] = {}
    by_rule: dict[str, int] = {}
    for f in document["findings"]:
        path = (work / f["path"]).resolve().relative_to(corpus.resolve()).as_posix()
        at.setdefault((path, f.get("cell"), f["line"]), set()).add(f["rule"])
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    planted = {(leak["path"], leak["cell"], leak["line"]) for leak in stats.leaks}
    found_by: dict[str, int] = {}
    missed = []
    for key in sorted(planted, key=str):
        rules = at.get(key)
        if not rules:
            missed.append(_where(*key))
            continue
        rule = min(rules)
        found_by[rule] = found_by.get(rule, 0) + 1
    elsewhere: dict[str, int] = {}
    for key, rules in at.items():
        if key not in planted:
            for rule in rules:
                elsewhere[rule] = elsewhere.get(rule, 0) + 1
    return {"planted": len(planted), "found": len(planted) - len(missed),
            "found_by_rule": dict(sorted(found_by.items())), "missed": missed,
            "findings_by_rule": dict(sorted(by_rule.items())),
            "other_findings_by_rule": dict(sorted(elsewhere.items()))}


def _where(path: str, cell: int | None, line: int) -> str:
    return f"{path}:cell {cell}:{line}" if cell is not None else f"{path}:{line}"


def _machine() -> dict:
    info = {"cpu_count": os.cpu_count(), "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": platform.platform()}
    if hasattr(os, "sched_getaffinity"):
        info["usable_cpus"] = len(os.sched_getaffinity(0))
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


def _source_state() -> str:
    """' (git abc1234, uncommitted changes)' when dlreview runs from a git checkout: numbers depend on the code."""
    try:
        import dlreview
    except ImportError:
        return ""
    package = Path(dlreview.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "-C", str(package), "rev-parse", "--short", "HEAD"], check=False,
                              capture_output=True, text=True, timeout=30)
        if head.returncode != 0:
            return ""
        dirty = subprocess.run(["git", "-C", str(package.parent), "status", "--porcelain", "--", "dlreview", "rules"],
                               check=False, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return f" (git {head.stdout.strip()}{', uncommitted changes' if dirty else ''})"


def _ratio_text(a: str, ta: float, b: str, tb: float) -> str:
    """'a is X× faster than b' (or slower), from wall-clock times ta and tb."""
    if ta <= tb:
        return f"{a} is {tb / ta:.1f}× faster than {b}"
    return f"{a} is {ta / tb:.1f}× slower than {b}"


def _prepare_keep(keep: Path) -> None:
    if keep.exists() and any(keep.iterdir()) and not (keep / MARKER).is_file():
        raise BenchError(f"--keep {keep}: the folder exists, is not empty and is not a corpus this script wrote "
                         f"(no {MARKER}); refusing to replace it")


def run_benchmark(lines: int, repeat: int, seed: int, keep: Path | None, json_path: Path | None) -> dict:
    if keep is not None:
        _prepare_keep(keep)
    dlreview = find_tool("dlreview")
    if dlreview is None:
        raise BenchError("dlreview is not installed next to this interpreter or on PATH; "
                         "run this with the project's virtualenv (.venv/bin/python bench/bench.py)")
    pylint, ruff = find_tool("pylint"), find_tool("ruff")
    machine = _machine()
    machine["load_average_before"] = _load()
    versions = {"dlreview": _version(dlreview) + _source_state()}
    if pylint:
        versions["pylint"] = _version(pylint)
    if ruff:
        versions["ruff"] = _version(ruff)

    # The corpus always lives in a fresh folder outside any project, so no pyproject.toml, pylintrc, ruff.toml or
    # .gitignore above it changes what a tool reads (bench/corpus/ is git-ignored: dlreview would check 0 files there).
    work = Path(tempfile.mkdtemp(prefix="dlreview-bench-"))
    try:
        corpus = work / "corpus"
        started = time.perf_counter()
        stats = generate_corpus(corpus, lines=lines, seed=seed)
        print(f"corpus: {stats.files} .py files, {stats.lines:,} lines under {stats.python_dir} "
              f"(+ {stats.notebooks} notebooks, {stats.notebook_lines:,} code lines, timed for dlreview alone); "
              f"{len(stats.leaks)} planted leaks; written in {time.perf_counter() - started:.1f} s")
        print(f"machine: {machine.get('cpu_model', platform.machine())}, {machine['cpu_count']} CPUs"
              + (f" ({machine['usable_cpus']} usable)" if "usable_cpus" in machine else "")
              + f", Python {machine['python']} ({machine['platform']})")
        for tool, version in versions.items():
            print(f"{tool}: {version}")
        print()

        logs = work / "logs"
        logs.mkdir()
        env = {k: v for k, v in os.environ.items() if k != "DLREVIEW_CACHE_DIR"}
        src = str(stats.python_dir)
        report = work / "dlreview-report.json"  # not -o /dev/null: dlreview replaces its output file atomically
        check_py = _dlreview_report_check(report, stats.files)
        timings: list[Timing] = []

        cold = [dlreview, "check", "--no-cache", "--exit-zero", "-f", "json", "-o", str(report), src]
        timings.append(_time("dlreview (cold, --no-cache)", "dlreview", cold, repeat, work, env, logs, check_py))

        cache_env = dict(env, DLREVIEW_CACHE_DIR=str(work / "cache"))
        warm = [dlreview, "check", "--exit-zero", "-f", "json", "-o", str(report), src]
        fill = _time("dlreview (first run, fills cache)", "dlreview", warm, 1, work, cache_env, logs, check_py)
        fill.note = "one run: analyses every file and writes the cache"
        timings.append(fill)
        timings.append(_time("dlreview (warm cache)", "dlreview", warm, repeat, work, cache_env, logs, check_py))

        if pylint:
            # The same number of processes dlreview starts by default (os.cpu_count()). Not -j 0: pylint turns 0 into
            # a count it derives from cgroup CPU shares, which is 1 in many containers (it is here; see README).
            # --recursive=y: src/ itself is not a package.
            jobs = str(os.cpu_count() or 1)
            full = [pylint, "-j", jobs, "--recursive=y", src]
            t = _time(f"pylint (default checks, -j {jobs})", "pylint", full, repeat, work, env, logs, _pylint_count)
            timings.append(t)
            light = [pylint, "--disable=all", "--enable=unused-import,unused-variable", "-j", jobs, "--recursive=y",
                     src]
            timings.append(_time(f"pylint (2 checks, -j {jobs})", "pylint", light, repeat, work, env, logs,
                                 _pylint_count))
        else:
            print("  pylint not found next to this interpreter or on PATH: skipping its rows")
        if ruff:
            listed = subprocess.run([ruff, "check", "--no-cache", "--show-files", src], check=False, cwd=work,
                                    env=env, capture_output=True, text=True)
            seen = sum(1 for line in listed.stdout.splitlines() if line.strip().endswith(".py"))
            if seen != stats.files:
                raise BenchError(f"ruff would check {seen} files, expected {stats.files}:\n{listed.stderr[-2000:]}")
            cmd = [ruff, "check", "--no-cache", "--exit-zero", src]
            timings.append(_time("ruff (default rules)", "ruff", cmd, repeat, work, env, logs, _ruff_count))
        else:
            print("  ruff not found next to this interpreter or on PATH: skipping its row")

        everything = [dlreview, "check", "--no-cache", "--exit-zero", "-f", "json", "-o", str(report),
                      str(stats.python_dir), str(stats.notebook_dir)]
        check_all = _dlreview_report_check(report, stats.files + stats.notebooks)
        nb = _time("dlreview (cold, .py + notebooks)", "dlreview", everything, repeat, work, env, logs, check_all,
                   target="py+ipynb")
        document = json.loads(report.read_text(encoding="utf-8"))
        timings.append(nb)

        leaks = _leak_check(document, stats, work, corpus)

        for t in timings:  # commands as a reader can repeat them, without this run's temporary paths
            t.command = [Path(t.command[0]).name,
                         *(arg.replace(str(corpus), "CORPUS").replace(str(work), "TMP") for arg in t.command[1:])]

        if keep is not None:
            if keep.exists():
                shutil.rmtree(keep)
            shutil.copytree(corpus, keep)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    machine["load_average_after"] = _load()
    results = _report(stats, timings, machine, versions, repeat, leaks)
    if keep is not None:
        print(f"\ncorpus kept in {keep}")
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"results written to {json_path}")
    return results


def _report(stats, timings, machine, versions, repeat, leaks) -> dict:
    total = stats.lines + stats.notebook_lines
    print()
    print(f"Best of {repeat} wall-clock runs over {stats.files} .py files, {stats.lines:,} lines "
          f"(the notebook row adds {stats.notebooks} notebooks, {stats.notebook_lines:,} code lines):")
    print()
    header = f"{'tool':<36} {'seconds':>8} {'lines/s':>9} {'findings':>9}"
    print(header)
    print("-" * len(header))
    for t in timings:
        n = stats.lines if t.target == "py" else total
        found = "" if t.findings is None else f"{t.findings:,}"
        runs = "" if len(t.runs) == repeat else f"  ({len(t.runs)} run{'s' if len(t.runs) > 1 else ''})"
        print(f"{t.label:<36} {t.best:8.2f} {n / t.best:9,.0f} {found:>9}{runs}")
    by = {t.label: t for t in timings}
    cold = by["dlreview (cold, --no-cache)"]
    print()
    ratios = []
    for t in timings:
        if t.tool != "dlreview":
            ratios.append({"a": cold.label, "b": t.label, "ratio": t.best / cold.best,
                           "text": _ratio_text("dlreview cold", cold.best, t.label, t.best)})
    warm = by["dlreview (warm cache)"]
    ratios.append({"a": warm.label, "b": cold.label, "ratio": cold.best / warm.best,
                   "text": _ratio_text("dlreview warm", warm.best, "dlreview cold", cold.best)})
    for r in ratios:
        print(f"  {r['text']}")
    print()
    def counts(by: dict) -> str:
        return ", ".join(f"{rule} {n}" for rule, n in by.items()) or "none"

    print(f"planted leaks reported on their line: {leaks['found']} of {leaks['planted']} "
          f"(by {counts(leaks['found_by_rule'])})")
    for where in leaks["missed"][:10]:
        print(f"  not reported: {where}")
    print(f"dlreview findings (.py + notebooks) by rule: {counts(leaks['findings_by_rule'])}; "
          f"away from the planted lines: {counts(leaks['other_findings_by_rule'])}")
    load = machine.get("load_average_before"), machine.get("load_average_after")
    if all(load):
        print(f"load average (1/5/15 min) before: {load[0]}, after: {load[1]}, on {machine['cpu_count']} CPUs")
    return {
        "corpus": {**stats.to_dict(), "root": None},
        "machine": machine,
        "versions": versions,
        "repeat": repeat,
        "timings": [{"label": t.label, "tool": t.tool, "command": " ".join(t.command),
                     "target": t.target, "runs": t.runs, "best": t.best,
                     "lines_per_second": (stats.lines if t.target == "py" else total) / t.best,
                     "findings": t.findings, "note": t.note} for t in timings],
        "ratios": ratios,
        "planted_leaks": leaks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=50_000, help="at least this many .py lines (default 50000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per tool; the best counts (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="also copy the generated corpus to DIR (e.g. bench/corpus, which git ignores); "
                             "timings always run on a private temporary copy")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON to FILE")
    args = parser.parse_args(argv)
    if args.lines < 1 or args.repeat < 1:
        parser.error("--lines and --repeat must be positive")
    try:
        run_benchmark(args.lines, args.repeat, args.seed, args.keep, args.json)
    except BenchError as exc:
        print(f"\nbench: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
