"""Manuscript review: readers (Markdown, LaTeX, PDF), claimed metrics, causal language, outputs and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dlreview.manuscript import ManuscriptError, extract_claims, read_document, review
from dlreview.manuscript.causal import causal_sentences
from dlreview.manuscript.checklist import evaluate
from dlreview.manuscript.document import section_kind, split_sentences

weasyprint = pytest.importorskip("weasyprint")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pdf_from_html(html: str, path: Path) -> Path:
    """A PDF made the way journals make them: laid out by a browser engine, text hyphenated, maybe in columns."""
    weasyprint.HTML(string=html, base_url=str(path.parent)).write_pdf(path)
    return path


def statuses(document) -> dict[str, str]:
    return {status.item.key: status.status for status in evaluate(document)}


# ------------------------------------------------------------------------------------------------------ sentences
def test_sentences_split_at_full_stops_but_not_at_abbreviations_initials_or_decimals():
    text = ("Smith et al. reported an AUC of 0.91 in Fig. 2. We used e.g. dropout. J. Smith agreed. "
            "Accuracy was 91.5%! Is it? Yes.")
    assert [s for _, s in split_sentences(text)] == [
        "Smith et al. reported an AUC of 0.91 in Fig. 2.", "We used e.g. dropout.", "J. Smith agreed.",
        "Accuracy was 91.5%!", "Is it?", "Yes."]


@pytest.mark.parametrize(("heading", "kind"), [
    ("2. Materials and Methods", "methods"), ("Results", "results"), ("RESULTS AND DISCUSSION", "results"),
    ("Limitations of this study", "limitations"), ("Data availability", "availability"),
    ("Code and data availability", "availability"), ("Ethics statement", "ethics"), ("4 Discussion", "discussion"),
    ("Acknowledgements", "acknowledgements"), ("A new heading", "other"), ("Abstract", "abstract"),
])
def test_section_kinds(heading, kind):
    assert section_kind(heading) == kind


# ------------------------------------------------------------------------------------------------------ Markdown
MARKDOWN = """\
# A CNN for sepsis

## Abstract

We trained a CNN on 1,204 admissions.
It reached an AUROC of 0.91 (95% CI 0.88-0.94) on the test set.

<!-- reviewer note: our model proves lactate causes death -->

## Methods

Data were obtained from MIMIC-IV v2.2 (accessed 12 March 2024)
and split by patient into training (n = 800) and test (n = 404) sets.

| Model | AUROC | F1 (%) |
|---|---|---|
| CNN | 0.91 ± 0.02 | 78.4 |
| Logistic regression | 0.85 | 70.0 |

Table 1: Performance on the held-out test set.

```python
model.fit(X_test, y_test)  # code in a fence is not prose
```

**Limitations**

A limitation of this study is its single centre.
"""


def test_markdown_sentences_have_lines_sections_and_skip_comments_and_code(tmp_path):
    document = read_document(write(tmp_path / "paper.md", MARKDOWN), "paper.md")
    by_text = {s.text: s for s in document.sentences}
    data = by_text["Data were obtained from MIMIC-IV v2.2 (accessed 12 March 2024) and split by patient into "
                   "training (n = 800) and test (n = 404) sets."]
    assert (data.place.line, data.section) == (12, "methods")
    assert by_text["It reached an AUROC of 0.91 (95% CI 0.88-0.94) on the test set."].place.line == 6
    assert by_text["A limitation of this study is its single centre."].section == "limitations"
    assert not any("lactate" in s.text or "model.fit" in s.text for s in document.sentences)
    [table] = document.tables
    assert table.rows == [["Model", "AUROC", "F1 (%)"], ["CNN", "0.91 ± 0.02", "78.4"],
                          ["Logistic regression", "0.85", "70.0"]]
    assert table.caption == "Table 1: Performance on the held-out test set."
    assert [place.line for place in table.places] == [15, 17, 18]


def test_markdown_claims_from_text_and_table_with_spread_model_and_split(tmp_path):
    claims = extract_claims(write(tmp_path / "paper.md", MARKDOWN))
    found = {(c.metric, c.text, c.model, c.split, c.source, c.line) for c in claims}
    assert found == {
        ("roc_auc", "0.91", None, "test", "text", 6),
        ("roc_auc", "0.91", "CNN", "test", "table", 17),
        ("f1", "78.4", "CNN", "test", "table", 17),
        ("roc_auc", "0.85", "Logistic regression", "test", "table", 18),
        ("f1", "70.0", "Logistic regression", "test", "table", 18),
    }
    text_claim = next(c for c in claims if c.source == "text")
    assert (text_claim.spread.kind, text_claim.spread.low, text_claim.spread.high, text_claim.spread.level) == \
        ("ci", 0.88, 0.94, 95.0)
    f1 = next(c for c in claims if c.metric == "f1" and c.model == "CNN")
    assert (f1.value, f1.percent, f1.decimals) == (0.784, True, 3)   # "(%)" in the header
    assert next(c for c in claims if c.model == "CNN" and c.metric == "roc_auc").spread.value == 0.02


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Our CNN reached an AUROC of 0.912.", [("roc_auc", 0.912, 3, False)]),
    ("The model achieved 91% accuracy on the test set.", [("accuracy", 0.91, 2, True)]),
    ("Accuracy was 88.4% ± 1.1% over five seeds.", [("accuracy", 0.884, 3, True)]),
    ("An AUROC of .912 was obtained.", [("roc_auc", 0.912, 3, False)]),
    ("F1 = 0.78 (SD 0.03) and MCC of 0.52.", [("f1", 0.78, 2, False), ("mcc", 0.52, 2, False)]),
    ("The regression model reached R^2 = 0.64 and an RMSE of 3.4 mmHg.", [("r2", 0.64, 2, False),
                                                                        ("rmse", 3.4, 1, False)]),
    ("Predictions correlated with measurements (Pearson's r = 0.71).", [("pearson_r", 0.71, 2, False)]),
    ("Sensitivity and specificity were 0.85 and 0.90, respectively.",
     [("sensitivity", 0.85, 2, False), ("specificity", 0.9, 2, False)]),
    ("The average precision was 0.43, against a prevalence of 12%.", [("pr_auc", 0.43, 2, False)]),
    ("The balanced accuracy of the classifier was 0.81.", [("balanced_accuracy", 0.81, 2, False)]),
])
def test_claimed_metrics_in_the_forms_papers_write_them(tmp_path, sentence, expected):
    path = write(tmp_path / "paper.md", f"## Results\n\n{sentence}\n")
    assert [(c.metric, c.value, c.decimals, c.percent) for c in extract_claims(path)] == expected


@pytest.mark.parametrize("sentence", [
    "We included 1,204 patients, of whom 12% were positive.",
    "Differences were significant (p < 0.001).",
    "We used a learning rate of 0.001 and a threshold of 0.5 on the predicted probability.",
    "Smith et al. reported an AUC of 0.88 on the same data.",
    "A previous study reported an accuracy of 0.80 [12].",
    "The cohort had a mean age of 64 years.",
    "Training ran for 100 epochs with 95% of the data.",
])
def test_numbers_that_are_not_metric_claims(tmp_path, sentence):
    assert extract_claims(write(tmp_path / "paper.md", f"## Results\n\n{sentence}\n")) == []


def test_respectively_pairs_values_with_models(tmp_path):
    path = write(tmp_path / "paper.md", "## Results\n\nThe AUROC was 0.91 and 0.85 for the CNN and the random "
                                        "forest, respectively.\n")
    assert [(c.value, c.model) for c in extract_claims(path)] == [(0.91, "CNN"), (0.85, "random forest")]


def test_claim_precision_matches_at_the_reported_precision(tmp_path):
    path = write(tmp_path / "paper.md", "## Results\n\nThe AUROC was 0.996 and the accuracy 91%.\n")
    auroc, accuracy = extract_claims(path)
    assert auroc.matches(0.99577) and not auroc.matches(0.9954)
    assert accuracy.matches(0.9104) and not accuracy.matches(0.9151)


# ------------------------------------------------------------------------------------------------------ LaTeX
PREAMBLE = r"""\documentclass{article}
\usepackage{booktabs}
\newcommand{\ours}{DeepX}
% The model proves that gene X causes cancer.
\title{Results: a title that looks like a heading}
\begin{document}
\maketitle
"""


def test_latex_follows_inputs_skips_comments_preamble_and_iffalse(tmp_path):
    write(tmp_path / "sections" / "methods.tex", "Data came from TCGA (release 38).\n% we never fixed a seed\n"
                                                 "We used a learning rate of $10^{-3}$,\nbatch size 64.\n")
    write(tmp_path / "results.tex", "The model reached 91.2\\% accuracy $\\pm$ 1.1\\% on held-out data~\\cite{x}.\n")
    main = write(tmp_path / "paper.tex", PREAMBLE + "\\begin{abstract}\nWe present \\textbf{a CNN}.\n"
                 "\\end{abstract}\n\\section{Methods}\n\\input{sections/methods}\n\\section{Results}\n"
                 "\\include{results}\n\\iffalse\nOur attention weights reveal the causal variants.\n\\fi\n"
                 "\\end{document}\n% after the end\n")
    document = read_document(main, "paper.tex")
    texts = [(s.place.path, s.place.line, s.section, s.text) for s in document.sentences if s.kind == "text"]
    assert texts == [
        ("paper.tex", 9, "abstract", "We present a CNN."),
        ("sections/methods.tex", 1, "methods", "Data came from TCGA (release 38)."),
        ("sections/methods.tex", 3, "methods", "We used a learning rate of 10^-3, batch size 64."),
        ("results.tex", 1, "results", "The model reached 91.2% accuracy ± 1.1% on held-out data."),
    ]
    [claim] = extract_claims(document)
    assert (claim.metric, claim.value, claim.spread.value, claim.path, claim.line) == \
        ("accuracy", 0.912, 0.011, "results.tex", 1)
    assert causal_sentences(document) == []


def test_latex_tables_booktabs_multicolumn_and_caption(tmp_path):
    main = write(tmp_path / "paper.tex", PREAMBLE + r"""\section{Results}
\begin{table}[t]
\caption{Performance on the external test cohort.}
\begin{tabular}{lcc}
\toprule
Model & AUROC & F1 \\
\midrule
CNN & $0.93 \pm 0.01$ & 0.80 \\ % the best
\multicolumn{1}{l}{Random forest} & 0.88 & 0.71 \\
\bottomrule
\end{tabular}
\end{table}
\end{document}
""")
    document = read_document(main, "paper.tex")
    [table] = document.tables
    assert table.rows == [["Model", "AUROC", "F1"], ["CNN", "0.93 ± 0.01", "0.80"], ["Random forest", "0.88", "0.71"]]
    assert table.caption == "Performance on the external test cohort."
    claims = extract_claims(document)
    assert {(c.metric, c.value, c.model, c.split, c.line) for c in claims} == {
        ("roc_auc", 0.93, "CNN", "external", 15), ("f1", 0.8, "CNN", "external", 15),
        ("roc_auc", 0.88, "Random forest", "external", 16), ("f1", 0.71, "Random forest", "external", 16)}


def test_latex_input_of_a_missing_file_is_a_clear_error(tmp_path):
    main = write(tmp_path / "paper.tex", PREAMBLE + "\\input{nowhere}\n\\end{document}\n")
    with pytest.raises(ManuscriptError, match="nowhere"):
        read_document(main, "paper.tex")


def test_latex_input_cycle_is_a_clear_error(tmp_path):
    write(tmp_path / "a.tex", "\\input{b}\n")
    write(tmp_path / "b.tex", "\\input{a}\n")
    with pytest.raises(ManuscriptError, match="cycle"):
        read_document(tmp_path / "a.tex", "a.tex")


# ------------------------------------------------------------------------------------------------------ PDF
TWO_COLUMNS = """<html lang="en"><head><style>
@page { size: A4; margin: 2cm; @bottom-center { content: counter(page); } }
body { font-size: 10pt; }
.columns { column-count: 2; column-gap: 1cm; }
p { hyphens: auto; text-align: justify; }
</style></head><body><div class="columns">
<h2>Abstract</h2>
<p>We trained convolutional neural networks on histopathology images of 2,000 patients for the classification of
tumours. The network reached an accuracy of 88.4% on the independent validation cohort from another hospital.</p>
<h2>Methods</h2>
<p>Images were normalised using statistics computed on the training images only. The data were split by patient
into training (n = 1,400), validation (n = 300) and test (n = 300) sets. Characteristically uninterpretable
internationalisation standardisation representations were avoided throughout the experiments.</p>
<h2>Results</h2>
<p>Our model shows that nuclear pleomorphism drives tumour recurrence in these patients.</p>
</div>
<div class="columns" style="break-before: page">
<h2>Discussion</h2>
<p>Future work should test whether pleomorphism drives recurrence experimentally.</p>
</div></body></html>"""


@pytest.fixture(scope="module")
def two_column_pdf(tmp_path_factory):
    return pdf_from_html(TWO_COLUMNS, tmp_path_factory.mktemp("pdf") / "paper.pdf")


def test_pdf_reads_columns_in_order_joins_hyphenated_words_and_gives_pages(two_column_pdf):
    document = read_document(two_column_pdf, "paper.pdf")
    texts = [s.text for s in document.sentences if s.kind == "text"]
    assert "The data were split by patient into training (n = 1,400), validation (n = 300) and test (n = 300) " \
           "sets." in texts
    assert "Characteristically uninterpretable internationalisation standardisation representations were " \
           "avoided throughout the experiments." in texts
    pages = {s.text: s.place.page for s in document.sentences}
    assert pages["Our model shows that nuclear pleomorphism drives tumour recurrence in these patients."] == 1
    assert pages["Future work should test whether pleomorphism drives recurrence experimentally."] == 2
    assert document.pages == 2
    assert not any(s.text.strip() in ("1", "2") for s in document.sentences)   # page numbers are not text


def test_pdf_findings_and_claims_carry_pages(two_column_pdf):
    result = review(two_column_pdf, "paper.pdf")
    [causal] = [f for f in result.findings if f.rule == "DLR701"]
    assert causal.page == 1 and causal.evidence.startswith("Our model shows that nuclear pleomorphism drives")
    [claim] = result.claims
    assert (claim.metric, claim.value, claim.split, claim.page) == ("accuracy", 0.884, "external", 1)


def test_pdf_without_text_layer_is_a_clear_error(tmp_path):
    pytest.importorskip("PIL")
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (400, 500), "white").save(image)
    scanned = pdf_from_html(f'<html><body><img src="{image.name}" style="width:15cm"></body></html>',
                            tmp_path / "scan.pdf")
    with pytest.raises(ManuscriptError, match="no text layer"):
        read_document(scanned, "scan.pdf")


def test_damaged_pdf_is_a_clear_error(tmp_path):
    damaged = write(tmp_path / "damaged.pdf", "%PDF-1.7\nthis is not a PDF body\n")
    with pytest.raises(ManuscriptError):
        read_document(damaged, "damaged.pdf")


# ------------------------------------------------------------------------------------------------------ causal
@pytest.mark.parametrize("sentence", [
    "Our model shows that expression of gene X drives resistance to cisplatin.",
    "High SHAP values of BMI demonstrate that obesity causes the progression of fibrosis.",
    "Feature importances reveal the mechanism by which the variant disrupts splicing.",
    "The attention weights identify the causal variants of the disease.",
    "Feature importance analysis identified lactate as the main driver of mortality in sepsis.",
    "The model's predictions show that loss of PTEN leads to metastasis.",
    "Our results demonstrate that mutations in BRCA1 cause the observed expression changes.",
    "SHAP analysis shows that high glucose is a key determinant of response to immunotherapy.",
    "Our model shows that hypoxia leads to higher mortality.",
    "Our model reveals the mechanism underlying disease progression.",
])
def test_causal_language_from_model_results_is_flagged(tmp_path, sentence):
    document = read_document(write(tmp_path / "paper.md", f"## Results\n\n{sentence}\n"), "paper.md")
    assert [s.text for s, _ in causal_sentences(document)] == [sentence]


@pytest.mark.parametrize(("section", "sentence"), [
    ("Methods", "We determined the learning rate by grid search on the validation set."),
    ("Results", "Checkpoints were stored on hard drives attached to the cluster."),
    ("Introduction", "Our model builds on the finding that mutations in TP53 drive tumour growth."),
    ("Discussion", "TP53 mutations are known to cause genomic instability [3], which our model reflects."),
    ("Discussion", "These associations may suggest that gene X drives resistance, a hypothesis to test."),
    ("Discussion", "The predictive performance of the model does not imply that gene X causes resistance."),
    ("Discussion", "Future work should test whether the top-ranked gene drives resistance in vitro."),
    ("Results", "Removing the attention layer led to a drop in AUROC of 0.04 for our model."),
    ("Results", "The mechanism of action of cisplatin is known from prior experiments."),
    ("Discussion", "We do not claim that the features identified by our model cause the disease."),
    # causal words about the model itself, its errors and its performance
    ("Results", "We identified which genes drive the model's predictions using SHAP."),
    ("Results", "Most of the model's errors were caused by out-of-focus tiles."),
    ("Results", "The increase in predictive performance was driven by the larger training set."),
    ("Results", "We found that batch effects led to inflated performance estimates."),
    ("Results", "Data augmentation with reverse complements led to a 3-point gain in AUROC for our model."),
    ("Results", "Our model's smaller size leads to faster inference."),
    ("Results", "Our model determines the cell type of each nucleus with 94% accuracy."),
    ("Methods", "Our protein language model is pretrained with a causal language modelling objective."),
    ("Discussion", "Our model is mechanistically interpretable."),
    # causal conclusions from causal methods or experiments
    ("Results", ("Using Mendelian randomisation, we show that BMI causes type 2 diabetes, consistent with the model's "
                "feature importances.")),
    ("Results", ("In the CRISPR knockout experiment, we show that deleting the enhancer caused a 60% drop in "
                "expression, confirming the model's prediction.")),
])
def test_innocent_uses_are_not_flagged(tmp_path, section, sentence):
    document = read_document(write(tmp_path / "paper.md", f"## {section}\n\n{sentence}\n"), "paper.md")
    assert causal_sentences(document) == []


# ------------------------------------------------------------------------------------------------------ checklist
def test_checklist_items_found_missing_and_not_applicable(tmp_path):
    document = read_document(write(tmp_path / "paper.md", MARKDOWN), "paper.md")
    found = statuses(document)
    assert found["data-source"] == found["data-version"] == found["split-sizes"] == "found"
    assert found["split-independence"] == found["baseline"] == found["limitations"] == "found"
    assert found["uncertainty"] == "found"
    assert found["seeds"] == found["code-availability"] == found["ethics-approval"] == "missing"
    assert found["preprocessing-on-train"] == found["interpretability"] == "not_applicable"
    mouse = read_document(write(tmp_path / "mouse.md", "## Methods\n\nWe imaged 300 mouse embryos.\n"), "mouse.md")
    assert statuses(mouse)["ethics-approval"] == statuses(mouse)["consent"] == "not_applicable"


def test_negated_or_deferred_statements_do_not_count(tmp_path):
    path = write(tmp_path / "paper.md", "## Discussion\n\nNo external validation was performed; future work should "
                                        "evaluate the model on an independent cohort.\nWe did not run a label "
                                        "shuffle control.\n")
    found = statuses(read_document(path, "paper.md"))
    assert found["external-validation"] == found["negative-control"] == "missing"


def test_imbalance_without_a_precision_recall_metric_is_reported_on_the_imbalance_sentence(tmp_path):
    path = write(tmp_path / "paper.md", "## Methods\n\nOnly 4% of the admissions were positive.\n\n## Results\n\n"
                                        "The model reached an AUROC of 0.90 and an accuracy of 0.96.\n")
    result = review(path, "paper.md")
    [finding] = [f for f in result.findings if f.rule == "DLR613"]
    assert (finding.line, finding.evidence) == (3, "Only 4% of the admissions were positive.")
    path.write_text(path.read_text() + "The average precision was 0.41.\n")
    assert not [f for f in review(path, "paper.md").findings if f.rule == "DLR613"]


# ------------------------------------------------------------------------------------------------------ CLI
def test_check_a_manuscript_text_json_and_sarif(dlreview, tmp_path):
    write(tmp_path / "paper.md", MARKDOWN + "\n## Results\n\nOur model shows that lactate drives mortality.\n")
    run = dlreview("check", "paper.md")
    assert run.code == 1
    assert "paper.md: DLR611 [warning] the manuscript reports no random seeds" in run.out
    causal_line = next(line for line in run.out.splitlines() if "DLR701" in line)
    assert causal_line.startswith("paper.md:32:1: DLR701")
    assert '    > Our model shows that lactate drives mortality.' in run.out
    document = dlreview("check", "-f", "json", "paper.md").json()
    [manuscript] = document["manuscripts"]
    assert manuscript["format"] == "md" and manuscript["cross_checked"] is False
    items = {item["item"]: item for item in manuscript["checklist"]}
    assert items["data-source"]["status"] == "found"
    assert items["data-source"]["evidence"]["line"] == 12
    assert items["seeds"]["status"] == "missing"
    assert {"metric": "roc_auc", "value": 0.91, "model": "CNN", "split": "test", "source": "table"}.items() <= \
        manuscript["claims"][1].items()
    seeds = next(f for f in document["findings"] if f["rule"] == "DLR611")
    assert seeds["scope"] == "document" and seeds["line"] is None
    causal = next(f for f in document["findings"] if f["rule"] == "DLR701")
    assert causal["scope"] == "file" and causal["evidence"].startswith("Our model shows")
    sarif = json.loads(dlreview("check", "-f", "sarif", "paper.md").out)
    locations = [r["locations"][0]["physicalLocation"] for r in sarif["runs"][0]["results"]]
    assert any("region" not in location for location in locations)
    assert any(location.get("region", {}).get("startLine") == 32 for location in locations)


def test_manuscript_option_with_code_runs_the_cross_checks(dlreview, tmp_path):
    write(tmp_path / "study" / "train.py", """\
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
model = RandomForestClassifier(n_estimators=100, random_state=0).fit(X_train, y_train)
print(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
""")
    write(tmp_path / "study" / "paper.md", """\
## Methods

We compared a random forest with 500 trees against logistic regression.
Random seeds were fixed.

## Results

The random forest reached an AUROC of 0.97 and an F1 of 0.95.
""")
    run = dlreview("check", "study", "--manuscript", "study/paper.md", "--select", "DLR8")
    lines = run.out.splitlines()
    assert any(line.startswith("study/paper.md:3:") and "DLR802" in line and "logistic regression" in line
               for line in lines), run.out
    assert any(line.startswith("study/paper.md:3:") and "DLR805" in line and "number of trees 500" in line
               and "study/train.py:8" in line for line in lines), run.out
    assert any(line.startswith("study/paper.md:8:") and "DLR803" in line and "F1" in line for line in lines)
    assert not any("DLR801" in line for line in lines)   # random_state=0 is a seed
    assert dlreview("check", "-f", "json", "study", "-m", "study/paper.md").json()["manuscripts"][0]["cross_checked"]


def test_unreadable_manuscripts_are_errors_and_other_files_are_still_checked(dlreview, tmp_path):
    write(tmp_path / "broken.tex", "\\documentclass{article}\n\\input{missing}\n")
    write(tmp_path / "paper.md", "## Results\n\nOur model shows that gene X drives resistance.\n")
    run = dlreview("check", "broken.tex", "paper.md", "nothing.pdf")
    assert run.code == 2
    assert "broken.tex" in run.err and "missing" in run.err
    assert "nothing.pdf: no such file" in run.err
    assert "DLR701" in run.out
    assert "Traceback" not in run.err + run.out


def test_manuscript_option_needs_an_existing_file(dlreview):
    run = dlreview("check", "--manuscript", "absent.pdf")
    assert run.code == 2 and "--manuscript absent.pdf: no such file" in run.err


def test_output_never_overwrites_a_manuscript(dlreview, tmp_path):
    write(tmp_path / "paper.md", "## Results\n\nText.\n")
    write(tmp_path / "other.md", "keep me\n")
    run = dlreview("check", "paper.md", "-o", "other.md")
    assert run.code == 2 and (tmp_path / "other.md").read_text() == "keep me\n"


def test_pdf_running_headers_and_page_numbers_are_not_text(tmp_path):
    pages = "".join(f'<div style="break-before: page"><h2>Results {n}</h2><p>The network reached an accuracy of '
                    f'0.9{n} on fold {n} of the cross-validation.</p></div>' for n in range(1, 5))
    html = ('<html lang="en"><head><style>@page { size: A5; margin: 2cm; @top-center { content: "J Biol Methods '
            '2026;12:e101" } @bottom-right { content: "Page " counter(page) } }</style></head><body>'
            f'{pages}</body></html>')
    document = read_document(pdf_from_html(html, tmp_path / "paper.pdf"), "paper.pdf")
    assert document.pages == 4
    texts = [s.text for s in document.sentences]
    assert not any("J Biol Methods" in text or text.startswith("Page ") for text in texts), texts
    claims = extract_claims(document)
    assert [(c.value, c.page, c.split) for c in claims] == [(0.91, 1, "cross-validation"), (0.92, 2, "cross-validation"),
                                                            (0.93, 3, "cross-validation"), (0.94, 4, "cross-validation")]


def test_per_file_ignores_and_ignore_apply_to_manuscripts(dlreview, tmp_path):
    write(tmp_path / "paper" / "main.md", "## Results\n\nOur model shows that gene X drives resistance.\n")
    write(tmp_path / "pyproject.toml", '[tool.dlreview.per-file-ignores]\n"paper/*.md" = ["DLR701"]\n')
    run = dlreview("check", "paper/main.md")
    assert "DLR701" not in run.out and "DLR611" in run.out
    assert "DLR611" not in dlreview("check", "paper/main.md", "--ignore", "DLR6").out


def test_plain_text_manuscript_headings_and_lines(tmp_path):
    path = write(tmp_path / "paper.txt", "A NEURAL NETWORK FOR SEPSIS\n\nABSTRACT\nWe trained a GRU. It reached an "
                                         "AUROC of 0.87 on the test set.\n\n1. Methods\nStays were split by patient.\n"
                                         "\n2. Results\nOur model shows that lactate drives mortality.\n")
    document = read_document(path, "paper.txt")
    assert [(s.section, s.place.line, s.text) for s in document.sentences if s.kind == "heading"] == [
        ("abstract", 3, "ABSTRACT"), ("methods", 6, "1. Methods"), ("results", 9, "2. Results")]
    [(sentence, _)] = causal_sentences(document)
    assert (sentence.place.line, sentence.section) == (10, "results")
    assert [(c.metric, c.line, c.split) for c in extract_claims(document)] == [("roc_auc", 4, "test")]
