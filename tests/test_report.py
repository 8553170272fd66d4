"""`dlreview report`: the reproducibility and ethics report as JSON, HTML and PDF.

The report of the bundled example study (examples/breast-cancer-study with its paper) is built once for the module;
the reproduction section is built from a record shaped as `dlreview reproduce` documents it (re-executing the
example takes minutes), and once for real from a tiny study re-executed in-process. The PDF is made here with
weasyprint, its text read with pdfminer.six and its pages rendered to PNG (pdftoppm, else pypdfium2); the HTML is
rendered in headless Chromium when it is installed. A hostile study (markup and file URLs in file names, code
comments and the manuscript) must give a report in which none of it is live, and whose rendering fetches nothing.
"""

from __future__ import annotations

import base64
import copy
import datetime
import html.parser
import http.server
import io
import json
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner

from dlreview.cli import main
from dlreview.config import Settings
from dlreview.report import ReportError, build_report, dome_document, normalise_record, render_html, verify
from dlreview.report.provenance import NOT_A_REPOSITORY
from dlreview.report.render import make_fetcher, render_pdf, templates_dir

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "breast-cancer-study"
REPRO_EXAMPLE = REPO / "examples" / "reproduce-study"
NOW = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
TOOL = {"name": "dlreview", "version": "0.1.0", "schema": 1}   # what a `dlreview reproduce` record names
SECTIONS = ["summary", "tips", *(f"tip-{n}" for n in range(1, 11)), "checklist", "reproduction", "ethics", "dome",
            "provenance"]


# -- helpers ----------------------------------------------------------------------------------------------------------
def settings() -> Settings:
    return Settings(root=REPO)


def report_of(path: Path, manuscripts=(), record=None, now=NOW) -> dict:
    return build_report([path], settings(), manuscripts=list(manuscripts), record=record, use_cache=False, now=now)


def cli(*args: str):
    result = CliRunner().invoke(main, ["report", *args], catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def pdf_text(pdf: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf))


def squeeze(text: str) -> str:
    """Text without any whitespace (a wrapped line reads the same), ligatures undone."""
    return re.sub(r"\s+", "", text.replace("\ufb01", "fi").replace("\ufb02", "fl"))


def render_pages(pdf: bytes, folder: Path, first: int = 1, last: int = 1) -> list[Path]:
    """PDF pages as PNG files: pdftoppm when it is installed, pypdfium2 otherwise."""
    source = folder / "report.pdf"
    source.write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(first), "-l", str(last), str(source),
                        str(folder / "page")], check=True, timeout=60)
        return sorted(folder.glob("page-*.png"))
    pdfium = pytest.importorskip("pypdfium2", reason="neither pdftoppm nor pypdfium2 is installed")
    document = pdfium.PdfDocument(str(source))
    pages = []
    for index in range(first - 1, last):
        image = document[index].render(scale=50 / 72).to_pil()
        pages.append(folder / f"page-{index + 1}.png")
        image.save(pages[-1])
    return pages


def ink(png: Path) -> float:
    """The share of pixels that are not (nearly) white."""
    from PIL import Image

    image = Image.open(png).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def chromium() -> str:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (apt-get install chromium); the HTML layout check needs it")


def run_chromium(page: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--no-first-run", "--disable-extensions",
                           f"--user-data-dir={page.parent / 'chromium-profile'}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=90, check=False)


class Markup(html.parser.HTMLParser):
    """Every element and attribute of an HTML document, and its text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}


def sample_record() -> dict:
    """A record with the keys the README documents ("The JSON record"), for examples/reproduce-study."""
    def claim(metric, value, text, model, measured, seeds, shuffled, chance, verdict, key=None):
        mean = sum(seeds) / len(seeds)
        sd = (sum((v - mean) ** 2 for v in seeds) / (len(seeds) - 1)) ** 0.5
        smean = sum(shuffled) / len(shuffled)
        return {"claim": {"metric": metric, "value": value, "text": text, "decimals": 3, "percent": "%" in text,
                          "path": "examples/reproduce-study/pyproject.toml", "line": None, "page": None,
                          "sentence": f"{metric} = {text}", "source": "config", "model": model, "split": None,
                          "spread": None, "select": {"at": None, "key": key, "occurrence": "last"}},
                "tolerance": 0.0, "verdict": verdict, "seed_spread": [min(seeds), max(seeds)], "measured": measured,
                "difference": measured - value, "measured_from": "published run", "selected": None,
                "selection": "", "candidates": 1, "ambiguous": False,
                "seeds": {"n": len(seeds), "values": seeds, "mean": mean, "sd": sd,
                          "ci95": [mean - 2.9 * sd, mean + 2.9 * sd], "min": min(seeds), "max": max(seeds)},
                "label_shuffle": {"values": shuffled, "mean": smean, "sd": 0.03, "n": len(shuffled),
                                  "chance": chance, "near_chance": abs(smean - chance) < 0.1}}

    def run(run_id, seed, shuffle, duration):
        return {"id": run_id, "experiment": run_id.rstrip("-0123456789") or run_id, "seed": seed,
                "deterministic": seed is not None, "vary_seeds": True, "label_shuffle": shuffle, "status": "ok",
                "duration_s": duration, "copy_reused": True, "copy_restored_paths": 1,
                "commands": [{"command": "python train.py", "status": "ok", "exit_code": 0}],
                "metrics": [{}] * 8, "seeds_remapped": [], "network_blocked": [], "hook_errors": [],
                "labels_shuffled": ["LogisticRegression"] if shuffle else []}

    return {
        "tool": {"name": "dlreview", "version": "0.1.0", "schema": 1},
        "study": {"path": "examples/reproduce-study", "config_file": "pyproject.toml", "commands": ["python train.py"],
                  "default_command": False, "workdir": ".", "manuscript": None, "work_folder": None},
        "settings": {"seeds": 3, "label_shuffle_runs": 3, "device": {"requested": "auto", "used": "cuda"}},
        "isolation": {"sandbox": "auto", "copy": True, "original_unchanged": True, "pid_namespace": True,
                      "namespaces": ["mount", "network", "pid"], "filesystem": ["read-only-mounts", "landlock"],
                      "filesystem_enforced": True, "network": ["network-namespace"], "network_enforced": True,
                      "wall_clock_limit_s": 300.0, "memory_limit_bytes": 4294967296,
                      "memory": ["rss-watchdog"], "output_limit_bytes": 1048576, "landlock_abi": 7,
                      "notes": ["RLIMIT_DATA is off on CUDA"]},
        "environment": {"interpreter": "/venv/bin/python", "python": "3.11.7", "implementation": "CPython",
                        "platform": "Linux-6.8-x86_64", "machine": "x86_64", "cpu": "AMD EPYC 9654", "cpu_count": 16,
                        "packages": {"torch": "2.13.0", "scikit-learn": "1.9.1", "numpy": "2.3.0"},
                        "torch": {"version": "2.13.0", "cuda": "12.8", "cudnn": 91000, "cuda_available": True},
                        "tensorflow": None,
                        "gpus": [{"name": "NVIDIA H200", "driver": "570.86", "memory": "143771 MiB"}],
                        "device": {"requested": "auto", "used": "cuda", "cuda_used_by_the_code": True,
                                   "gpus_used": ["NVIDIA H200"]}, "install": None, "dlreview": "0.1.0"},
        "runs": [run("published", None, False, 10.9), run("seed-0", 0, False, 8.7), run("seed-1", 1, False, 9.1),
                 run("seed-2", 2, False, 9.0), run("seed-0-repeat", 0, False, 8.8),
                 run("label-shuffle-0", 0, True, 7.2), run("label-shuffle-1", 1, True, 7.3),
                 run("label-shuffle-2", 2, True, 7.1)],
        "claims": [
            claim("roc_auc", 0.991, "0.991", "MLP", 0.9914, [0.9945, 0.9972, 0.9993], [0.45, 0.41, 0.49], 0.5,
                  "reproduced"),
            claim("accuracy", 0.951, "95.1%", "MLP", 0.9510, [0.979, 0.986, 0.993], [0.64, 0.62, 0.66], 0.6294,
                  "reproduced"),
            claim("roc_auc", 0.995, "0.995", None, 0.9952, [0.9955, 0.9978, 0.9999], [0.52, 0.50, 0.54], 0.5,
                  "reproduced", key="logistic_regression.roc_auc"),
            claim("accuracy", 0.91, "91%", "logistic regression", 0.9580, [0.979, 0.993, 0.979], [0.70, 0.59, 0.61],
                  0.6294, "not_reproduced"),
        ],
        "determinism": {"seed": 0, "identical": True, "compared": 8, "differences": []},
        "leakage": {"splits": 1, "fits_checked": 2, "confirmed": True, "fits": [
            {"estimator": "StandardScaler", "method": "fit_transform", "where": "train.py:24", "rows": 569,
             "test_rows_seen": 143, "test_rows": 143, "split": "train.py:25", "fit_before_split": True,
             "evaluated_after": True, "leak": True}]},
        "summary": {"reproduced": 3, "within_variability": 0, "not_reproduced": 1, "not_computed": 0, "claims": 4,
                    "published_run": "ok", "failed_runs": [], "deterministic": True},
    }


# -- the bundled example, built once ------------------------------------------------------------------------------------
def rendered(report: dict) -> dict:
    """The report as HTML and PDF, with the PDF's text and every URL the renderer asked for."""
    document = render_html(report)
    log: list[str] = []
    pdf = render_pdf(report, fetcher=make_fetcher(log), html=document)
    return {"report": report, "html": document, "markup": Markup(document), "pdf": pdf, "text": pdf_text(pdf),
            "fetched": log}


@pytest.fixture(scope="module")
def example():
    return rendered(report_of(EXAMPLE, [EXAMPLE / "paper.md"]))


@pytest.fixture(scope="module")
def reproduced():
    record = normalise_record(sample_record(), source="record sample.json")
    return rendered(report_of(REPRO_EXAMPLE, [REPRO_EXAMPLE / "paper.md"], record=record))


@pytest.fixture(scope="module")
def check_json():
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--manuscript", str(EXAMPLE / "paper.md"), "-f", "json",
                                       "--isolated", "--no-cache"])
    return json.loads(result.stdout)


# -- contents ------------------------------------------------------------------------------------------------------------
def test_summary_counts_the_findings_of_check_by_severity(example, check_json):
    counts = example["report"]["summary"]["findings"]
    for severity in ("error", "warning", "info"):
        assert counts[severity] == sum(1 for f in check_json["findings"] if f["severity"] == severity)
    assert counts == {"error": 2, "warning": 20, "info": 4}


def test_summary_gives_a_verdict_per_area_and_says_nothing_was_re_executed(example):
    areas = {a["area"]: a for a in example["report"]["summary"]["areas"]}
    assert areas["data"]["verdict"] == "serious issues"   # DLR102, DLR106
    assert areas["ethics"]["verdict"] == "issues to address"
    assert areas["reexecution"]["verdict"] == "not re-executed"
    assert example["report"]["summary"]["reproduced"] is None


def test_every_finding_is_under_its_tip_with_the_fix_advice(example, check_json):
    tips = example["report"]["tips"]
    assert [tip["number"] for tip in tips] == list(range(1, 11))
    placed = [(f["rule"], f["location"]) for tip in tips for f in tip["findings"] if tip["number"] == f["tip"]]
    assert len(placed) == len(check_json["findings"])
    for tip in tips:
        for group in tip["groups"]:
            assert group["fix"], group["rule"]
    assert {g["rule"] for g in tips[6]["groups"]} >= {"DLR101", "DLR102", "DLR106", "DLR803"}


def test_a_code_finding_shows_its_lines_with_the_finding_line_marked(example):
    [finding] = [f for tip in example["report"]["tips"] for f in tip["findings"]
                 if f["rule"] == "DLR101" and f["path"].endswith("train_leaky.py")]
    shown = finding["evidence"]["excerpt"]
    assert shown["marked"] == [20]
    assert "fit_transform" in shown["lines"][shown["marked"][0] - shown["first"]]
    assert shown["first"] == 18 and len(shown["lines"]) == 5


def test_a_notebook_finding_shows_the_lines_of_its_cell(example):
    [finding] = [f for tip in example["report"]["tips"] for f in tip["findings"]
                 if f["rule"] == "DLR101" and f["path"].endswith(".ipynb")]
    shown = finding["evidence"]["excerpt"]
    assert shown["cell"] == 5 and shown["marked"] == [3]
    assert "scaler.fit_transform(X)" in shown["lines"][3 - shown["first"]]


def test_a_manuscript_finding_quotes_its_sentence_and_line(example):
    [finding] = [f for tip in example["report"]["tips"] for f in tip["findings"] if f["rule"] == "DLR701"]
    assert finding["evidence"]["line"] == 48
    assert "drive malignancy" in finding["evidence"]["sentence"]
    assert finding["kind"] == "manuscript"


def test_html_has_every_section_and_the_code_excerpt_highlighted(example):
    markup = example["markup"]
    assert set(SECTIONS) <= markup.ids()
    marked = [attrs for tag, attrs in markup.tags if tag == "span" and "marked" in attrs.get("class", "")]
    assert len(marked) >= 10
    assert "How to fix" in example["html"]


def test_checklist_table_has_found_items_with_evidence_and_missing_items(example):
    statuses = {item["item"]: item for item in example["report"]["manuscripts"][0]["checklist"]}
    assert statuses["data-source"]["status"] == "found" and statuses["data-source"]["evidence"]["line"] == 13
    assert statuses["ethics-approval"]["status"] == "missing"
    rows = re.findall(r'<tr class="(found|missing|not-applicable)">', example["html"])
    assert rows.count("found") == 14 and rows.count("missing") == 8


def test_ethics_section_detects_human_data_drafts_a_model_card_and_lists_questions(example):
    ethics = example["report"]["ethics"]
    assert ethics["human_data"]["detected"] is True
    assert any("load_breast_cancer" in evidence for evidence in ethics["human_data"]["evidence"])
    assert ethics["ethics_register"]["present"] == [] and ethics["model_card"]["present"] == []
    draft = ethics["model_card_draft"]
    assert draft["training_data"].startswith("We used the Wisconsin Diagnostic Breast Cancer data set")
    assert draft["limitations_stated"] == "not detected"
    assert any("ethics committee" in q for q in ethics["questions"])
    assert any("consent" in q for q in ethics["questions"])
    assert "Model card (draft)" in example["html"]


def test_dome_export_fills_fields_and_says_not_detected_never_absent(example):
    dome = dome_document(example["report"])
    assert set(dome) >= {"data", "optimisation", "model", "evaluation", "generated_by", "reference"}
    assert dome["data"]["provenance"]["status"] == "reported in part"   # source found, version not
    assert dome["data"]["provenance"]["evidence"][0]["line"] == 13
    assert dome["optimisation"]["data_encoding"]["status"] == "not detected"
    statuses = {field["status"] for area in ("data", "optimisation", "model", "evaluation")
                for field in dome[area].values()}
    assert "not detected" in statuses and not any("absent" in status for status in statuses)
    assert dome["generated_by"]["report_sha256"] == example["report"]["provenance"]["content_sha256"]


def test_provenance_names_version_rule_set_date_commit_and_a_verifiable_hash(example):
    provenance = example["report"]["provenance"]
    assert provenance["version"] and provenance["rule_set"]["rules"] >= 50
    assert provenance["date"] == "2026-01-02T03:04:05Z"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=False)
    if head.returncode == 0:
        assert provenance["repository"]["commit"] == head.stdout.strip()
    assert verify(example["report"])
    tampered = copy.deepcopy(example["report"])
    tampered["summary"]["findings"]["error"] = 0
    assert not verify(tampered)


def test_provenance_outside_a_git_repository(tmp_path):
    (tmp_path / "train.py").write_text("import numpy\n", encoding="utf-8")
    report = report_of(tmp_path)
    assert report["provenance"]["repository"]["commit"] == NOT_A_REPOSITORY


def test_same_inputs_give_the_same_json_except_the_date(example):
    later = report_of(EXAMPLE, [EXAMPLE / "paper.md"], now=NOW + datetime.timedelta(days=3))
    first, second = copy.deepcopy(example["report"]), copy.deepcopy(later)
    for document in (first, second):
        document["provenance"]["date"] = document["provenance"]["content_sha256"] = ""
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


# -- reproduction --------------------------------------------------------------------------------------------------------
def test_reproduction_section_shows_reported_against_reproduced_with_seed_spread(reproduced):
    reproduction = reproduced["report"]["reproduction"]
    claims = {(c["metric"], c["reported_text"]): c for c in reproduction["claims"]}
    assert claims[("accuracy", "91%")]["verdict"] == "not_reproduced"
    assert claims[("accuracy", "91%")]["difference"] == pytest.approx(0.048)
    assert claims[("roc_auc", "0.991")]["seeds"]["n"] == 3
    assert reproduction["verdict"] == "not reproduced"
    text = squeeze(reproduced["text"])
    for expected in ("Reportedandreproducedvalues", "91%", "0.9580", "+0.0480", "Determinism", "Label-shufflecontrol",
                     "Leakageatruntime", "StandardScaler.fit_transformattrain.py:24saw143ofthe143testrows",
                     "NVIDIAH200", "2.13.0", "read-only-mounts,landlock", "network-namespace", "seed-0-repeat",
                     "label-shuffle-2"):
        assert expected in text, expected


def test_runtime_leak_and_unreproduced_value_appear_under_their_tips(reproduced):
    tips = {tip["number"]: tip for tip in reproduced["report"]["tips"]}
    assert any(f["kind"] == "reproduction" and f["title"] == "Leakage confirmed at run time"
               for f in tips[7]["findings"])
    assert any(f["title"] == "Reported value not reproduced" for f in tips[3]["findings"])
    areas = {a["area"]: a for a in reproduced["report"]["summary"]["areas"]}
    assert areas["reexecution"]["verdict"] == "not reproduced"
    assert areas["data"]["verdict"] == "serious issues"


def test_three_figures_are_inline_svg_with_their_labels(reproduced):
    images = [attrs for tag, attrs in reproduced["markup"].tags if tag == "img"]
    assert len(images) == 3
    titles = [figure["title"] for figure in reproduced["report"]["figures"]]
    assert titles == ["Reported and reproduced values", "Distribution over seeds", "Real and shuffled labels"]
    for attrs in images:
        assert attrs["src"].startswith("data:image/svg+xml;base64,")
        svg = base64.b64decode(attrs["src"].split(",", 1)[1]).decode("utf-8")
        assert "<svg" in svg and "<script" not in svg and "http://www.w3.org" in svg
        assert "ROC AUC · MLP" in svg and "accuracy · logistic regression" in svg
        assert "<dc:date>" not in svg
    for title in titles:
        assert title in reproduced["text"]


def test_figures_are_the_same_bytes_every_time(reproduced):
    again = render_html(reproduced["report"])
    assert again == reproduced["html"]


def test_dome_export_uses_the_reproduction(reproduced):
    dome = reproduced["report"]["dome"]
    assert dome["model"]["execution_time"]["status"] == "measured"
    assert dome["evaluation"]["evaluation_availability"]["status"] == "re-executed"
    assert any(c["rule"] == "reproduce" and c["title"] == "Leakage confirmed at run time" and c["id"].startswith("R")
               for c in dome["data"]["redundancy_between_splits"]["concerns"])
    assert any(c["rule"] == "reproduce" and c["title"] == "Reported value not reproduced"
               for c in dome["evaluation"]["evaluation_availability"]["concerns"])


def test_a_record_with_missing_keys_still_gives_a_report(tmp_path):
    record = normalise_record({"tool": TOOL, "summary": {},
                               "claims": [{"claim": {"metric": "accuracy", "value": 0.9, "text": "0.9"},
                                           "verdict": "reproduced", "measured": 0.9}]}, source="test")
    (tmp_path / "train.py").write_text("print(1)\n", encoding="utf-8")
    report = report_of(tmp_path, record=record)
    document = render_html(report)
    assert "Reported and reproduced values" in document and "reproduced" in document


def test_a_file_that_is_not_a_record_is_rejected():
    with pytest.raises(ReportError, match="not a `dlreview reproduce` JSON record"):
        normalise_record({"findings": []}, source="test")
    with pytest.raises(ReportError, match="unexpected shape"):
        normalise_record({"tool": TOOL, "summary": {}, "claims": [], "leakage": "none"}, source="test")


def test_reproduce_runs_in_process_and_fills_the_section(tmp_path):
    study = tmp_path / "tiny"
    study.mkdir()
    (study / "train.py").write_text(textwrap.dedent("""\
        import json, os
        seed = os.environ.get("DLREVIEW_SEED", "")
        shuffled = os.environ.get("DLREVIEW_SHUFFLE_LABELS") == "1"
        value = 0.52 if shuffled else {"": 0.900, "0": 0.880, "1": 0.920}.get(seed, 0.9)
        json.dump({"model": {"accuracy": value}}, open("metrics.json", "w"))
        """), encoding="utf-8")
    (study / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.dlreview.reproduce]
        command = "python train.py"
        seeds = 2
        metrics-file = "metrics.json"

        [[tool.dlreview.reproduce.claims]]
        metric = "accuracy"
        value = "0.90"
        key = "model.accuracy"
        """), encoding="utf-8")
    out = tmp_path / "out" / "report.json"
    result = cli(str(study), "--reproduce", "--seeds", "3", "--device", "cpu", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    reproduction = json.loads(out.read_text())["reproduction"]
    assert reproduction["source"] == "re-executed for this report"
    [entry] = reproduction["claims"]
    # --seeds 3 overrides the study's own seeds = 2
    assert entry["verdict"] == "reproduced" and entry["seeds"]["values"] == [0.88, 0.92, 0.9]
    assert entry["label_shuffle"]["mean"] == pytest.approx(0.52)


# -- what a record may and may not say -----------------------------------------------------------------------------------
def report_with_record(record: dict, study: Path = REPRO_EXAMPLE) -> tuple[dict, str]:
    report = report_of(study, record=normalise_record(record, source="record test.json"))
    return report, render_html(report)


def section(document: str, name: str) -> str:
    """The text of one top-level section of the HTML report, tags removed."""
    found = re.search(rf'<section id="{name}".*?</section>', document, re.DOTALL)
    assert found, name
    return " ".join("".join(Markup(found.group(0)).text).split())


def test_a_record_of_an_unknown_schema_is_a_one_line_error_naming_the_known_schema():
    for tool in ({"name": "dlreview", "version": "9.0", "schema": 2}, {"name": "dlreview", "version": "0.1.0"}):
        record = {**sample_record(), "tool": tool}
        with pytest.raises(ReportError, match="this report reads schema 1") as raised:
            normalise_record(record, source="test")
        assert "\n" not in str(raised.value)


def test_the_report_reads_the_schema_dlreview_reproduce_writes():
    from dlreview.report.model import RECORD_SCHEMA
    from dlreview.reproduce.study import SCHEMA_VERSION

    assert RECORD_SCHEMA == SCHEMA_VERSION


def test_a_record_of_another_study_is_kept_with_a_visible_warning():
    record = sample_record()
    record["study"]["path"] = "/elsewhere/some-other-study"
    report, document = report_with_record(record)
    [warning] = report["reproduction"]["warnings"]
    assert "some-other-study" in warning and "reproduce-study" in warning and "another study" in warning
    assert report["reproduction"]["claims"]   # kept
    assert "may be of another study" in section(document, "summary")
    assert "some-other-study" in section(document, "reproduction")


def test_a_record_of_the_audited_study_has_no_warning(reproduced, tmp_path, monkeypatch):
    assert reproduced["report"]["reproduction"]["warnings"] == []
    assert "may be of another study" not in reproduced["html"]
    study = tmp_path / "study"   # `dlreview report . --reproduce` records the study as "."
    study.mkdir()
    (study / "train.py").write_text("print(1)\n", encoding="utf-8")
    monkeypatch.chdir(study)
    record = sample_record()
    record["study"]["path"] = "."
    report, _ = report_with_record(record, study=Path("."))
    assert report["reproduction"]["warnings"] == [] and report["reproduction"]["study"] == "."


def test_a_record_with_no_reported_values_has_nothing_to_verify():
    record = sample_record()
    record["claims"] = []
    record["leakage"] = {"splits": 1, "fits_checked": 1, "confirmed": False, "fits": []}
    record["summary"].update(reproduced=0, not_reproduced=0, claims=0)
    report, document = report_with_record(record)
    assert report["reproduction"]["verdict"] == "nothing to verify"
    assert "0 of 0" not in report["reproduction"]["headline"]
    areas = {a["area"]: a for a in report["summary"]["areas"]}
    assert areas["reexecution"]["verdict"] == "nothing to verify"
    summary = section(document, "summary")
    assert "nothing to verify" in summary and "0/0" not in summary and "reproduced" not in summary


def shuffle_not_applied(record: dict, near_chance=None) -> dict:
    """The record's label-shuffle controls as `dlreview reproduce` writes them when no label was shuffled."""
    for entry in record["claims"]:
        entry["label_shuffle"] = {"applied": False, "values": [entry["measured"]] * 3, "mean": entry["measured"],
                                  "sd": 0.0, "n": 3, "chance": None, "near_chance": near_chance,
                                  "note": "no labels were shuffled: no scikit-learn fit, and the code did not opt in "
                                          "(DLREVIEW_SHUFFLE_LABELS)"}
    return record


def test_a_label_shuffle_that_was_not_applied_says_so_and_warns_of_nothing():
    report, document = report_with_record(shuffle_not_applied(sample_record(), near_chance=False))
    shown = section(document, "reproduction")
    assert "not applied (no scikit-learn fit, and the code did not opt in)" in shown
    assert "may leak labels" not in document
    assert not [f for tip in report["tips"] for f in tip["findings"] if f["title"] == "Label-shuffle control above chance"]


def test_a_label_shuffle_that_was_not_applied_is_not_in_figure_3_nor_in_dome():
    report, document = report_with_record(shuffle_not_applied(sample_record()))
    assert "label_shuffle" not in [figure["kind"] for figure in report["figures"]]
    assert len([tag for tag, _ in Markup(document).tags if tag == "img"]) == 2
    evidence = [e for area in ("data", "optimisation", "model", "evaluation") for field in report["dome"][area].values()
                for e in field["evidence"]]
    assert not [e for e in evidence if "shuffled labels" in e["text"]]


def test_a_record_without_the_applied_key_treats_the_control_as_applied(reproduced):
    [claim, *_] = reproduced["report"]["reproduction"]["claims"]
    assert claim["label_shuffle"]["applied"] is True
    assert "label_shuffle" in [figure["kind"] for figure in reproduced["report"]["figures"]]


def test_determinism_with_no_metric_recorded_is_not_checked_not_nondeterministic():
    unknown = sample_record()
    unknown["determinism"] = {"seed": 0, "identical": None, "compared": 0, "differences": [],
                              "note": "no metric was recorded in either run: nothing to compare"}
    unknown["summary"]["deterministic"] = None
    older = sample_record()   # before the note: `identical: false` with nothing compared
    older["determinism"] = {"seed": 0, "identical": False, "compared": 0, "differences": []}
    older["summary"]["deterministic"] = False
    for record in (unknown, older):
        record["leakage"]["confirmed"], record["leakage"]["fits"] = False, []
        report, document = report_with_record(record)
        shown = section(document, "reproduction")
        assert "Not checked: no metric recorded" in shown
        assert "not deterministic" not in shown.lower() and "deterministic" not in report["reproduction"]["headline"]
        assert not [f for tip in report["tips"] for f in tip["findings"] if f["title"] == "Not deterministic"]


def test_dome_places_each_checklist_item_in_the_area_the_checklist_gives_it(example):
    from dlreview.manuscript.checklist import ITEM_BY_RULE, ITEMS

    areas = {item.key: item.dome.lower() for item in ITEMS}
    dome = example["report"]["dome"]
    placed = 0
    for area in ("data", "optimisation", "model", "evaluation"):
        for name, field in dome[area].items():
            for evidence in field["evidence"]:
                if evidence.get("item"):
                    placed += 1
                    assert areas[evidence["item"]] in (area, "reporting"), (evidence["item"], area, name)
            for concern in field["concerns"]:
                item = ITEM_BY_RULE.get(concern["rule"])
                assert item is None or item.dome.lower() in (area, "reporting"), (concern["rule"], area, name)
    assert placed >= 12


def test_every_checklist_item_of_a_dome_area_has_one_dome_field():
    from dlreview.manuscript.checklist import ITEMS
    from dlreview.report.dome import FIELDS, field_of

    for item in ITEMS:
        where = field_of(item)
        if item.dome.lower() in FIELDS:
            assert where is not None and where[0] == item.dome.lower() and where[1] in FIELDS[where[0]], item.key
        elif where is not None:
            assert where[1] in FIELDS[where[0]], item.key


def test_dome_fields_name_only_real_rules():
    from dlreview.report.dome import FIELDS
    from dlreview.rulespec import load_specs

    specs = load_specs()
    named = {rule for fields in FIELDS.values() for rules, _asks in fields.values() for rule in rules}
    assert named and named <= set(specs), named - set(specs)


def test_dome_places_runtime_findings_by_what_they_are():
    from dlreview.manuscript.checklist import ITEMS
    from dlreview.report.dome import field_of

    record = sample_record()
    record["claims"][0]["label_shuffle"].update(mean=0.93, near_chance=False)
    record["determinism"] = {"seed": 0, "identical": False, "compared": 8,
                             "differences": [{"index": 0, "metric": "accuracy", "where": "train.py:30", "first": 0.9,
                                              "second": 0.91}]}
    report, _ = report_with_record(record)
    item = {item.key: item for item in ITEMS}
    for title, key in (("Label-shuffle control above chance", "negative-control"), ("Not deterministic", "seeds"),
                       ("Leakage confirmed at run time", "split-independence")):
        area, name = field_of(item[key])
        assert any(c.get("title") == title for c in report["dome"][area][name]["concerns"]), title


def test_every_metric_name_has_a_display_name():
    from dlreview.manuscript.claims import METRICS
    from dlreview.report.model import METRIC_DISPLAY, metric_name

    assert set(METRIC_DISPLAY) == set(METRICS)
    assert metric_name("roc_auc") == "ROC AUC" and metric_name("balanced_accuracy") == "balanced accuracy"


def figure_of(kind: str, claims: list[dict], monkeypatch):
    """The matplotlib figure a report figure is drawn as (before it becomes SVG)."""
    from dlreview.report import plots

    drawn = []
    monkeypatch.setattr(plots, "_svg", lambda figure: drawn.append(figure) or "")
    plots.draw(kind, claims)
    return drawn[0]


def test_intervals_of_proportions_are_clamped_to_0_1(monkeypatch):
    record = sample_record()
    record["claims"][0]["seeds"].update(mean=0.995, ci95=[0.97, 1.02])   # ROC AUC
    report, document = report_with_record(record)
    claim = report["reproduction"]["claims"][0]
    assert claim["seeds"]["ci95"] == [0.97, 1.0]
    assert "[0.9700, 1.0000]" in section(document, "reproduction") and "1.0200" not in document
    axes = figure_of("reported_vs_reproduced", [claim], monkeypatch).axes[0]
    assert axes.get_xlim()[1] <= 1.0


def test_one_seed_shows_no_interval(monkeypatch):
    record = sample_record()
    record["claims"][0]["seeds"] = {"n": 1, "values": [0.994], "mean": 0.994, "sd": 0.0, "ci95": [0.994, 0.994],
                                    "min": 0.994, "max": 0.994}
    report, document = report_with_record(record)
    claim = report["reproduction"]["claims"][0]
    assert claim["seeds"]["ci95"] == [None, None] and claim["seeds"]["sd"] is None
    assert "[0.9940, 0.9940]" not in document and "no interval, n=1" in section(document, "reproduction")
    axes = figure_of("reported_vs_reproduced", [claim], monkeypatch).axes[0]
    [bars] = [container for container in axes.containers if hasattr(container, "has_xerr")]
    assert not bars.has_xerr


def test_no_absolute_path_of_the_reviewer_appears_in_the_report(tmp_path, monkeypatch):
    home = tmp_path / "home" / "reviewer"
    monkeypatch.setenv("HOME", str(home))
    study = home / "study"
    study.mkdir(parents=True)
    (study / "train.py").write_text(textwrap.dedent("""\
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from sklearn.datasets import load_breast_cancer
        X, y = load_breast_cancer(return_X_y=True)
        X = StandardScaler().fit_transform(X)
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        """), encoding="utf-8")
    (study / "broken.ipynb").write_text("{not a notebook", encoding="utf-8")
    (study / "paper.md").write_text("# A study\n\nWe used the Wisconsin breast cancer data of 569 patients.\n",
                                    encoding="utf-8")
    record = sample_record()
    record["study"]["path"] = str(study)
    record["runs"][1]["status"] = "failed"
    record["runs"][1]["commands"][0].update(status="failed", exit_code=1,
                                            stderr_tail=f'File "{study}/train.py", line 5\nValueError: bad')
    saved = home / "record.json"
    saved.write_text(json.dumps(record), encoding="utf-8")
    from dlreview.report import read_record

    report = build_report([study.resolve()], settings(), manuscripts=[(study / "paper.md").resolve()],
                          record=read_record(saved.resolve()), use_cache=False, now=NOW)
    document = render_html(report)
    assert report["errors"] and report["reproduction"]["runs"][1]["failure"]
    for text in (document, json.dumps(report, ensure_ascii=False), json.dumps(dome_document(report))):
        assert str(tmp_path) not in text
    assert report["subject"]["paths"] == ["study"] and report["provenance"]["repository"]["path"] == "study"
    assert any(f["location"].startswith("study/train.py:") for tip in report["tips"] for f in tip["findings"])


def test_the_contents_list_numbers_each_tip_once(example):
    contents = example["text"][example["text"].index("Contents"):]
    contents = contents[:contents.index("Findings by tip", contents.index("Provenance"))]
    assert "Decidewhetherdeeplearning" in squeeze(contents) and "Tip1." not in squeeze(contents)
    toc = re.search(r'<nav class="toc".*?</nav>', example["html"], re.DOTALL).group(0)
    assert "Tip 1." not in toc
    for tip in example["report"]["tips"]:
        assert f'<li value="{tip["number"]}"><a href="#tip-{tip["number"]}">' in toc


def test_a_manuscript_that_could_not_be_read_is_named_in_the_summary(tmp_path):
    (tmp_path / "train.py").write_text("import numpy\n", encoding="utf-8")
    paper = tmp_path / "paper.pdf"
    paper.write_bytes(b"%PDF-1.4 not really a PDF")
    report = report_of(tmp_path, [paper])
    [unread] = report["subject"]["manuscripts_unread"]
    assert unread["path"].endswith("paper.pdf") and "PDF" in unread["reason"]
    document = render_html(report)
    summary = section(document, "summary")
    assert "The manuscript could not be read" in summary and "paper.pdf" in summary
    assert "No manuscript was given" not in document


# -- PDF -----------------------------------------------------------------------------------------------------------------
def test_pdf_has_a_table_of_contents_with_page_numbers_and_numbered_pages(example):
    text = example["text"]
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
    assert pages >= 8
    assert f"Page {pages} of {pages}" in text
    contents = text[text.index("Contents"):]
    for title in ("Summary", "Findings by tip", "Reporting checklist", "Reproduction", "Ethics",
                  "DOME recommendations", "Provenance"):
        assert re.search(rf"{re.escape(title)}\s*\.*\s*\d+", contents), title


def test_pdf_text_holds_every_section_and_finding_rule(example):
    text = example["text"]
    for heading in ("Summary", "Findings by tip", "Tip 10.", "Reporting checklist", "Questions the authors must answer",
                    "Model card (draft)", "DOME recommendations", "Provenance", "Content hash"):
        assert heading in text, heading
    for rule in {f["rule"] for tip in example["report"]["tips"] for f in tip["findings"]}:
        assert rule in text, rule


def test_no_code_line_is_clipped_in_the_pdf(example):
    text = squeeze(example["text"])
    lines = [line for tip in example["report"]["tips"] for f in tip["findings"]
             if f["evidence"] and "excerpt" in f["evidence"] for line in f["evidence"]["excerpt"]["lines"]]
    assert len(lines) > 50
    missing = [line for line in lines if squeeze(line) not in text]
    assert not missing


def assert_inside_the_pages(pdf: bytes) -> None:
    """Every character lies within the page's margins: nothing overflows (and would be cut off or run off)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def chars(item):
        if isinstance(item, LTChar):
            yield item
        elif hasattr(item, "__iter__"):
            for child in item:
                yield from chars(child)

    for number, page in enumerate(extract_pages(io.BytesIO(pdf)), start=1):
        outside = [c.get_text() for c in chars(page) if c.x0 < 30 or c.x1 > page.width - 30]
        assert not outside, f"page {number}: {''.join(outside)[:80]}"


def test_no_text_runs_off_the_page(example, reproduced):
    assert_inside_the_pages(example["pdf"])
    assert_inside_the_pages(reproduced["pdf"])


def test_a_long_code_line_wraps_in_the_pdf(tmp_path):
    marker = "".join(f"segment{i:03d}_" for i in range(40))
    (tmp_path / "train.py").write_text(textwrap.dedent(f"""\
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        import numpy as np
        X, y = np.zeros((10, 2)), np.zeros(10)
        X = StandardScaler().fit_transform(X)  # {marker}
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        """), encoding="utf-8")
    report = report_of(tmp_path)
    pdf = render_pdf(report)
    assert squeeze(marker) in squeeze(pdf_text(pdf))
    assert_inside_the_pages(pdf)


def test_pdf_pages_render_and_are_not_blank(example, reproduced, tmp_path):
    pages = render_pages(example["pdf"], tmp_path, 1, 2)
    assert len(pages) == 2 and all(ink(page) > 0.02 for page in pages)
    text = reproduced["text"]
    figure_page = text[:text.index("Reported and reproduced values.")].count("\f") + 1
    (tmp_path / "figures").mkdir()
    [page] = render_pages(reproduced["pdf"], tmp_path / "figures", figure_page, figure_page)
    assert ink(page) > 0.04


def test_pdf_fetches_nothing_but_its_own_data_uris(example, reproduced):
    assert example["fetched"] == []   # no figures without a reproduction
    assert len(reproduced["fetched"]) == 3 and all(url.startswith("data:image/svg+xml") for url in reproduced["fetched"])


# -- HTML in a browser ---------------------------------------------------------------------------------------------------
def test_html_is_self_contained(example, reproduced):
    for case in (example, reproduced):
        tags = case["markup"].tags
        assert not [tag for tag, _ in tags if tag in ("script", "link", "iframe", "object", "embed", "base")]
        sources = [attrs.get("src") for _, attrs in tags if "src" in attrs]
        assert all(source.startswith("data:image/svg+xml;base64,") for source in sources)
        links = [attrs["href"] for _, attrs in tags if "href" in attrs]
        assert all(link.startswith("#") for link in links)


def test_html_renders_on_a_phone_in_headless_chromium(reproduced, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(reproduced["html"], encoding="utf-8")
    shot = tmp_path / "phone.png"
    result = run_chromium(page, f"--screenshot={shot}", "--window-size=390,844")
    assert shot.is_file(), result.stderr[-2000:]
    assert ink(shot) > 0.05
    # a copy with a probe that paints the whole screen green when nothing is wider than the phone, red otherwise
    # (headless Chromium honours --window-size for screenshots, not for --dump-dom)
    probe = tmp_path / "probe.html"
    probe.write_text(reproduced["html"].replace(
        "style-src 'unsafe-inline'\"", "style-src 'unsafe-inline'; script-src 'unsafe-inline'\"").replace(
        "</body>", "<script>var fits = document.documentElement.scrollWidth <= window.innerWidth;"
                   "var cover = document.createElement('div'); cover.style.cssText = 'position:fixed;top:0;left:0;"
                   "width:100vw;height:100vh;z-index:99999;background:' + (fits ? '#00ff00' : '#ff0000');"
                   "document.body.appendChild(cover);</script></body>"), encoding="utf-8")
    painted = tmp_path / "probe.png"
    run_chromium(probe, f"--screenshot={painted}", "--window-size=390,844")
    from PIL import Image

    assert Image.open(painted).convert("RGB").getpixel((5, 5)) == (0, 255, 0), "the report is wider than a phone"
    dom = run_chromium(page, "--dump-dom", "--window-size=390,844").stdout
    rendered = Markup(dom)
    assert set(SECTIONS) <= rendered.ids()
    assert len([a for t, a in rendered.tags if t == "figure" and "plot" in a.get("class", "")]) == 3


# -- hostile input -------------------------------------------------------------------------------------------------------
class Listener(http.server.BaseHTTPRequestHandler):
    hits: typing.ClassVar[list[str]] = []

    def do_GET(self):
        Listener.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def listener():
    server = http.server.HTTPServer(("127.0.0.1", 0), Listener)
    Listener.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def hostile_study(folder: Path, url: str, secret: Path) -> Path:
    payload = (f'<script>alert(1)</script> <img src="file://{secret}"> <link rel="stylesheet" href="{url}/css"> '
               f'<style>@import url({url}/import);</style> url(file://{secret}) javascript:alert(2) '
               f'<iframe src="{url}/frame"></iframe>')
    study = folder / "study"
    study.mkdir()
    name = '<img src=x onerror=alert(3)>.py'
    (study / name).write_text(textwrap.dedent(f"""\
        from sklearn.model_selection import train_test_split
        from sklearn.preprocessing import StandardScaler
        from sklearn.datasets import load_breast_cancer
        X, y = load_breast_cancer(return_X_y=True)
        # {payload}
        X = StandardScaler().fit_transform(X)  # {payload}
        X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
        """), encoding="utf-8")
    (study / "paper.md").write_text(textwrap.dedent(f"""\
        # Nuclei <script>alert(4)</script> drive cancer

        ## Methods

        We used the Wisconsin breast cancer data of 569 patients {payload}.

        ## Discussion

        The feature importances show that larger nuclei drive malignancy {payload}.
        """), encoding="utf-8")
    return study


def test_markup_and_file_urls_in_the_study_are_escaped_and_never_fetched(tmp_path, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    study = hostile_study(tmp_path, listener, secret)
    report = report_of(study, [study / "paper.md"])
    document = render_html(report)
    markup = Markup(document)

    # nothing from the input became an element or an attribute
    assert not [tag for tag, _ in markup.tags if tag in ("script", "link", "iframe", "object", "embed", "base")]
    assert [tag for tag, _ in markup.tags].count("style") == 1   # the report's own stylesheet
    for tag, attrs in markup.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for value in attrs.values():
            assert "javascript:" not in (value or "") and "file:" not in (value or "")
        if tag == "img":
            assert attrs["src"].startswith("data:image/svg+xml;base64,")
    # ... but is shown, as text
    text = "".join(markup.text)
    assert '<script>alert(1)</script>' in text and f'<img src="file://{secret}">' in text
    assert '<img src=x onerror=alert(3)>.py' in text
    assert "drive malignancy" in text and '&lt;script&gt;' in document

    # the PDF: the fetcher is asked for data: URIs only, and no file of the study (or the secret) is opened
    opened: list[str] = []
    recording = [True]

    def audit(event, args):
        if recording[0] and event == "open" and isinstance(args[0], (str, bytes, Path)):
            opened.append(str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace")))

    sys.addaudithook(audit)
    log: list[str] = []
    try:
        pdf = render_pdf(report, fetcher=make_fetcher(log), html=document)
    finally:
        recording[0] = False
    assert all(url.startswith("data:") for url in log), log
    assert not [path for path in opened if str(tmp_path) in path or path == "/etc/passwd"], opened
    assert b"TOP-SECRET-CONTENT" not in pdf
    assert "<script>alert(1)</script>" in pdf_text(pdf)   # shown as text

    # a browser shows it without fetching anything either
    page = tmp_path / "report.html"
    page.write_text(document, encoding="utf-8")
    if any(shutil.which(name) for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")):
        dom = run_chromium(page, "--dump-dom", "--window-size=390,844").stdout
        assert "alert(1)" in dom and not re.search(r"<script", dom)
    assert Listener.hits == []


def test_the_fetcher_refuses_file_and_network_urls(listener, tmp_path):
    from dlreview.report.render import FetchRefused

    fetcher = make_fetcher([])
    for url in (f"file://{tmp_path}", f"{listener}/x.css", "javascript:alert(1)"):
        with pytest.raises(FetchRefused, match="refuses to fetch"):
            fetcher.fetch(url)
    with pytest.raises(FetchRefused, match="refuses a data: URI of type text/html"):
        fetcher.fetch("data:text/html,<script>")
    assert Listener.hits == []


def test_even_live_markup_in_the_pdf_renderer_fetches_nothing(listener, tmp_path):
    """Defence in depth: were a template ever to let markup through, weasyprint still reads no file or URL."""
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>TOP-SECRET</text></svg>',
                      encoding="utf-8")
    page = (f'<html><head><link rel="stylesheet" href="{listener}/a.css"><style>@import url({listener}/b.css); '
            f'body {{ background: url(file://{secret}) }}</style></head><body><p>visible</p>'
            f'<img src="file://{secret}"><img src="{listener}/c.png"><img src="relative.png">'
            f'<iframe src="file:///etc/passwd"></iframe></body></html>')
    log: list[str] = []
    pdf = render_pdf({}, fetcher=make_fetcher(log), html=page)
    assert "visible" in pdf_text(pdf) and "TOP-SECRET" not in pdf_text(pdf)
    assert any(url.startswith("file:") for url in log) and any(url.startswith("http:") for url in log)
    assert Listener.hits == []


# -- the command ---------------------------------------------------------------------------------------------------------
def test_cli_writes_the_html_with_its_json_and_dome_exports(tmp_path):
    out = tmp_path / "out" / "report.html"
    result = cli(str(EXAMPLE), "--manuscript", str(EXAMPLE / "paper.md"), "-o", str(out), "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith("<!DOCTYPE html>")
    exported = json.loads((tmp_path / "out" / "report.json").read_text())
    assert verify(exported)
    dome = json.loads((tmp_path / "out" / "report.dome.json").read_text())
    assert dome["recommendations"] == "DOME" and dome["generated_by"]["report_sha256"] == \
        exported["provenance"]["content_sha256"]
    again = cli(str(EXAMPLE), "--manuscript", str(EXAMPLE / "paper.md"), "-o", str(out))   # an earlier report
    assert again.exit_code == 0, again.stderr


def test_cli_writes_a_pdf_from_a_record_made_elsewhere(tmp_path):
    record = tmp_path / "record.json"
    record.write_text(json.dumps(sample_record()), encoding="utf-8")
    out = tmp_path / "report.pdf"
    result = cli(str(REPRO_EXAMPLE), "--reproduce-record", str(record), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Reported and reproduced values" in pdf_text(out.read_bytes())


@pytest.mark.parametrize("args, message", [
    ([], "give the report's file with -o"),
    (["-o", "report.docx"], "the report is .html, .pdf or .json"),
    (["--manuscript", "missing.md", "-o", "r.html"], "--manuscript missing.md: no such file"),
    (["--reproduce", "--reproduce-record", "x.json", "-o", "r.html"], "exclude each other"),
    (["--reproduce-record", "missing.json", "-o", "r.html"], "--reproduce-record missing.json: no such file"),
    (["--seeds", "2", "-o", "r.html"], "--seeds and --device go with --reproduce"),
])
def test_bad_options_are_one_line_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train.py").write_text("print(1)\n", encoding="utf-8")
    result = cli(".", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("dlreview: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_record_that_is_not_json_or_not_a_record_is_a_one_line_error(tmp_path):
    (tmp_path / "train.py").write_text("print(1)\n", encoding="utf-8")
    for content, message in (("{not json", "not JSON"), ('{"findings": []}', "not a `dlreview reproduce` JSON record")):
        record = tmp_path / "record.json"
        record.write_text(content, encoding="utf-8")
        result = cli(str(tmp_path), "--reproduce-record", str(record), "-o", str(tmp_path / "out.html"))
        assert result.exit_code == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_a_missing_study_is_a_one_line_error(tmp_path):
    result = cli(str(tmp_path / "nowhere"), "-o", str(tmp_path / "r.html"))
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_reproduce_without_configuration_is_a_one_line_error(tmp_path):
    (tmp_path / "a.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("print(2)\n", encoding="utf-8")
    result = cli(str(tmp_path), "--reproduce", "-o", str(tmp_path / "out" / "r.html"))
    assert result.exit_code == 2 and result.stderr.startswith("dlreview: error: reproduce:")
    assert "Traceback" not in result.stderr


def test_output_never_overwrites_an_input_or_a_file_of_the_study(tmp_path):
    study = tmp_path / "study"
    study.mkdir()
    (study / "train.py").write_text("print(1)\n", encoding="utf-8")
    paper = study / "paper.pdf"
    paper.write_bytes(b"%PDF-1.4 not ours")
    data = study / "data.json"
    data.write_text('{"rows": [1, 2]}', encoding="utf-8")
    for out in (paper, data, study / "data.html"):
        if out.suffix == ".html":
            out.write_text("<html>the authors' page</html>", encoding="utf-8")
        before = out.read_bytes()
        result = cli(str(study), "-o", str(out))
        assert result.exit_code == 2 and "refusing to overwrite" in result.stderr, out
        assert out.read_bytes() == before
    # the JSON export beside an HTML report is protected too
    result = cli(str(study), "-o", str(study / "data.html"))
    assert result.exit_code == 2
    assert data.read_text() == '{"rows": [1, 2]}'


# -- packaging -----------------------------------------------------------------------------------------------------------
def test_templates_are_found_in_the_source_tree():
    assert (templates_dir() / "report.html.jinja").is_file()
    assert (templates_dir() / "css" / "print.css").is_file()


@pytest.mark.slow
def test_templates_are_in_the_wheel(tmp_path):
    """templates/ reaches the wheel only through hatch's force-include (templates -> dlreview/_templates)."""
    import importlib.util
    import zipfile

    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--wheel-dir", str(tmp_path), str(REPO)]
    if importlib.util.find_spec("hatchling") is not None:
        command.insert(4, "--no-build-isolation")   # offline
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("dlreview-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = [p.relative_to(REPO / "templates").as_posix() for p in (REPO / "templates").rglob("*") if p.is_file()]
    assert templates and all(f"dlreview/_templates/{name}" in names for name in templates)
    assert not [name for name in names if name.startswith("templates/")]
    # the unpacked wheel, away from the source tree, finds its templates and writes a report
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    study = tmp_path / "study"
    study.mkdir()
    (study / "train.py").write_text("import random\nprint(random.random())\n", encoding="utf-8")
    script = (f"import sys; sys.path.insert(0, {str(unpacked)!r}); import dlreview.report.render as r; "
              f"assert r.templates_dir() == r.Path({str(unpacked)!r}) / 'dlreview' / '_templates', r.templates_dir(); "
              f"from dlreview.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", script, "report", str(study), "-o", str(tmp_path / "r.html"),
                           "--isolated", "--no-cache"], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Findings by tip" in (tmp_path / "r.html").read_text(encoding="utf-8")


# -- the CLI's outputs, from the review ----------------------------------------------------------------------------
def test_side_files_are_named_from_the_whole_name_and_never_replace_a_users_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "train.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.json").write_text('{"important": 1}\n', encoding="utf-8")
    result = cli("study", "-o", "out/report.v2.html")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "report.v2.json").is_file() and (tmp_path / "out" / "report.v2.dome.json").is_file()
    assert (tmp_path / "out" / "report.json").read_text() == '{"important": 1}\n'
    (tmp_path / "out" / "mine.json").write_text('{"important": 2}\n', encoding="utf-8")
    refused = cli("study", "-o", "out/mine.html")
    assert refused.exit_code == 2 and "not an earlier dlreview report" in refused.stderr
    assert (tmp_path / "out" / "mine.json").read_text() == '{"important": 2}\n'


def test_a_manuscript_that_cannot_be_read_makes_the_report_exit_2_but_it_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "train.py").write_text("print(1)\n", encoding="utf-8")
    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.7\nnot a pdf\n")
    result = cli("study", "-m", "damaged.pdf", "-o", "r.html")
    assert result.exit_code == 2 and "damaged.pdf" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "r.html").is_file()
