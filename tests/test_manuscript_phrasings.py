"""The checklist on the many ways papers say (or do not say) the same thing.

Each case is a short manuscript (one section unless the text gives headings) and the status an item must get.
Most come from the phrasings the rule-documentation writers found handled wrongly, kept here so they stay right.
"""

from __future__ import annotations

import pytest

from dlreview.manuscript import read_document
from dlreview.manuscript.checklist import evaluate

M, R, D, I, A = "Methods", "Results", "Discussion", "Introduction", "Data availability"
CASES = [
    # data-version
    ("data-version", M, "Data were obtained from ChEMBL 33.", "found"),
    ("data-version", M, "We used the DepMap 22Q2 release.", "found"),
    ("data-version", M, "Cell lines were taken from the CCLE (2019 release).", "found"),
    ("data-version", M, "Data come from the eICU Collaborative Research Database, v2.0.", "found"),
    ("data-version", M, "All structures were taken from the PDB as of 1 June 2023.", "found"),
    ("data-version", M, "We used the data freeze of 15 July 2022.", "found"),
    ("data-version", M, "Protein structures were predicted with AlphaFold version 2.3.", "missing"),
    ("data-version", I, "Earlier predictors were trained on UniProt release 2019_01 [3].", "missing"),
    ("data-version", M, "Reads were assigned to genera with the SILVA reference database, release 138.", "missing"),
    # split-sizes
    ("split-sizes", R, "The model reached an AUROC of 0.91 in the test set.", "missing"),
    ("split-sizes", R, "Accuracy dropped by 3 points in testing.", "missing"),
    ("split-sizes", M, "The test set included 20% of the data.", "missing"),
    ("split-sizes", M, "The model was trained on 8,000 images and tested on 2,000 images.", "found"),
    ("split-sizes", M, "We held out 500 proteins as a test set.", "found"),
    ("split-sizes", M, "A total of 600 patients formed the test cohort.", "found"),
    ("split-sizes", M, "Each of the five folds held about 400 patients.", "found"),
    ("split-sizes", M, "We divided the images into training (70%, 14,968 images) and test (30%, 6,415 images) sets.",
     "found"),
    # split-method
    ("split-method", M, "We split the data into training and test sets.", "missing"),
    ("split-method", I, "Cross-validation is widely used to estimate generalisation [5].", "missing"),
    ("split-method", M, "Images were split 80:20 into training and test sets.", "found"),
    ("split-method", M, "We held out 20% of the compounds as a test set.", "found"),
    ("split-method", M, "Samples were allocated to training and test sets in a 4:1 ratio.", "found"),
    ("split-method", M, "The last 20% of each recording was used as the test set.", "found"),
    ("split-method", M, "Data from 2015-2018 formed the training set and data from 2019 the test set.", "found"),
    ("split-method", M, "The test set comprised chromosomes 8 and 9; all other chromosomes were used for training.",
     "found"),
    ("split-method", M, "Patients, not radiographs, were randomly assigned to the training and test sets.", "found"),
    # split-independence
    ("split-independence", M, ("The data were split at the patient level, so that all slides of a patient are in "
                              "the same set."), "found"),
    ("split-independence", M, "No patient contributed images to more than one split.", "found"),
    ("split-independence", M, "There was no overlap of patients between training and test sets.", "found"),
    ("split-independence", M, "Patients in the training set did not appear in the test set.", "found"),
    ("split-independence", M, "Data from the same individual were never split across training and test sets.",
     "found"),
    ("split-independence", M, "All tiles from one slide were assigned to the same partition.", "found"),
    ("split-independence", M, "Held-out chromosomes 8 and 9 were used for testing.", "found"),
    ("split-independence", M, "Molecules were partitioned with a scaffold split.", "found"),
    ("split-independence", M, "We removed test sequences with more than 40% identity to any training sequence.",
     "found"),
    ("split-independence", M, "Each genotype comes from a different individual.", "found"),
    ("split-independence", M, "Subjects were evaluated by subject-level five-fold cross-validation.", "found"),
    ("split-independence", M, ("The split was stratified by hospital so that every hospital contributed patients to "
                              "each set."), "missing"),
    ("split-independence", D, "The images were not split by patient, which is a limitation.", "missing"),
    ("split-independence", I, "Models must be evaluated on data split by patient [5].", "missing"),
    # preprocessing-on-train
    ("preprocessing-on-train", M, "Features were normalized using training-set statistics.", "found"),
    ("preprocessing-on-train", M, "Gene expression was quantile normalised using the training samples as reference.",
     "found"),
    ("preprocessing-on-train", M, ("PCA was fitted to the training data and the test data were projected onto its "
                                  "components."), "found"),
    ("preprocessing-on-train", M, ("Features were standardised. Scaling was part of a scikit-learn pipeline fitted on "
                                  "each training fold."), "found"),
    ("preprocessing-on-train", M, "Features were standardised. Within each fold, the model was trained for 50 epochs.",
     "missing"),
    ("preprocessing-on-train", M, "We selected the 2,000 most variable genes.", "missing"),
    ("preprocessing-on-train", M, "Genes were filtered to the 5,000 with the highest variance.", "missing"),
    ("preprocessing-on-train", M, "Pixel values were scaled to the range 0 to 1 by dividing by 255.", "not_applicable"),
    # baseline
    ("baseline", D, "We did not compare with logistic regression.", "missing"),
    ("baseline", D, "Future work should compare the network with gradient boosting.", "missing"),
    ("baseline", M, "Missing values were imputed with a random forest.", "missing"),
    ("baseline", M, "A linear classifier head was trained on top of the frozen encoder.", "missing"),
    ("baseline", M, "We compared the network with a random forest.", "found"),
    # baseline-tuning
    ("baseline-tuning", M, ("We compared with logistic regression. The regularization strength C of the logistic "
                           "regression was chosen by 5-fold cross-validation on the training set."), "found"),
    ("baseline-tuning", M, ("We compared with a random forest. For the random forest, we searched n_estimators in "
                           "{100, 500, 1000} and max_depth in {5, 10, None}."), "found"),
    ("baseline-tuning", M, ("As a baseline we trained an XGBoost classifier. Its hyperparameters were tuned by a random "
                           "search over 50 configurations."), "found"),
    ("baseline-tuning", M, "We compared with a random forest.", "missing"),
    # hyperparameters
    ("hyperparameters", M, "We used lr=0.001 and batch_size=64.", "found"),
    ("hyperparameters", M, ("| Hyperparameter | Value |\n|---|---|\n| Learning rate | 1e-4 |\n| Batch size | 32 |\n"
                           "| Epochs | 50 |"), "found"),
    # hyperparameter-search
    ("hyperparameter-search", M, ("The learning rate was selected from {1e-3, 1e-4, 1e-5} according to validation "
                                 "AUROC."), "found"),
    ("hyperparameter-search", M, "We tried learning rates of 1e-3, 1e-4 and 1e-5 and kept the best on the tuning set.",
     "found"),
    ("hyperparameter-search", M, "Hyperparameters were selected by maximizing the validation AUROC.", "found"),
    ("hyperparameter-search", M, "At an operating point chosen on the validation set, we report sensitivity.",
     "missing"),
    # seeds
    ("seeds", M, "Seeds were fixed for reproducibility.", "found"),
    ("seeds", M, "The random state was fixed at 0 for all scikit-learn models.", "found"),
    ("seeds", M, "We used random_state=0.", "found"),
    ("seeds", M, "Seeds were set to 0 for all libraries.", "found"),
    ("seeds", D, "Random seeds were not fixed, so results may vary between runs.", "missing"),
    ("seeds", I, "The choice of random seed can change the accuracy of deep models [3].", "missing"),
    # environment
    ("environment", M, "Fundus photographs were graded for AMD severity by two ophthalmologists.", "missing"),
    ("environment", M, "Patients with T4 tumours were excluded.", "missing"),
    ("environment", M, "Brain MRI scans were acquired on a 3 Tesla Siemens Prisma scanner.", "missing"),
    ("environment", M, "Package versions are pinned in the environment.yml file of the repository.", "found"),
    ("environment", M, "Models were trained on an NVIDIA A100 GPU.", "found"),
    # metrics (imbalance)
    ("metrics", M, "Only 4% of the 12,000 variants were pathogenic. We report accuracy and AUROC.", "missing"),
    ("metrics", M, "Only 2% of the 180,000 tiles were labelled positive. We report accuracy.", "missing"),
    ("metrics", M, "Malignant lesions were rare (1 in 40 scans). We report the AUROC.", "missing"),
    ("metrics", M, ("The two classes were balanced (2,000 cases and 2,000 controls), so there was no class imbalance. "
                   "We report accuracy."), "found"),
    ("metrics", R, "| Model | AUROC | AUPRC |\n|---|---|---|\n| CNN | 0.91 | 0.45 |", "found"),
    # uncertainty
    ("uncertainty", M, "Confidence intervals were obtained by bootstrapping the test set 1,000 times.", "found"),
    ("uncertainty", M, ("All experiments were repeated with five random seeds and we report mean and standard "
                       "deviation."), "found"),
    ("uncertainty", R, "Across ten random seeds, the accuracy ranged from 0.84 to 0.88.", "found"),
    ("uncertainty", R, "Error bars show the standard deviation of expression across three biological replicates.",
     "missing"),
    # negative-control
    ("negative-control", R, "The model trained on shuffled labels did not exceed chance (AUROC 0.50).", "found"),
    ("negative-control", M, ("We also trained the model on dinucleotide-shuffled sequences as a control for sequence "
                            "composition."), "found"),
    ("negative-control", M, ("Differences in AUROC between the two models were assessed with a paired permutation "
                            "test."), "missing"),
    ("negative-control", M, "Untransfected cells served as negative controls for the staining.", "missing"),
    ("negative-control", D, "A negative control would be useful.", "missing"),
    ("negative-control", D, "A label-shuffle control was not performed.", "missing"),
    # external-validation
    ("external-validation", R, "The model was then tested prospectively on 312 consecutive patients.", "found"),
    ("external-validation", R, "The model was tested on data collected in 2021, after the training period.", "found"),
    ("external-validation", R, ("To test generalisation, we applied the model without retraining to the TCGA-LUAD "
                               "cohort, which was not used for training or tuning."), "found"),
    ("external-validation", R, ("Performance was also assessed on a second, independently generated data set from "
                               "GSE12345."), "found"),
    ("external-validation", R, ("The model was evaluated on 3,100 radiographs from two other hospitals that contributed "
                               "no training data."), "found"),
    ("external-validation", R, "Without retraining, the model was externally validated on 612 slides.", "found"),
    ("external-validation", M, ("Patients were randomly split into a training cohort (70%) and a validation cohort "
                               "(30%)."), "missing"),
    ("external-validation", M, "We randomly held out an independent test set of 20% of the images.", "missing"),
    ("external-validation", D, "No external validation was performed.", "missing"),
    # interpretability
    ("interpretability", R, ("Variable importance was estimated by permuting each input feature in the test set and "
                            "measuring the drop in AUROC. Lactate was the most important variable."), "found"),
    ("interpretability", R, "The network focused on the tumour margin when predicting recurrence.", "missing"),
    # code-availability
    ("code-availability", A, "An R package implementing the method is on CRAN.", "found"),
    ("code-availability", A, "The method is freely available as the Bioconductor package scGraphAnnot.", "found"),
    ("code-availability", A, "The data source, the GEO repository, is publicly available.", "missing"),
    ("code-availability", M, "All analyses used open-source packages available from PyPI.", "missing"),
    ("code-availability", M, "Preprocessing used the Cell Ranger pipeline provided by 10x Genomics.", "missing"),
    ("code-availability", M, "We retrained BPNet (https://github.com/kundajelab/bpnet) on our ChIP-nexus data.",
     "missing"),
    # data-availability
    ("data-availability", A, "Source data are provided with this paper.", "found"),
    ("data-availability", M, "Follow-up data were available for 812 of the 1,000 patients.", "missing"),
    ("data-availability", M, "Images were shared between the two annotators, who labelled them independently.",
     "missing"),
    ("data-availability", D, "Few labelled sequences are available for rare protein families.", "missing"),
    # ethics and consent
    ("ethics-approval", "Abstract", ("We predict the pathogenicity of missense variants from sequence alone, which "
                                    "could aid clinical diagnosis."), "not_applicable"),
    ("ethics-approval", A, ("We studied 400 patients. De-identified data are available on request with the approval "
                           "of the ethics committee."), "missing"),
    ("consent", M, "We studied 400 patients. Patients agreed in writing to take part in the study.", "found"),
    # limitations
    ("limitations", D, "We note three weaknesses of our approach.", "found"),
    ("limitations", D, ("Our results are restricted to European-ancestry individuals and need replication in other "
                       "populations."), "found"),
    ("limitations", D, "Its performance was limited by the small number of positive cases.", "found"),
    ("limitations", M, "The input length is limited to 512 tokens.", "missing"),
    # names are matched as they are written: STRING, ZINC, BLAST, NEWS are not "a string", "zinc", "blast cells"
    ("data-source", M, "Distinct clusters emerge in the embedding. Zinc finger genes were enriched.", "missing"),
    ("data-availability", A, "A user-friendly web server is available.", "missing"),
    ("baseline", R, "The network counted blast cells in bone marrow smears. This is good news for clinicians.",
     "missing"),
    ("baseline", I, "| Model | AUROC |\n|---|---|\n| Random forest | 0.80 |", "missing"),   # a table of prior work
    ("external-validation", R, "The test patients were not used for training.", "missing"),
    ("metrics", M, "Positives were rare.\n\n## Precision analysis\n\nThe AUROC was 0.9.", "missing"),
    ("split-independence", M, "Samples were split into training and test sets by subject.", "found"),
]


@pytest.mark.parametrize(("item", "section", "text", "expected"), CASES,
                         ids=[f"{item}-{expected}-{text[:40]}" for item, _, text, expected in CASES])
def test_checklist_phrasing(tmp_path, item, section, text, expected):
    path = tmp_path / "paper.md"
    path.write_text(f"## {section}\n\n{text}\n", encoding="utf-8")
    statuses = {status.item.key: status for status in evaluate(read_document(path, "paper.md"))}
    status = statuses[item]
    evidence = status.evidence.text if status.evidence is not None else status.reason
    assert status.status == expected, evidence
