"""Tip 9: causal or mechanistic conclusions drawn from predictive results.

Written for precision: a sentence is flagged only when it (1) is in the paper's own abstract, results, discussion
or conclusion, (2) uses causal language (causes, drives, determines, is responsible for, the mechanism ...), (3)
rests on what the model found (its predictions, feature importances, attention, SHAP values, "our model shows"),
and (4) neither hedges ("may", "could", "we hypothesise", "future work"), negates ("does not imply causation"),
nor cites literature for the claim.
"""

from __future__ import annotations

import itertools
import re

from dlreview.manuscript.claims import _CITATION
from dlreview.manuscript.document import Document, Sentence

_CAUSAL = re.compile(
    r"\b(?:causes|caused|causing|causal(?:ly)?|causation|drives?|drove|driving|driven by|"
    r"(?:the |a |an )?(?:main |key |major |primary |principal |central |dominant )?(?:drivers?|determinants?|"
    r"causes?) of|determines|determining|(?:is|are|was|were) (?:\w+ )?responsible for|"
    r"underl(?:ies|ie|ay)|(?:the |a )?mechanisms? (?:by which|through which|of|underlying|behind|that)|"
    r"mechanistic(?:ally)?|leads? to|led to|(?:that|which|who) cause|(?:shows?|showed|proves?|proved|"
    r"demonstrates?|demonstrated|reveals?|revealed|confirms?|confirmed|establish(?:es|ed)?) that (?:[\w-]+ ){1,6}"
    r"cause)\b", re.IGNORECASE)
_MODEL_EVIDENCE = re.compile(
    r"\b(?:our|the) (?:\w+ ){0,2}(?:model|network|classifier|predictor|CNN|transformer|analysis|results?|"
    r"findings|approach)\b|\bpredictions?\b|\bpredictive\b|feature importances?|importance (?:scores?|analysis|"
    r"values?|rankings?)|\bimportant features?\b|\bSHAP\b|Shapley|\battention\b|saliency|attributions?|Grad-?CAM|"
    r"integrated gradients|\bcoefficients?\b|\bassociations?\b|\bassociated\b|correlat\w+|top[- ]ranked|"
    r"\b(?:deep|machine) learning\b|\bneural networks?\b|\bthe network\b|\bidentif(?:y|ies|ied)\b|"
    r"\brel(?:ies|ied|y) (?:mainly |mostly |largely |primarily |heavily )?on\b|"
    r"\bweights\b|\bwe (?:show|showed|demonstrate|demonstrated|found|find|reveal|revealed|identify|identified|"
    r"establish|established|prove|proved|confirm|confirmed|discover|discovered|uncover|uncovered)\b|"
    r"\b(?:shows?|showed|demonstrates?|demonstrated|reveals?|revealed|proves?|proved|establish(?:es|ed)?|"
    r"confirms?|confirmed|identif(?:y|ies|ied)|uncovers?|uncovered) that\b", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:may|might|could|possibly|potentially|perhaps|plausibl[ey]|hypothes[ie]s|hypothesi[sz]e\w*|speculat\w*|"
    r"conjecture|tentative\w*|suggests? (?:a |the )?(?:hypothesis|possib\w+|potential)|future (?:work|studies|"
    r"research|experiments)|further (?:work|studies|experiments|research|investigation|validation)|remains? to be|"
    r"need(?:s|ed)? to be (?:tested|validated|confirmed|established)|would (?:need|require)|warrant\w*|"
    r"(?:test|tests|tested|testing|examine|investigate|assess|ask|clarify|establish) whether|\bif\b)",
    re.IGNORECASE)
_NEGATED = re.compile(
    r"\b(?:not|no|cannot|can't|neither|nor|never|without|rather than|instead of)\b(?:\W+\w+){0,10}\W+(?:caus|impl|"
    r"establish|infer|determin|mechanis|driv|prove|evidence|responsib)|\b(?:correlation|association|predictive "
    r"(?:value|performance|power)) (?:is|does) not\b|\bnon-?causal\b|\bnot (?:necessarily )?causal\b|"
    r"\b(?:do|does|did|can|could|should) not (?:claim|suggest|imply|argue|mean|say|assert|conclude|establish|prove)\b|"
    r"\bnot (?:necessarily )?(?:imply|mean)\b",
    re.IGNORECASE)
_TECHNICAL = re.compile(
    r"\b(?:hard|disk|flash|USB) drives?\b|\bdriven by (?:the )?(?:data|loss|gradients?|optimi[sz]er)|"
    r"determin\w+ (?:the |an? )?(?:optimal|best|threshold|learning rate|number|hyper-?parameters?|cut-?off|value|"
    r"weights|batch|size|split|order)|"
    # the method's own parts and effects: augmentation, training, the loss, class imbalance ...
    r"\b(?:attention|gating|pooling|dropout|regulari[sz]ation|augmentation|normali[sz]ation|overfitting|"
    r"underfitting|training|convergence|(?:training|validation|the) loss|loss function|learning rate|early stopping|"
    r"batch size|the optimi[sz]er|class imbalance|imbalance|batch effects?|leakage|pretraining|fine-?tuning|"
    r"(?:smaller|larger) (?:size|model|network)|size) (?:[\w-]+ ){0,2}(?:mechanism|leads? to|led to|causes?|caused|"
    r"drives?|drove)|"
    r"mechanism (?:of|for) (?:attention|gating|pooling|regulari[sz]ation|self-attention)|"
    # effects on the model's own numbers: performance, errors, speed
    r"(?:leads? to|led to|causes?|caused|induces?|results? in|drives?|drove|driving|driven by) (?:the |a |an |our )?"
    r"(?:[\w-]+ ){0,3}(?:overfitting|underfitting|over-?estimat\w*|inflated|bias(?:ed)?|leakage|"
    r"(?:gains?|drops?|losses|increases?|decreases?|improvements?|reductions?) (?:in|of) (?:the )?(?:[\w-]+ )?"
    r"(?:performance|accuracy|AUC|AUROC|F1|recall|precision|sensitivity|specificity|MCC|RMSE|errors?|scores?|loss)|"
    r"(?:performance|accuracy|AUC|AUROC|F1|recall|precision|sensitivity|specificity|MCC|RMSE|errors?|scores?|"
    r"estimates?|inference|speed|memory|predictions?|outputs?|decisions?|false (?:positives|negatives)))|"
    r"\b(?:errors?|mistakes|false (?:positives|negatives)|misclassifications?|failures?|performance|gains?|drops?|"
    r"improvements?|increases?|decreases?)\b(?: \w+){0,5} (?:were|was|are|is|been) (?:mostly |largely |mainly )?"
    r"(?:caused|driven|determined|explained)|"
    r"(?:drives?|drove|driving|determines?|determining|causes?|caused) (?:\w+ ){0,2}(?:the |our |its )?"
    r"(?:model|network|classifier)'?s? (?:predictions?|outputs?|decisions?|scores?|performance|errors?)|"
    # the model as the subject: it "determines" (predicts) a label
    r"\b(?:model|network|classifier|predictor|algorithm|method|system|tool|pipeline|approach)s? (?:\w+ ){0,2}"
    r"(?:determines?|determined|drives?|causes?)\b|"
    r"\bcausal (?:language model\w*|attention|mask\w*|convolutions?|transformers?|decoders?|padding)|"
    r"mechanistic(?:ally)? interpretab\w*|"
    r"(?<!mechanism )(?<!mechanisms )\bunderlying (?:data|distribution|assumption|model|architecture|code|"
    r"implementation|disease|conditions?|"
    r"population|cohort|hardware)",
    re.IGNORECASE)
# A causal conclusion from a causal method or an experiment is not over-interpretation of predictions.
_CAUSAL_METHOD = re.compile(
    r"Mendelian randomi[sz]ation|randomi[sz]ed (?:controlled )?trial|\bRCT\b|knock-?outs?|knock-?downs?|CRISPR|"
    r"perturbation (?:experiment|screen)|interventional|instrumental variables?|causal inference|do-calculus|"
    r"\bin vitro\b|\bin vivo\b|\bexperiment(?:s|ally)?\b|mutagenesis (?:experiment|assay)|deleting|deletion of|"
    r"overexpress\w*|inhibit(?:ing|ion of)", re.IGNORECASE)
_OWN_SECTIONS = ("abstract", "results", "discussion", "conclusion", "other", "limitations")


def causal_sentences(document: Document) -> list[tuple[Sentence, str]]:
    """(sentence, causal phrase) for every over-interpreting sentence."""
    found = []
    texts = [s for s in document.sentences if s.kind == "text"]
    previous = {id(b): a for a, b in itertools.pairwise(texts) if a.section == b.section}
    for sentence in document.sentences:
        if sentence.kind != "text" or sentence.section not in _OWN_SECTIONS:
            continue
        text = sentence.text
        match = next((m for m in _CAUSAL.finditer(text) if not _technical(text, m)), None)
        if match is None:
            continue
        if not _MODEL_EVIDENCE.search(text):
            # "This rhythmic activity underlies ...": the evidence is in the sentence before, about the model
            before = previous.get(id(sentence))
            if not (re.match(r"(?:This|These|Such)\b", text) and before is not None
                    and _MODEL_EVIDENCE.search(before.text)):
                continue
        if _HEDGED.search(text) or _NEGATED.search(text) or _CITATION.search(text) or _CAUSAL_METHOD.search(text):
            continue
        if re.search(r"\b(?:is|are|was|were|has been|have been) (?:well[- ])?(?:known|established|reported|"
                     r"described|shown) (?:to|that)\b|\bknown to\b|\bprevious(?:ly)?\b|\bprior (?:work|studies)\b",
                     text, re.IGNORECASE):
            continue
        found.append((sentence, match.group(0)))
    return found


def _technical(text: str, match: re.Match) -> bool:
    """The causal word is used about the method or the computer, not about biology."""
    window = text[max(0, match.start() - 60):match.end() + 60]
    return any(t.start() <= match.end() - max(0, match.start() - 60) and
               t.end() >= match.start() - max(0, match.start() - 60) for t in _TECHNICAL.finditer(window))
