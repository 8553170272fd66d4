"""The command line as a user meets it: exit codes, output formats, bad input, rule docs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from conftest import CLEAN, LEAKY, make_notebook

import dlreview


def test_version(dlreview):
    run = dlreview("--version")
    assert run.code == 0
    assert dlreview_version() in run.out


def dlreview_version():
    return dlreview.__version__


def test_leaky_file_exits_1_with_ruff_style_line(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", "train.py")
    assert run.code == 1
    assert run.out.splitlines()[0].startswith(
        "train.py:6:5: DLR101 [warning] StandardScaler is fit on `X`"
    )
    assert "Found 1 finding in 1 file" in run.out


def test_clean_file_exits_0(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(CLEAN)
    run = dlreview("check", "train.py")
    assert run.code == 0, run.out
    assert "No findings (1 file checked)" in run.out


def test_exit_zero_flag(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    assert dlreview("check", "--exit-zero", "train.py").code == 0


def test_default_path_is_the_current_folder(dlreview, tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "train.py").write_text(LEAKY)
    run = dlreview("check")
    assert run.code == 1
    assert "pkg/train.py:6:5" in run.out


def test_notebook_finding_names_cell_and_line_within_cell(dlreview, tmp_path):
    make_notebook(
        tmp_path / "nb.ipynb",
        [
            "%matplotlib inline\nfrom sklearn import preprocessing as pp\nfrom sklearn.model_selection import train_test_split",
            "!pip install numpy\nimport numpy as np\nX = np.load('x.npy')\ny = np.load('y.npy')",
            "%%time\nX = pp.MinMaxScaler().fit_transform(X)",
            "X_train, X_test, y_train, y_test = train_test_split(X, y)",
        ],
    )
    run = dlreview("check", "nb.ipynb")
    assert run.code == 1
    assert run.out.startswith("nb.ipynb:cell 3:2:5: DLR101 ")
    assert "(cell 4, line 1)" in run.out


def test_json_output_fields(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    make_notebook(tmp_path / "nb.ipynb", [LEAKY])
    run = dlreview("check", "--format", "json", ".")
    assert run.code == 1
    document = run.json()
    assert document["errors"] == []
    by_path = {f["path"]: f for f in document["findings"]}
    script, notebook = by_path["train.py"], by_path["nb.ipynb"]
    assert {
        "rule",
        "tip",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "cell",
        "message",
    } <= set(script)
    assert (script["rule"], script["tip"], script["severity"]) == (
        "DLR101",
        7,
        "warning",
    )
    assert (script["line"], script["column"], script["end_line"], script["cell"]) == (
        6,
        5,
        6,
        None,
    )
    assert (notebook["cell"], notebook["line"]) == (1, 6)


def test_output_file_is_written_and_stdout_stays_empty(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", "-f", "json", "-o", "out/report.json", "train.py")
    assert run.code == 1
    assert run.out == ""
    assert (
        json.loads((tmp_path / "out" / "report.json").read_text())["findings"][0][
            "rule"
        ]
        == "DLR101"
    )


def test_output_never_overwrites_a_checked_file(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", "-o", "train.py", "train.py")
    assert run.code == 2
    assert "refusing to overwrite" in run.err
    assert (tmp_path / "train.py").read_text() == LEAKY


def test_bad_files_get_one_line_errors_and_the_rest_is_still_checked(
    dlreview, tmp_path
):
    (tmp_path / "good.py").write_text(LEAKY)
    (tmp_path / "syntax.py").write_text("def broken(:\n    pass\n")
    (tmp_path / "latin1.py").write_bytes("name = 'Müller'\n".encode("latin-1"))
    (tmp_path / "binary.py").write_bytes(b"\x00\x01\x02garbage")
    (tmp_path / "notjson.ipynb").write_text("{ this is not json")
    (tmp_path / "nocells.ipynb").write_text('{"metadata": {}}')
    (tmp_path / "badschema.ipynb").write_text(
        json.dumps(
            {
                "cells": [{"cell_type": "code"}],
                "nbformat": 4,
                "nbformat_minor": 5,
                "metadata": {},
            }
        )
    )
    run = dlreview("check", ".")
    assert run.code == 2
    assert "Traceback" not in run.out + run.err
    assert "good.py:6:5: DLR101" in run.out
    errors = [
        line for line in run.err.splitlines() if line.startswith("dlreview: error:")
    ]
    text = "\n".join(errors)
    assert "syntax.py: syntax error at line 1" in text
    assert "latin1.py: not UTF-8 text" in text
    assert "binary.py: binary file" in text
    assert "notjson.ipynb: invalid notebook JSON at line 1" in text
    assert "nocells.ipynb: not a Jupyter notebook" in text
    assert "badschema.ipynb: invalid notebook" in text
    assert len(errors) == 6


def test_errors_appear_in_json(dlreview, tmp_path):
    (tmp_path / "syntax.py").write_text("x = (\n")
    run = dlreview("check", "-f", "json", "syntax.py")
    assert run.code == 2
    [error] = run.json()["errors"]
    assert error["path"] == "syntax.py" and "syntax error" in error["reason"]


def test_missing_path_and_unsupported_file_are_usage_errors(dlreview, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    run = dlreview("check", "nope.py", "notes.csv")
    assert run.code == 2
    assert "nope.py: no such file or directory" in run.err
    assert "notes.csv: not a Python file, notebook or manuscript (.csv)" in run.err


def test_broken_notebook_cell_is_reported_and_other_cells_checked(dlreview, tmp_path):
    make_notebook(
        tmp_path / "nb.ipynb",
        [
            ("from sklearn.preprocessing import StandardScaler\nfrom sklearn.model_selection import train_test_split\n"
             "import numpy as np\nX = np.load('x.npy')"),
            "for i in range(3)\n    print(i)",
            "X = StandardScaler().fit_transform(X)\nparts = train_test_split(X)",
        ],
    )
    run = dlreview("check", "nb.ipynb")
    assert run.code == 2
    assert "nb.ipynb:cell 2:1: syntax error" in run.err
    assert "nb.ipynb:cell 3:1:5: DLR101" in run.out


def test_unknown_rule_code_is_a_usage_error(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", "--select", "DLR9", "train.py")
    assert run.code == 2
    assert "unknown rule code or prefix 'DLR9'" in run.err


def test_select_and_ignore_flags(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    assert dlreview("check", "--ignore", "DLR101", "train.py").code == 0
    assert dlreview("check", "--select", "DLR1", "train.py").code == 1
    assert dlreview("check", "--select", "DLR001", "train.py").code == 0


def test_rules_table_lists_every_rule_with_its_tip(dlreview):
    run = dlreview("rules")
    assert run.code == 0
    line = next(line for line in run.out.splitlines() if line.startswith("DLR101"))
    assert " 7 " in line and "preprocessing-leakage" in line
    listed = json.loads(dlreview("rules", "--format", "json").out)
    assert {
        "id": "DLR101",
        "name": "preprocessing-leakage",
        "tip": 7,
        "severity": "warning",
        "title": "Unsupervised preprocessing fit on rows that a later hold-out split puts in the test set",
    } in listed


def test_rule_docs_by_code_and_by_name(dlreview):
    by_code = dlreview("rule", "DLR101")
    assert by_code.code == 0
    for heading in (
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## How to suppress",
        "## References",
        "Tip 7",
        "# noqa: DLR101",
        "StandardScaler().fit_transform(X)",
    ):
        assert heading in by_code.out
    assert dlreview("rule", "preprocessing-leakage").out == by_code.out
    assert dlreview("rule", "dlr101").out == by_code.out


def test_unknown_rule_docs(dlreview):
    run = dlreview("rule", "DLR999")
    assert run.code == 2
    assert "no rule 'DLR999'" in run.err


def test_console_script_runs_as_a_real_process(tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    process = subprocess.run(  # noqa: PLW1510 - the exit code is the thing under test
        [
            sys.executable,
            "-m",
            "dlreview",
            "check",
            "--no-cache",
            str(tmp_path / "train.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert process.returncode == 1, process.stderr
    assert "train.py:6:5: DLR101" in process.stdout


def test_bundled_example_study(dlreview):
    study = Path(__file__).parent.parent / "examples" / "breast-cancer-study"
    run = dlreview("check", "-f", "json", str(study))
    assert run.code == 1
    found = {
        (Path(f["path"]).name if f["scope"] == "file" else "<study>", f["cell"], f["line"], f["rule"])
        for f in run.json()["findings"]
    }
    assert found == {
        ("train_leaky.py", None, 20, "DLR101"),
        ("train_mlp.py", None, 17, "DLR101"),
        ("analysis.ipynb", 5, 3, "DLR101"),
        ("select_features.py", None, 20, "DLR102"),
        ("select_features.py", None, 32, "DLR106"),
        ("train_leaky.py", None, 23, "DLR202"),
        ("train_mlp.py", None, 38, "DLR202"),
        ("train_mlp.py", None, 49, "DLR202"),
        ("train_mlp.py", None, 49, "DLR302"),
        ("train_leaky.py", None, 25, "DLR302"),
        ("train_pipeline.py", None, 36, "DLR302"),
        ("analysis.ipynb", 7, 1, "DLR302"),
        ("train_mlp.py", None, 45, "DLR303"),
        ("analysis.ipynb", 7, 3, "DLR403"),
        ("<study>", None, None, "DLR503"),
    }


def test_bundled_example_study_with_its_manuscript(dlreview):
    study = Path(__file__).parent.parent / "examples" / "breast-cancer-study"
    run = dlreview("check", "-f", "json", str(study), "--manuscript", str(study / "paper.md"))
    assert run.code == 1
    document = run.json()
    found = {(f["rule"], f["line"]) for f in document["findings"] if f["path"].endswith("paper.md")}
    assert found == {
        ("DLR602", None), ("DLR606", None), ("DLR609", None), ("DLR615", None), ("DLR616", None), ("DLR620", None),
        ("DLR621", None), ("DLR622", None), ("DLR701", 48), ("DLR802", 26), ("DLR803", 38),
    }
    [manuscript] = document["manuscripts"]
    assert manuscript["cross_checked"]
    claims = {(c["metric"], c["value"], c["model"], c["split"]) for c in manuscript["claims"]}
    assert ("roc_auc", 0.995, "MLP", "test") in claims and ("mcc", 0.95, "Logistic regression", "test") in claims
    assert ("accuracy", 0.96, "SVM", "cross-validation") in claims
    assert len(manuscript["claims"]) == 15
    # the code's own findings are unchanged by reading the paper
    code_rules = {f["rule"] for f in document["findings"] if not f["path"].endswith("paper.md")}
    assert code_rules == {"DLR101", "DLR102", "DLR106", "DLR202", "DLR302", "DLR303", "DLR403", "DLR503"}


def test_rule_docs_mark_finding_lines_for_readers_not_for_the_harness(dlreview):
    run = dlreview("rule", "DLR101")
    assert run.code == 0
    assert "# <- DLR101" in run.out
    assert "expect:" not in run.out


def test_output_to_a_device_writes_through_it_and_never_replaces_it(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    (tmp_path / "sink").symlink_to(os.devnull)
    run = dlreview("check", "-f", "json", "-o", "sink", "train.py")
    assert run.code == 1
    assert (tmp_path / "sink").is_symlink()
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_output_through_a_symlink_keeps_the_link(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    (tmp_path / "reports").mkdir()
    (tmp_path / "latest.json").symlink_to(tmp_path / "reports" / "run1.json")
    dlreview("check", "-f", "json", "-o", "latest.json", "train.py")
    assert (tmp_path / "latest.json").is_symlink()
    assert json.loads((tmp_path / "reports" / "run1.json").read_text())["findings"]


def test_an_expression_nested_thousands_deep_is_an_error_not_a_crash(dlreview, tmp_path):
    """libcst's native parser overflows its stack on such input; CPython refuses it too."""
    (tmp_path / "generated.py").write_text("X = 1\ny = " + " + ".join(["X"] * 20000) + "\n")
    (tmp_path / "train.py").write_text(LEAKY)
    run = dlreview("check", ".")
    assert run.code == 2
    assert "generated.py: too deeply nested to parse" in run.err
    assert "train.py:6" in run.out
