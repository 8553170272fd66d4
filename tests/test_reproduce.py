"""`dlreview reproduce`: re-execution in a sandbox, instrumentation, experiments and verdicts.

The bundled example (examples/reproduce-study: a torch MLP and a logistic-regression baseline with a deliberate
leak) is reproduced once for the module; the other tests use small studies written here, mostly without
scikit-learn or torch so that they run in a fraction of a second.
"""

from __future__ import annotations

import ast
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from dlreview.cli import main
from dlreview.manuscript.claims import Claim
from dlreview.reproduce import Options, ReproduceError, analysis, reproduce
from dlreview.reproduce.config import Selector, load_reproduce_config
from dlreview.reproduce.metrics import ClaimError, config_claim, normalise_metric, parse_reported
from dlreview.reproduce.progress import Progress
from dlreview.reproduce.runner import Limits, WorkCopy, probe_sandbox, run_command

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "reproduce-study"
HOOK = REPO / "dlreview" / "reproduce" / "hook" / "sitecustomize.py"


# -- helpers ----------------------------------------------------------------------------------------------------------
def cli(*args: str):
    result = CliRunner().invoke(main, ["reproduce", *args], catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def study(folder: Path, files: dict[str, str], config: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    if config is not None:
        (folder / "pyproject.toml").write_text("[tool.dlreview.reproduce]\n" + textwrap.dedent(config),
                                               encoding="utf-8")
    return folder


def signature(root: Path) -> dict:
    found = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns,
                                              path.read_bytes() if path.is_file() else None)
    return found


def claim(metric="accuracy", value="0.996", model=None, **selector) -> Claim:
    return config_claim(metric, value, path="test", model=model, extra={"selector": Selector(**selector)})


def measurement(metric="accuracy", value=0.9, **fields) -> analysis.Measurement:
    return analysis.Measurement(metric=metric, value=value, source=fields.pop("source", "sklearn.metrics.x"),
                                **fields)


def sandbox_or_skip(mode: str, needs: str) -> dict:
    report = probe_sandbox(mode)
    if needs not in report.get("filesystem", []) + report.get("network", []):
        pytest.skip(f"the kernel does not permit {needs} here ({'; '.join(report.get('notes', [])) or report})")
    return report


METRIC_SCRIPT = """\
import json, os
seed = os.environ.get("DLREVIEW_SEED", "")
values = {"": 0.900, "0": 0.880, "1": 0.920, "2": 0.905}
json.dump({"model": {"accuracy": values[seed]}}, open("metrics.json", "w"))
"""


# -- the bundled example, reproduced once ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example(tmp_path_factory):
    before = signature(EXAMPLE)
    out = tmp_path_factory.mktemp("example") / "result.json"
    result = cli(str(EXAMPLE), "--seeds", "2", "-o", str(out))
    record = json.loads(out.read_text())
    return {"result": result, "record": record, "before": before, "after": signature(EXAMPLE),
            "claims": {(c["claim"]["metric"], c["claim"]["text"]): c for c in record["claims"]}}


def test_example_correct_claims_are_reproduced(example):
    claims = example["claims"]
    assert claims[("roc_auc", "0.991")]["verdict"] == "reproduced"
    assert claims[("accuracy", "95.1%")]["verdict"] == "reproduced"
    key_claim = claims[("roc_auc", "0.995")]
    assert key_claim["verdict"] == "reproduced"
    assert key_claim["selected"]["key"] == "logistic_regression.roc_auc"


def test_example_wrong_claim_is_flagged_with_its_difference(example):
    understated = example["claims"][("accuracy", "91%")]
    assert understated["verdict"] == "not_reproduced"
    assert understated["measured"] == pytest.approx(0.958, abs=0.001)
    assert understated["difference"] == pytest.approx(0.048, abs=0.001)
    assert understated["selected"]["key"] == "logistic_regression.accuracy"  # the last value of that model


def test_example_exit_status_is_1_and_text_names_the_verdicts(example):
    result = example["result"]
    assert result.exit_code == 1
    assert "accuracy 91% (logistic regression): not_reproduced" in result.stdout
    assert "leakage: StandardScaler.fit_transform at train.py:24 saw 143 of the 143 test rows" in result.stdout


def test_example_runtime_leakage_record_catches_the_scaler_fit_on_all_rows(example):
    leakage = example["record"]["leakage"]
    assert leakage["confirmed"] is True
    [fit] = [fit for fit in leakage["fits"] if fit["leak"]]
    assert (fit["estimator"], fit["where"], fit["split"]) == ("StandardScaler", "train.py:24", "train.py:25")
    assert (fit["rows"], fit["test_rows_seen"], fit["test_rows"]) == (569, 143, 143)
    assert fit["fit_before_split"] and fit["evaluated_after"]
    # the models were fit on the training part only
    assert not any(f["estimator"] == "LogisticRegression" for f in leakage["fits"])


def test_example_same_seed_twice_is_deterministic(example):
    determinism = example["record"]["determinism"]
    assert determinism["identical"] is True and determinism["compared"] == 8


def test_example_label_shuffle_control_drops_to_chance(example):
    mlp_auc = example["claims"][("roc_auc", "0.991")]["label_shuffle"]
    assert mlp_auc["chance"] == 0.5 and mlp_auc["n"] == 2
    assert abs(mlp_auc["mean"] - 0.5) < 0.2 and mlp_auc["near_chance"] is True
    baseline = example["claims"][("accuracy", "91%")]["label_shuffle"]
    assert baseline["chance"] == pytest.approx(90 / 143)  # majority class of the test labels
    assert baseline["near_chance"] is True
    shuffled = [run for run in example["record"]["runs"] if run["label_shuffle"]]
    assert len(shuffled) == 2 and all(run["labels_shuffled"] == ["LogisticRegression"] for run in shuffled)


def test_example_seeds_give_mean_sd_and_interval(example):
    seeds = example["claims"][("roc_auc", "0.991")]["seeds"]
    assert seeds["n"] == 2 and len(seeds["values"]) == 2
    assert seeds["ci95"][0] <= seeds["mean"] <= seeds["ci95"][1]
    assert seeds["sd"] > 0  # the seeds the code sets (torch.manual_seed(0), random_state=0) were varied
    remapped = {entry["kind"] for run in example["record"]["runs"] if run["seed"] == 1
                for entry in run["seeds_remapped"]}
    assert {"torch.manual_seed", "sklearn random_state"} <= remapped


def test_example_record_is_complete(example):
    record = example["record"]
    assert set(record) == {"tool", "study", "settings", "isolation", "environment", "runs", "claims", "determinism",
                           "leakage", "summary"}
    assert [run["id"] for run in record["runs"]] == ["published", "seed-0", "seed-1", "seed-0-repeat",
                                                     "label-shuffle-0", "label-shuffle-1"]
    assert all(run["status"] == "ok" and len(run["metrics"]) == 8 for run in record["runs"])
    env = record["environment"]
    assert env["python"] == ".".join(map(str, sys.version_info[:3]))
    assert {"torch", "scikit-learn", "numpy"} <= set(env["packages"])
    assert env["torch"]["version"] and "cudnn" in env["torch"] and env["cpu_count"]
    assert record["settings"]["device"]["requested"] == "auto"
    assert record["summary"]["reproduced"] == 3 and record["summary"]["not_reproduced"] == 1


def test_example_original_is_unchanged_and_each_run_starts_from_it(example):
    assert example["before"] == example["after"]
    assert example["record"]["isolation"]["original_unchanged"] is True
    runs = example["record"]["runs"]
    # results.json written by one run is removed before the next, which writes its own
    assert all(run["copy_restored_paths"] >= 1 for run in runs[1:])


@pytest.mark.gpu
def test_example_runs_on_cuda_when_present(tmp_path):
    if shutil.which("nvidia-smi") is None:
        pytest.skip("no CUDA device (nvidia-smi not found)")
    out = tmp_path / "gpu.json"
    cli(str(EXAMPLE), "--device", "cuda", "--experiments", "published", "-o", str(out))
    record = json.loads(out.read_text())
    assert record["environment"]["device"]["used"] == "cuda"
    assert record["environment"]["device"]["cuda_used_by_the_code"] is True
    assert record["environment"]["torch"]["cuda_available"] is True
    assert record["environment"]["gpus"] and record["environment"]["device"]["gpus_used"]


def test_device_cuda_without_a_gpu_is_a_usage_error(tmp_path):
    if shutil.which("nvidia-smi") is not None:
        pytest.skip("a CUDA device is present")
    result = cli(str(EXAMPLE), "--device", "cuda")
    assert result.exit_code == 2
    assert result.stderr.startswith("dlreview: error: --device cuda, but no CUDA device was found")


# -- comparing values ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("written", "value", "decimals", "percent"), [
    ("91%", 0.91, 2, True), ("91.2%", 0.912, 3, True), ("0.996", 0.996, 3, False), ("0.990", 0.99, 3, False),
    (0.996, 0.996, 3, False), (1, 1.0, 0, False)])
def test_reported_values_keep_their_precision(written, value, decimals, percent):
    parsed = parse_reported(written)
    assert parsed[:3] == (pytest.approx(value), decimals, percent)


@pytest.mark.parametrize("bad", ["high", "", "nan", True, [0.9]])
def test_unreadable_reported_values_are_errors(bad):
    with pytest.raises(ClaimError):
        parse_reported(bad)


@pytest.mark.parametrize(("reported", "measured", "verdict"), [
    ("0.996", 0.99577, "reproduced"), ("91%", 0.9104, "reproduced"), ("0.996", 0.9949, "not_reproduced"),
    ("91%", 0.9151, "not_reproduced"), ("0.990", 0.9904, "reproduced")])
def test_values_are_compared_at_the_reported_precision(reported, measured, verdict):
    assert analysis.verdict(claim(value=reported), measured, None, 0.0)["verdict"] == verdict


def test_tolerance_is_added_on_top_of_the_precision():
    assert analysis.verdict(claim(value="0.90"), 0.915, None, 0.0)["verdict"] == "not_reproduced"
    assert analysis.verdict(claim(value="0.90"), 0.915, None, 0.02)["verdict"] == "reproduced"


def test_outside_tolerance_but_inside_the_seed_spread_is_within_variability():
    seeds = analysis.summary([0.88, 0.92, 0.905])
    assert analysis.verdict(claim(value="0.91"), 0.90, seeds, 0.0)["verdict"] == "within_variability"
    result = analysis.verdict(claim(value="0.95"), 0.90, seeds, 0.0)
    assert result["verdict"] == "not_reproduced" and result["difference"] == pytest.approx(-0.05)
    assert analysis.verdict(claim(value="0.91"), None, None, 0.0)["verdict"] == "not_computed"


def test_seed_summary_has_a_t_interval():
    stats = analysis.summary([0.9, 0.92, 0.94])
    assert stats["mean"] == pytest.approx(0.92) and stats["sd"] == pytest.approx(0.02)
    assert stats["ci95"] == pytest.approx([0.92 - 4.303 * 0.02 / 3**0.5, 0.92 + 4.303 * 0.02 / 3**0.5])


@pytest.mark.parametrize(("name", "normal"), [("ROC AUC", "roc_auc"), ("roc_auc_score", "roc_auc"), ("AUROC", "roc_auc"),
                                              ("average_precision_score", "pr_auc"), ("matthews_corrcoef", "mcc"),
                                              ("root_mean_squared_error", "rmse"), ("F1-score", "f1"), ("R²", None)])
def test_metric_names_are_normalised(name, normal):
    if normal is None:
        with pytest.raises(ClaimError, match="unknown metric"):
            normalise_metric(name)
    else:
        assert normalise_metric(name) == normal


# -- which recorded value a claim refers to ----------------------------------------------------------------------------
def test_model_picks_the_value_of_that_estimator_and_unattributed_values_for_custom_models():
    values = [measurement(value=0.95, model="LogisticRegression"), measurement(value=0.97, model=None)]
    assert analysis.select(claim(model="logistic regression"), Selector(), values).measurement.value == 0.95
    assert analysis.select(claim(model="LR"), Selector(), values).measurement.value == 0.95
    assert analysis.select(claim(model="MLP"), Selector(), values).measurement.value == 0.97


def test_at_key_and_occurrence_select_explicitly():
    values = [measurement(value=0.91, file="a.py", line=3), measurement(value=0.92, file="b.py", line=7),
              measurement(value=0.93, file="b.py", line=9),
              measurement(metric=None, value=0.5, source="file:m.json", key="x.score")]
    assert analysis.select(claim(), Selector(at="b.py:7"), values).measurement.value == 0.92
    assert analysis.select(claim(), Selector(at="b.py"), values).measurement.value == 0.93
    assert analysis.select(claim(), Selector(key="x.score"), values).measurement.value == 0.5
    assert analysis.select(claim(), Selector(occurrence="first"), values).measurement.value == 0.91
    assert analysis.select(claim(), Selector(occurrence=2), values).measurement.value == 0.92
    assert analysis.select(claim(), Selector(occurrence=9), values).measurement is None


def test_several_different_values_with_only_the_default_choice_are_flagged_ambiguous():
    values = [measurement(value=0.91), measurement(value=0.93)]
    chosen = analysis.select(claim(), Selector(), values)
    assert chosen.measurement.value == 0.93 and chosen.ambiguous
    assert not analysis.select(claim(), Selector(occurrence="last", at=None, key=None),
                               [measurement(value=0.9), measurement(value=0.9)]).ambiguous


def test_sensitivity_claims_are_verified_by_recorded_recall():
    chosen = analysis.select(claim(metric="sensitivity", value="0.8"), Selector(), [measurement("recall", 0.8)])
    assert chosen.measurement is not None


def test_models_table_gives_selectors_to_claims_from_the_paper():
    paper_claim = Claim(metric="accuracy", value=0.9, text="0.9", decimals=1, percent=False, path="paper.md",
                        line=3, page=None, sentence="", model="our network")
    chosen = analysis.selector_for(paper_claim, {"Our Network": Selector(key="net.acc")})
    assert chosen.key == "net.acc"


# -- configuration -------------------------------------------------------------------------------------------------
def test_repository_configured_only_through_pyproject(tmp_path):
    folder = study(tmp_path / "s", {"run.py": METRIC_SCRIPT + 'print("final accuracy: 0.900")\n'}, """\
        command = "python run.py"
        experiments = ["published", "seeds", "determinism"]
        seeds = 3
        metrics-file = "metrics.json"
        metrics-pattern = 'final (?P<metric>accuracy): (?P<value>[0-9.]+)'
        [[claims]]
        metric = "accuracy"
        value = "0.900"
        key = "model.accuracy"
        [[claims]]
        metric = "accuracy"
        value = "0.91"
        key = "model.accuracy"
        [[claims]]
        metric = "accuracy"
        value = "0.95"
        key = "model.accuracy"
        [[claims]]
        metric = "mcc"
        value = "0.5"
        """.replace("[[claims]]", "[[tool.dlreview.reproduce.claims]]"))
    out = tmp_path / "r.json"
    result = cli(str(folder), "-o", str(out))
    record = json.loads(out.read_text())
    assert [c["verdict"] for c in record["claims"]] == ["reproduced", "within_variability", "not_reproduced",
                                                        "not_computed"]
    assert record["claims"][1]["seeds"]["values"] == [0.88, 0.92, 0.905]
    assert record["study"]["config_file"].endswith("pyproject.toml")
    pattern = [m for m in record["runs"][0]["metrics"] if m["source"] == "pattern"]
    assert pattern == [dict(pattern[0], metric="accuracy", value=0.9, key="accuracy")]
    # seed 0 and its repeat agree (the value depends on the seed only)
    assert record["determinism"]["identical"] is True
    assert result.exit_code == 1


def test_dlreview_toml_reproduce_table_and_cli_overrides(tmp_path):
    folder = study(tmp_path / "s", {"run.py": METRIC_SCRIPT})
    (folder / "dlreview.toml").write_text('[reproduce]\ncommand = "run.py"\nmetrics-file = "metrics.json"\n'
                                          'seeds = 5\n[[reproduce.claims]]\nmetric = "acc"\nvalue = "90%"\n')
    out = tmp_path / "r.json"
    result = cli(str(folder), "--experiments", "published", "--seeds", "1", "-o", str(out))
    record = json.loads(out.read_text())
    assert result.exit_code == 0, result.stdout
    assert [run["id"] for run in record["runs"]] == ["published"]
    assert record["claims"][0]["verdict"] == "reproduced" and record["claims"][0]["claim"]["percent"] is True


KEYS_SCRIPT = """\
import json, os
print("CWD", os.path.basename(os.getcwd()))
print("FLAGS", os.environ["DLREVIEW_DETERMINISTIC"], os.environ["DLREVIEW_VARY_SEEDS"],
      repr(os.environ.get("CUDA_VISIBLE_DEVICES")))
print("DATA", os.path.exists("../data"))
json.dump({"net": {"accuracy": 0.899}, "forest": {"accuracy": 0.80}}, open("m.json", "w"))
"""


def test_the_other_configuration_keys_change_behaviour(tmp_path):
    folder = study(tmp_path / "s", {"sub/run.py": KEYS_SCRIPT, "data/big.bin": "x"}, f"""\
        command = "python run.py"
        workdir = "sub"
        network = true
        deterministic = false
        vary-seeds = false
        seeds = 1
        label-shuffle-runs = 2
        experiments = ["published", "seeds", "label-shuffle"]
        device = "cpu"
        tolerance = 0.01
        metrics-file = "m.json"
        python = "{sys.executable}"
        copy-exclude = ["data"]
        [[tool.dlreview.reproduce.claims]]
        metric = "accuracy"
        value = "0.91"
        model = "our network"
        [tool.dlreview.reproduce.models."our network"]
        key = "net.accuracy"
        """)
    record = reproduce(folder, Options())
    runs = {run["id"]: run for run in record["runs"]}
    assert list(runs) == ["published", "seed-0", "label-shuffle-0", "label-shuffle-1"]
    output = runs["seed-0"]["commands"][0]["stdout_tail"]
    assert "CWD sub" in output and "FLAGS 0 0 ''" in output and "DATA False" in output
    assert record["isolation"]["network"] == "allowed"
    assert record["environment"]["interpreter"] == sys.executable
    assert record["settings"]["device"] == {"requested": "cpu", "used": "cpu"}
    [verdict] = record["claims"]
    assert verdict["verdict"] == "reproduced" and verdict["selected"]["key"] == "net.accuracy"
    assert verdict["tolerance"] == 0.01  # 0.899 is 0.90 at the reported precision: 0.01 from 0.91
    assert analysis.verdict(claim(value="0.91"), 0.899, None, 0.0)["verdict"] == "not_reproduced"


def test_requirements_key_names_the_file_install_uses(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "", "requirements.txt": ""}, 'requirements = "deps/lock.txt"\n')
    with pytest.raises(ReproduceError, match="--install needs deps/lock.txt"):
        reproduce(folder, Options(install=True))


def test_without_configuration_a_single_train_py_runs(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "from sklearn.metrics import accuracy_score\n"
                                                "print(accuracy_score([0, 1, 1, 1], [0, 1, 1, 0]))\n",
                                    "helpers.py": "X = 1\n"})
    out = tmp_path / "r.json"
    result = cli(str(folder), "--experiments", "published", "-o", str(out))
    record = json.loads(out.read_text())
    assert result.exit_code == 0
    assert record["study"]["default_command"] is True and record["study"]["commands"] == ["train.py"]
    [value] = record["runs"][0]["metrics"]
    assert (value["metric"], value["value"], value["file"], value["line"]) == ("accuracy", 0.75, "train.py", 2)


def test_without_configuration_and_no_obvious_entry_point_the_message_says_what_to_add(tmp_path):
    folder = study(tmp_path / "s", {"a.py": "", "b.py": ""})
    result = cli(str(folder))
    assert result.exit_code == 2
    assert "no single train.py or notebook to run by default (found a.py, b.py)" in result.stderr
    assert 'command = "python your_training_script.py"' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(("config", "message"), [
    ('comand = "x.py"', "unknown key 'comand'"),
    ('command = "run.py"\nseeds = -1', "seeds must be a whole number >= 0"),
    ('command = "run.py"\ntimeout = "soon"', "timeout must be a positive number of seconds"),
    ('command = "run.py"\nmemory = "lots"', "memory must be a positive size"),
    ('command = "run.py"\ndevice = "tpu"', "device must be one of auto, cpu, cuda"),
    ('command = "run.py"\nmetrics-pattern = "(?P<value>\\\\d+)"', "needs a named group"),
    ('command = "run.py"\nexperiments = ["published", "bootstrap"]', "unknown experiment 'bootstrap'"),
    ('command = "missing.py"', "command 'missing.py': missing.py does not exist in the study"),
    ('command = "run.py"\n[[tool.dlreview.reproduce.claims]]\nmetric = "auc"', "claims #1: value is missing"),
    ('command = "run.py"\n[[tool.dlreview.reproduce.claims]]\nmetric = "wow"\nvalue = 1',
     "claims #1: unknown metric 'wow'"),
    ('command = "run.py"\n[[tool.dlreview.reproduce.claims]]\nmetric = "auc"\nvalue = "0.9"\nat = "x.py:y"',
     'at must be "FILE", "FILE:LINE"'),
    ('command = "run.py"\nnetwork = "no"', "network must be true or false"),
])
def test_bad_configuration_is_a_one_line_error(tmp_path, config, message):
    folder = study(tmp_path / "s", {"run.py": ""}, config)
    result = cli(str(folder))
    assert result.exit_code == 2
    assert result.stderr.startswith("dlreview: error: ") and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--timeout", "0"], "timeout must be a positive number"), (["--memory", "x"], "memory must be a positive size"),
    (["--experiments", "published,nope"], "unknown experiment 'nope'"),
    (["--python", "/nonexistent/python"], "--python /nonexistent/python does not exist"),
    (["--manuscript", "missing.md"], "--manuscript missing.md does not exist"),
    (["--config", "nope.toml"], "config file nope.toml does not exist"),
    (["--experiments", ","], "no experiment to run")])
def test_bad_options_are_one_line_errors(tmp_path, monkeypatch, args, message):
    folder = study(tmp_path / "s", {"train.py": ""})
    monkeypatch.chdir(tmp_path)
    result = cli(str(folder), *args)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_study_path_that_is_not_a_folder_is_an_error(tmp_path):
    result = cli(str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "is not a folder" in result.stderr


def test_check_accepts_a_pyproject_with_a_reproduce_table(tmp_path, monkeypatch):
    folder = study(tmp_path / "s", {"train.py": "x = 1\n"}, 'command = "train.py"\n')
    (folder / "pyproject.toml").write_text('[tool.dlreview]\nselect = ["DLR1"]\n' +
                                           (folder / "pyproject.toml").read_text())
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["check", "--no-cache", "."])
    assert result.exit_code == 0, result.output
    assert load_reproduce_config(folder).commands == ["train.py"]


# -- isolation -----------------------------------------------------------------------------------------------------
WRITER = """\
import sys
for target in sys.argv[1:]:
    try:
        with open(target, "w") as stream:
            stream.write("written by the study")
        print("WROTE", target)
    except OSError as exc:
        print("DENIED", target, exc.errno)
"""


def _write_attempt(tmp_path, sandbox: str):
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = study(tmp_path / "s", {"write.py": WRITER})
    targets = [str(folder / "into-original.txt"), str(outside / "elsewhere.txt"), "inside-copy.txt"]
    (folder / "pyproject.toml").write_text(
        '[tool.dlreview.reproduce]\nexperiments = ["published"]\ncommand = "python write.py '
        + " ".join(targets) + '"\n')
    before = signature(folder)
    record = reproduce(folder, Options(sandbox=sandbox))
    return record, folder, outside, before, record["runs"][0]["commands"][0]["stdout_tail"]


@pytest.mark.parametrize(("mode", "mechanism"), [("auto", "read-only-mounts"), ("landlock", "landlock")])
def test_a_study_cannot_write_outside_its_copy(tmp_path, mode, mechanism):
    sandbox_or_skip(mode, mechanism)
    record, folder, outside, before, output = _write_attempt(tmp_path, mode)
    assert f"DENIED {folder / 'into-original.txt'}" in output
    assert f"DENIED {outside / 'elsewhere.txt'}" in output
    assert "WROTE inside-copy.txt" in output
    assert signature(folder) == before and not list(outside.iterdir())
    assert mechanism in record["isolation"]["filesystem"] and record["isolation"]["filesystem_enforced"]


def test_without_the_sandbox_the_same_writes_succeed_so_the_isolation_test_can_fail(tmp_path):
    record, _folder, outside, _before, output = _write_attempt(tmp_path, "off")
    assert f"WROTE {outside / 'elsewhere.txt'}" in output and (outside / "elsewhere.txt").exists()
    assert record["isolation"]["filesystem"] == [] and record["isolation"]["filesystem_enforced"] is False
    assert record["isolation"]["original_unchanged"] is False  # and the record says so


CONNECTOR = """\
import _socket, sys
sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)  # below the hook's advisory guard
sock.settimeout(5)
try:
    sock.connect(("127.0.0.1", int(sys.argv[1])))
    print("CONNECTED")
except OSError as exc:
    print("BLOCKED", exc)
"""


@pytest.fixture
def listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted = []

    def accept():
        try:
            while True:
                connection, _ = server.accept()
                accepted.append(connection)
        except OSError:
            pass

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], accepted
    server.close()


def _connect(tmp_path, port: int, sandbox: str, network: bool | None = None):
    folder = study(tmp_path / "s", {"connect.py": CONNECTOR},
                   f'experiments = ["published"]\ncommand = "python connect.py {port}"\n')
    record = reproduce(folder, Options(sandbox=sandbox, network=network))
    return record, record["runs"][0]["commands"][0]["stdout_tail"]


@pytest.mark.parametrize(("mode", "mechanism"), [("auto", "network-namespace"), ("landlock", "landlock-tcp")])
def test_a_study_cannot_open_a_network_connection(tmp_path, listener, mode, mechanism):
    sandbox_or_skip(mode, mechanism)
    port, accepted = listener
    record, output = _connect(tmp_path, port, mode)
    assert "BLOCKED" in output and not accepted
    assert mechanism in record["isolation"]["network"] and record["isolation"]["network_enforced"]


def test_with_network_allowed_the_connection_succeeds_so_the_network_test_can_fail(tmp_path, listener):
    port, _accepted = listener
    record, output = _connect(tmp_path, port, "off", network=True)
    assert "CONNECTED" in output
    assert record["isolation"]["network"] == "allowed" and record["isolation"]["network_enforced"] is False


HANGER = """\
import subprocess, sys, time
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(1000)", "{marker}"], start_new_session=True)
print("child started", flush=True)
while True:
    time.sleep(0.05)
"""


def _alive_with(marker: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and marker.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                with open(f"/proc/{entry}/stat", "rb") as stream:
                    if stream.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                        found.append(int(entry))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("mode", ["auto", "off"])
def test_a_hanging_study_is_stopped_at_the_time_limit_with_all_its_children(tmp_path, mode):
    marker = f"dlreview-test-{uuid.uuid4().hex}"
    folder = study(tmp_path / "s", {"hang.py": HANGER.replace("{marker}", marker)},
                   'experiments = ["published"]\ncommand = "hang.py"\ntimeout = "2s"\n')
    started = time.monotonic()
    record = reproduce(folder, Options(sandbox=mode))
    run = record["runs"][0]
    assert run["status"] == "timeout" and time.monotonic() - started < 15
    assert "child started" in run["commands"][0]["stdout_tail"]
    assert _alive_with(marker) == []
    assert record["summary"]["failed_runs"] == ["published"]


def test_an_interrupted_reproduction_kills_the_run(tmp_path):
    marker = f"dlreview-test-{uuid.uuid4().hex}"
    (tmp_path / "hang.py").write_text(HANGER.replace("{marker}", marker))
    limits = Limits(timeout=60, memory=1024**3, network=False, output_limit=4096)

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 1.5)
    try:
        with pytest.raises(KeyboardInterrupt):
            run_command([sys.executable, "hang.py"], cwd=tmp_path, env=dict(os.environ), work=tmp_path,
                        limits=limits, deadline=time.monotonic() + 60)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert _alive_with(marker) == []


ALLOCATOR = """\
blocks = []
while True:
    blocks.append(b"x" * (16 * 1024 * 1024))
"""


def test_a_study_that_allocates_without_bound_is_stopped(tmp_path):
    folder = study(tmp_path / "s", {"alloc.py": ALLOCATOR},
                   'experiments = ["published"]\ncommand = "alloc.py"\nmemory = "300M"\ntimeout = "60s"\n')
    record = reproduce(folder, Options())
    assert record["runs"][0]["status"] == "memory"
    assert record["runs"][0]["commands"][0]["peak_rss_bytes"] < 600 * 1024**2


def test_the_memory_watchdog_stops_a_run_where_no_rlimit_applies(tmp_path):
    (tmp_path / "alloc.py").write_text(ALLOCATOR)
    limits = Limits(timeout=60, memory=200 * 1024**2, network=False, output_limit=4096, sandbox="off",
                    rlimit_data=False)
    result = run_command([sys.executable, "alloc.py"], cwd=tmp_path, env=dict(os.environ), work=tmp_path,
                         limits=limits, deadline=time.monotonic() + 60)
    assert result.status == "memory" and result.exit_code == -9


def test_output_capture_is_bounded(tmp_path):
    folder = study(tmp_path / "s", {"loud.py": "for i in range(200000):\n    print('line', i, 'x' * 40)\n"
                                               "print('LAST LINE')\n"},
                   'experiments = ["published"]\ncommand = "loud.py"\noutput-limit = "64K"\n')
    record = reproduce(folder, Options())
    command = record["runs"][0]["commands"][0]
    assert command["output_truncated"] is True
    assert command["stdout_tail"].rstrip().endswith("LAST LINE") and command["last_line"] == "LAST LINE"


def test_the_work_copy_is_reset_between_runs_and_reused_when_untouched(tmp_path):
    original = study(tmp_path / "s", {"a.txt": "one", "sub/b.txt": "two", ".git/HEAD": "ref"})
    copy = WorkCopy(original, tmp_path / "copy", (".git",))
    assert not (copy.target / ".git").exists()
    assert copy.reset() == []
    (copy.target / "a.txt").write_text("changed")
    (copy.target / "sub" / "b.txt").unlink()
    (copy.target / "new").mkdir()
    (copy.target / "new" / "c.txt").write_text("new")
    assert copy.reset()
    assert (copy.target / "a.txt").read_text() == "one" and (copy.target / "sub" / "b.txt").read_text() == "two"
    assert not (copy.target / "new").exists()


# -- instrumentation -----------------------------------------------------------------------------------------------
NONDETERMINISTIC = """\
import json, os
json.dump({"accuracy": int.from_bytes(os.urandom(2), "big") / 65536}, open("metrics.json", "w"))
"""


def test_a_nondeterministic_run_is_detected(tmp_path):
    folder = study(tmp_path / "s", {"run.py": NONDETERMINISTIC},
                   'command = "run.py"\nexperiments = ["determinism"]\nmetrics-file = "metrics.json"\n')
    out = tmp_path / "r.json"
    result = cli(str(folder), "-o", str(out))
    record = json.loads(out.read_text())
    assert record["determinism"]["identical"] is False
    assert record["determinism"]["differences"][0]["metric"] == "accuracy"
    assert result.exit_code == 1 and "NOT deterministic" in result.stdout


SEEDED = """\
import random
import numpy as np
print("VALUES", random.random(), np.random.rand())
"""


def test_seeds_are_set_and_varied_per_run(tmp_path):
    folder = study(tmp_path / "s", {"run.py": SEEDED}, 'command = "run.py"\nseeds = 2\n'
                   'experiments = ["published", "seeds", "determinism"]\n'
                   "metrics-pattern = 'VALUES (?P<key>[0-9.]+) (?P<value>[0-9.]+)'\n")
    record = reproduce(folder, Options())
    values = {run["id"]: run["commands"][0]["stdout_tail"] for run in record["runs"]}
    assert values["seed-0"] == values["seed-0-repeat"] != values["seed-1"]
    assert record["determinism"]["identical"] is True


def test_notebooks_are_executed_headless_and_metrics_name_their_cell(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Study"),
                      nbformat.v4.new_code_cell("from sklearn.metrics import accuracy_score\ny = [0, 1, 1, 0]"),
                      nbformat.v4.new_code_cell(""),
                      nbformat.v4.new_code_cell("print('acc', accuracy_score(y, [0, 1, 1, 1]))")]
    nbformat.write(notebook, folder / "analysis.ipynb")
    (folder / "pyproject.toml").write_text('[tool.dlreview.reproduce]\nexperiments = ["published"]\n'
                                           '[[tool.dlreview.reproduce.claims]]\nmetric = "accuracy"\n'
                                           'value = "0.75"\nat = "analysis.ipynb:cell 3"\n')
    record = reproduce(folder, Options())
    [value] = record["runs"][0]["metrics"]
    assert (value["file"], value["cell"], value["line"]) == ("analysis.ipynb", 3, 1)
    assert record["claims"][0]["verdict"] == "reproduced"
    assert "acc 0.75" in record["runs"][0]["commands"][0]["stdout_tail"]
    assert not (folder / "analysis.executed.ipynb").exists()


def test_a_failing_notebook_cell_fails_the_run_with_its_error(tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("raise ValueError('broken data')")]
    nbformat.write(notebook, folder / "analysis.ipynb")
    record = reproduce(folder, Options(experiments=("published",)))
    command = record["runs"][0]["commands"][0]
    assert record["runs"][0]["status"] == "failed" and "broken data" in command["stderr_tail"]


CLEAN_PIPELINE = """\
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X_train, y_train)
print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
print(model.score(X_test, y_test))
model.fit(X, y)  # final refit on all rows, after the evaluation
"""


def test_a_clean_pipeline_and_a_final_refit_are_no_leak(tmp_path):
    folder = study(tmp_path / "s", {"train.py": CLEAN_PIPELINE}, 'experiments = ["published"]\n')
    record = reproduce(folder, Options())
    leakage = record["leakage"]
    assert leakage["splits"] == 1 and leakage["fits_checked"] == 2 and leakage["confirmed"] is False
    [refit] = leakage["fits"]
    assert refit["where"] == "train.py:13" and refit["test_rows_seen"] == refit["test_rows"]
    assert refit["evaluated_after"] is False and refit["leak"] is False
    metrics = record["runs"][0]["metrics"]
    assert [(m["metric"], m["source"], m["model"]) for m in metrics] == [
        ("roc_auc", "sklearn.metrics.roc_auc_score", "LogisticRegression in Pipeline"),
        ("accuracy", "Pipeline.score", "LogisticRegression in Pipeline")]
    assert metrics[0]["chance"] == 0.5


def test_python_option_runs_another_environment_without_dlreview(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    folder = study(tmp_path / "s", {"train.py": "import json, sys\n"
                                                "json.dump({'accuracy': 0.5}, open('m.json', 'w'))\n"
                                                "import importlib.util\n"
                                                "print('DLREVIEW', importlib.util.find_spec('dlreview'))\n"},
                   'experiments = ["published"]\nmetrics-file = "m.json"\n')
    record = reproduce(folder, Options(python=str(venv / "bin" / "python")))
    assert record["environment"]["prefix"] == str(venv)
    assert "DLREVIEW None" in record["runs"][0]["commands"][0]["stdout_tail"]
    assert record["runs"][0]["metrics"][0]["value"] == 0.5 and record["runs"][0]["hook_errors"] == []


def test_install_builds_a_fresh_environment_from_the_requirements(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "import sys; print('PREFIX', sys.prefix)\n",
                                    "requirements.txt": "# nothing to install\n"}, 'experiments = ["published"]\n')
    record = reproduce(folder, Options(install=True))
    assert record["environment"]["install"]["venv"] == "fresh"
    assert record["environment"]["prefix"].endswith("/venv") and record["environment"]["prefix"] != sys.prefix


def test_install_without_requirements_is_an_error(tmp_path):
    folder = study(tmp_path / "s", {"train.py": ""})
    with pytest.raises(ReproduceError, match="--install needs requirements.txt"):
        reproduce(folder, Options(install=True))


def test_the_hook_runs_the_environments_own_sitecustomize_too(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "print('trained')\n",
                                    "site/sitecustomize.py": "print('OWN SITECUSTOMIZE')\n"},
                   'experiments = ["published"]\nenv = { PYTHONPATH = "site" }\n')
    record = reproduce(folder, Options())
    assert "OWN SITECUSTOMIZE" in record["runs"][0]["commands"][0]["stdout_tail"]


def test_the_hook_imports_only_the_standard_library():
    tree = ast.parse(HOOK.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    # numpy and torch are imported only inside functions that run after the study imported them itself
    assert imported - set(sys.stdlib_module_names) == {"numpy", "torch"}


def test_the_hook_does_nothing_without_a_record(tmp_path):
    done = subprocess.run([sys.executable, "-c", "import sys; print('sitecustomize' in sys.modules)"],
                          env={**os.environ, "PYTHONPATH": str(HOOK.parent)}, capture_output=True, text=True,
                          check=False)
    assert done.stdout.strip() == "True" and done.stderr == ""
    assert not list(tmp_path.iterdir())


# -- the manuscript ------------------------------------------------------------------------------------------------
def test_manuscript_claims_are_verified(tmp_path):
    manuscript = pytest.importorskip("dlreview.manuscript")
    if not hasattr(manuscript, "extract_claims"):
        pytest.skip("dlreview.manuscript.extract_claims is not written yet")
    out = tmp_path / "r.json"
    cli(str(EXAMPLE), "--manuscript", str(EXAMPLE / "paper.md"), "--experiments", "published", "-o", str(out))
    record = json.loads(out.read_text())
    from_paper = [c for c in record["claims"] if c["claim"]["path"].endswith("paper.md")]
    assert len(from_paper) >= 4
    assert {c["verdict"] for c in from_paper} <= set(analysis.VERDICTS)
    verdicts = {(c["claim"]["metric"], c["claim"]["text"]): c["verdict"] for c in from_paper}
    assert verdicts[("accuracy", "91%")] == "not_reproduced"
    assert verdicts[("roc_auc", "0.991")] == verdicts[("accuracy", "95.1%")] == "reproduced"


def test_manuscript_without_the_manuscript_review_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dlreview.manuscript", None)
    (tmp_path / "paper.md").write_text("accuracy 91%")
    result = cli(str(EXAMPLE), "--manuscript", str(tmp_path / "paper.md"))
    assert result.exit_code == 2
    assert "--manuscript needs the manuscript review" in result.stderr


# -- progress ------------------------------------------------------------------------------------------------------
def test_progress_shows_run_elapsed_time_and_last_line_on_a_terminal():
    stream = io.StringIO()
    progress = Progress(enabled=True, stream=stream)
    progress.start_run("[2/6] seed-1")
    progress.output("epoch 3 loss 0.25")
    time.sleep(0.4)
    progress.close()
    assert "[2/6] seed-1  00:00  epoch 3 loss 0.25" in stream.getvalue()


def test_progress_is_quiet_when_not_a_terminal_or_in_ci(monkeypatch):
    assert Progress(stream=io.StringIO()).enabled is False
    monkeypatch.setenv("CI", "true")

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert Progress(stream=Terminal()).enabled is False


# -- defects found in review, each kept as a test ---------------------------------------------------------------------
def test_every_run_gets_a_fresh_home_and_tmpdir(tmp_path):
    """A study that caches in $TMPDIR must not hand its first run's result to the seed and determinism runs."""
    folder = study(tmp_path / "cache", {"train.py": """\
        import json, os, random
        from sklearn.metrics import accuracy_score
        cache = os.path.join(os.environ["TMPDIR"], "cache.json")
        if os.path.exists(cache):
            value = json.load(open(cache))
            print("read cached", value)
        else:
            value = random.random()
            json.dump(value, open(cache, "w"))
        y = [0, 1] * 50
        accuracy_score(y, [1 if random.random() < value else 0 for _ in y])
        """}, 'seeds = 2\nexperiments = ["published", "seeds", "determinism"]\n')
    out = tmp_path / "r.json"
    cli(str(folder), "-q", "-o", str(out))
    record = json.loads(out.read_text())
    outputs = [c["stdout_tail"] for run in record["runs"] for c in run["commands"]]
    assert not any("read cached" in text for text in outputs)


def test_label_shuffle_without_any_fit_is_marked_not_applied(tmp_path):
    folder = study(tmp_path / "nofit", {"train.py": """\
        from sklearn.metrics import accuracy_score
        print(accuracy_score([0, 1, 1, 0], [0, 1, 0, 0]))
        """}, 'seeds = 1\nexperiments = ["published", "label-shuffle"]\n[[tool.dlreview.reproduce.claims]]\n'
              'metric = "accuracy"\nvalue = "0.75"\n')
    out = tmp_path / "r.json"
    result = cli(str(folder), "-q", "-o", str(out))
    [entry] = json.loads(out.read_text())["claims"]
    assert entry["label_shuffle"]["applied"] is False and entry["label_shuffle"]["near_chance"] is None
    assert "not applied" in result.stdout


def test_a_custom_loop_that_reads_the_shuffle_variable_opts_in(tmp_path):
    folder = study(tmp_path / "optin", {"train.py": """\
        import os, random
        from sklearn.metrics import accuracy_score
        y = [0, 1] * 50
        if os.environ.get("DLREVIEW_SHUFFLE_LABELS") == "1":
            random.Random(0).shuffle(y)
        accuracy_score([0, 1] * 50, y)
        """}, 'seeds = 1\nexperiments = ["published", "label-shuffle"]\n[[tool.dlreview.reproduce.claims]]\n'
              'metric = "accuracy"\nvalue = "1.0"\n')
    out = tmp_path / "r.json"
    cli(str(folder), "-q", "-o", str(out))
    [entry] = json.loads(out.read_text())["claims"]
    assert entry["label_shuffle"]["applied"] is True


def test_no_metric_recorded_is_not_called_nondeterministic(tmp_path):
    folder = study(tmp_path / "silent", {"train.py": "x = 1 + 1\n"})
    out = tmp_path / "r.json"
    result = cli(str(folder), "-q", "--seeds", "1", "-o", str(out))
    record = json.loads(out.read_text())
    assert record["determinism"]["identical"] is None
    assert "NOT deterministic" not in result.stdout and "none to verify" in result.stdout
    assert result.exit_code == 0


def test_output_inside_the_study_is_refused_before_anything_runs(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "print(1)\n"})
    result = cli(str(folder), "-o", str(folder / "train.py"))
    assert result.exit_code == 2 and "file of the study" in result.stderr
    assert (folder / "train.py").read_text() == "print(1)\n"


def test_unwritable_output_folder_is_refused_before_anything_runs(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "print(1)\n"})
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = cli(str(folder), "-o", str(blocker / "sub" / "r.json"))
    assert result.exit_code == 2 and "cannot write" in result.stderr


def test_a_damaged_manuscript_is_a_one_line_error(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "print(1)\n"})
    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.7\nnot a pdf\n")
    result = cli(str(folder), "-m", str(tmp_path / "damaged.pdf"))
    assert result.exit_code == 2 and result.stderr.startswith("dlreview: error: --manuscript")
    assert "Traceback" not in result.stderr


def test_a_metrics_pattern_with_an_optional_group_does_not_crash(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "print('score 0.5')\n"},
                   "metrics-pattern = '(?:(?P<metric>accuracy): )?(?:score )?(?P<value>0\\.\\d+)'\n"
                   'experiments = ["published"]\n')
    out = tmp_path / "r.json"
    cli(str(folder), "-q", "-o", str(out))
    [run] = json.loads(out.read_text())["runs"]
    assert [m["value"] for m in run["metrics"]] == [0.5]


@pytest.mark.parametrize("python", ["/bin/echo", "/bin/false"])
def test_a_python_that_is_not_python_is_a_plain_error(tmp_path, python):
    folder = study(tmp_path / "s", {"train.py": "print(1)\n"})
    result = cli(str(folder), "--python", python)
    assert result.exit_code == 2 and "is not a Python interpreter" in result.stderr
    assert "Traceback" not in result.stderr and "[]" not in result.stderr


def test_a_failed_published_run_stops_the_other_experiments(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "raise SystemExit(1)\n"}, "seeds = 2\n")
    out = tmp_path / "r.json"
    result = cli(str(folder), "-q", "-o", str(out))
    assert [run["id"] for run in json.loads(out.read_text())["runs"]] == ["published"]
    assert result.exit_code == 1


def test_shuffle_only_experiments_say_why_values_are_not_computed(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "from sklearn.metrics import accuracy_score\n"
                                                "accuracy_score([0, 1], [0, 1])\n"},
                   'experiments = ["label-shuffle"]\n[[tool.dlreview.reproduce.claims]]\nmetric = "accuracy"\n'
                   'value = "1.0"\n')
    out = tmp_path / "r.json"
    cli(str(folder), "-q", "-o", str(out))
    [entry] = json.loads(out.read_text())["claims"]
    assert entry["verdict"] == "not_computed" and "real labels" in entry["reason"]


def test_terminal_escape_sequences_from_the_study_are_not_printed_raw(tmp_path):
    folder = study(tmp_path / "s", {"train.py": "import sys\nsys.stderr.write('\\x1b]52;c;cHduZWQ=\\x07 bad')\n"
                                                "raise SystemExit(3)\n"})
    result = cli(str(folder), "-q")
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_data_folders_named_env_are_copied(tmp_path):
    folder = study(tmp_path / "s", {"data/env/temps.csv": "t\n1\n", "train.py": """\
        from sklearn.metrics import r2_score
        rows = open("data/env/temps.csv").read().split()
        r2_score([1.0, 2.0], [1.0, 2.0])
        """}, 'experiments = ["published"]\n')
    out = tmp_path / "r.json"
    cli(str(folder), "-q", "-o", str(out))
    assert json.loads(out.read_text())["runs"][0]["status"] == "ok"
