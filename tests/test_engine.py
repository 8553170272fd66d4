"""One pass per file, a cache, parallel analysis and suppressions."""

from __future__ import annotations

import json

from conftest import CLEAN, LEAKY

from dlreview import engine
from dlreview.config import Settings
from dlreview.engine import check_paths


def test_second_run_is_served_from_the_cache(dlreview, tmp_path, monkeypatch):
    (tmp_path / "train.py").write_text(LEAKY)
    first = dlreview("check", "-f", "json", "train.py")
    calls = []
    monkeypatch.setattr(engine, "analyze", lambda *a: calls.append(a) or engine.FileResult())
    second = dlreview("check", "-f", "json", "train.py")
    assert calls == []
    assert first.json() == second.json()
    (tmp_path / "train.py").write_text(LEAKY + "\n# edited\n")
    dlreview("check", "train.py")
    assert len(calls) == 1  # a changed file is analysed again


def test_no_cache_flag_always_analyses(dlreview, tmp_path, monkeypatch):
    (tmp_path / "train.py").write_text(LEAKY)
    dlreview("check", "train.py")
    calls = []
    original = engine.analyze
    monkeypatch.setattr(engine, "analyze", lambda *a: calls.append(a) or original(*a))
    assert dlreview("check", "--no-cache", "train.py").code == 1
    assert len(calls) == 1


def test_cache_stores_results_before_configuration(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    assert dlreview("check", "--ignore", "DLR101", "train.py").code == 0
    assert dlreview("check", "train.py").code == 1


def test_corrupt_cache_entry_is_ignored(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    dlreview("check", "train.py")
    for entry in (tmp_path / ".cache-under-test").rglob("*.json"):
        entry.write_text("{not json")
    assert dlreview("check", "train.py").code == 1


def test_parallel_and_serial_runs_agree(tmp_path):
    for number in range(engine.PARALLEL_THRESHOLD + 4):
        (tmp_path / f"leaky_{number}.py").write_text(LEAKY)
        (tmp_path / f"clean_{number}.py").write_text(CLEAN)
    settings = Settings(root=tmp_path, select=("DLR1",))
    parallel = check_paths([tmp_path], settings, use_cache=False, jobs=2)
    serial = check_paths([tmp_path], settings, use_cache=False, jobs=1)
    assert parallel.findings == serial.findings
    assert len(parallel.findings) == engine.PARALLEL_THRESHOLD + 4


def test_noqa_with_code_suppresses_bare_noqa_does_not(dlreview, tmp_path):
    line = "X = StandardScaler().fit_transform(X)"
    (tmp_path / "a.py").write_text(LEAKY.replace(line, line + "  # noqa: DLR101"))
    (tmp_path / "b.py").write_text(LEAKY.replace(line, line + "  # noqa"))
    (tmp_path / "c.py").write_text(LEAKY.replace(line, line + "  # NOQA:E501,DLR101"))
    run = dlreview("check", "-f", "json", "--select", "DLR1", ".")
    assert {f["path"] for f in run.json()["findings"]} == {"b.py"}


def test_stale_noqa_is_reported_unless_its_rule_is_off(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(CLEAN.replace("random_state=0)", "random_state=0)  # noqa: DLR101"))
    run = dlreview("check", "-f", "json", "train.py")
    [finding] = run.json()["findings"]
    assert (finding["rule"], finding["line"], finding["tip"]) == ("DLR001", 6, 7)
    assert dlreview("check", "--ignore", "DLR101", "train.py").code == 0


def test_internal_rule_error_is_reported_not_raised(dlreview, tmp_path, monkeypatch):
    from dlreview.checks.leakage import PreprocessingLeakage

    def explode(self, program):
        raise KeyError("boom")
        yield

    monkeypatch.setattr(PreprocessingLeakage, "check", explode)
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", "--no-cache", "train.py")
    assert run.code == 2
    assert "internal error in rule DLR101" in run.err and "please report" in run.err


def test_internal_model_error_is_reported_and_other_files_are_checked(dlreview, tmp_path, monkeypatch):
    from dlreview.model.interpreter import Interpreter

    def explode(self):
        raise AttributeError("boom")

    monkeypatch.setattr(Interpreter, "run", explode)
    (tmp_path / "train.py").write_text(LEAKY)
    (tmp_path / "broken.py").write_text("def f(:\n")
    run = dlreview("check", "--no-cache", ".")
    assert run.code == 2
    assert "train.py: internal error while analysing (AttributeError: boom" in run.err
    assert "broken.py" in run.err and "syntax error" in run.err
    assert "Traceback" not in run.err + run.out

def test_json_round_trip_of_cached_results(tmp_path):
    result = engine.analyze(tmp_path / "x.py", LEAKY.encode())
    assert engine.FileResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result


FIT_ON_TEST = """\
from sklearn.datasets import load_breast_cancer
from sklearn.feature_selection import SelectKBest
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
StandardScaler().fit(X_test)
SelectKBest(k=5).fit(X_test, y_test)
"""


def test_a_finding_can_weigh_more_than_its_rule(tmp_path):
    """DLR104 is a warning, but a supervised selector fit on the test labels is an error."""
    path = tmp_path / "train.py"
    path.write_text(FIT_ON_TEST)
    result = check_paths([path], Settings(root=tmp_path), use_cache=False)
    severities = {f.line: f.severity.value for f in result.findings if f.rule == "DLR104"}
    assert severities == {8: "warning", 9: "error"}


def test_one_finding_per_rule_and_line(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(LEAKY.replace("X = StandardScaler().fit_transform(X)", "X = (X - X.mean(0)) / X.std(0)"))
    result = check_paths([path], Settings(root=tmp_path), use_cache=False)
    assert [(f.rule, f.line) for f in result.findings] == [("DLR101", 6)]
