"""The reporting checklist: what a manuscript must say about its data, optimisation, model and evaluation (the
DOME recommendations and REFORMS), each item grounded in a tip of the paper.

Each item is found (with the sentence that shows it), missing, or not applicable (no human data: no ethics
approval needed). Detection reads sentences with patterns written for precision: a sentence that negates or
defers what an item asks for ("no external validation was performed", "future work should ...") does not count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dlreview.manuscript.claims import _METRIC, _metric_of, extract_claims
from dlreview.manuscript.document import NOT_OWN as _NOT_OWN
from dlreview.manuscript.document import Document, Place, Sentence


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# ------------------------------------------------------------------------------------------------------ vocabulary
_DATABASES = (r"GEO\b|GSE\d+|TCGA|UK ?Biobank|MIMIC(?:-I+V?|-III|-IV)?|eICU|\bPDB\b|Protein Data Bank|UniProt|"
              r"Swiss-?Prot|ENCODE|GTEx|ArrayExpress|\bSRA\b|\bENA\b|dbGaP|\bEGA\b|Ensembl|ChEMBL|PubChem|ClinVar|"
              r"gnomAD|1000 Genomes|Human Cell Atlas|CELLxGENE|Kaggle|UCI (?:Machine Learning )?Repository|PhysioNet|"
              r"ImageNet|CAMELYON\d*|\bTCIA\b|ADNI|NHANES|Zenodo|Figshare|Dryad|CPTAC|ICGC|GDSC|CCLE|DepMap|BindingDB|"
              r"ZINC|Tox21|MoleculeNet|OpenML|PRIDE|MetaboLights|Cell Painting|JUMP|BBBC|HPA|Human Protein Atlas|"
              r"STRING|KEGG|Reactome|AlphaFold DB|CATH|SCOP|Pfam|InterPro|NCBI|RefSeq|GenBank|Wisconsin|OpenNeuro|"
              r"HCP|Human Connectome|CheXpert|ChestX-?ray\d*|MIMIC-CXR|ISIC|PathMNIST|MedMNIST|BraTS|LIDC|TUH|"
              r"Allen (?:Brain|Cell)|Tabula (?:Muris|Sapiens)|PanglaoDB|OMIM|HGMD|COSMIC|cBioPortal|FinnGen|"
              r"All of Us|eMERGE|Million Veteran")
# database names as they are written ("STRING", not "a string"; "Ensembl", not "ensemble")
_DATABASE = re.compile(rf"(?<![\w-])(?:{_DATABASES})(?![\w])")
_SOFTWARE = _re(r"\b(?:PyTorch|TensorFlow|Keras|scikit-learn|sklearn|Python|JAX|CUDA|cuDNN|XGBoost|LightGBM|"
                r"Lightning|NumPy|pandas|SciPy|R|Bioconductor|Scanpy|Seurat|DeepChem|RDKit|Hugging ?Face|"
                r"transformers|MONAI|fastai|Optuna|Ubuntu|Linux|Docker|Singularity|conda)\b")
_VERSION = r"(?:version\s*|v\.?\s?|release\s*|\s)\d+(?:\.\d+)+[a-z]?"
_DATE = (r"(?:\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|"
         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?,? \d{4}|(?:January|February|March|"
         r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
         r"Nov|Dec)\.? (?:\d{1,2}(?:st|nd|rd|th)?,? )?\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})")
_NEGATED = _re(r"\b(?:not|no|never|nor|neither|lacks?|lacked|lacking|without|absence|absent|unavailable|future "
               r"(?:work|studies|research|experiments)|should be|would be|will be|remains? to|yet to|cannot|could not|"
               r"unable|beyond the scope|instead of)\b")
_SPLIT_WORD = r"(?:training|train|validation|test(?:ing)?|held[- ]out|hold[- ]out|development|derivation|tuning|calibration|discovery|replication)"
_COUNT = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\s?%)(?!\.\d)"
_UNIT = (r"(?:samples|patients|participants|subjects|individuals|images|slides|scans|sequences|proteins|cells|"
         r"compounds|molecules|records|recordings|cases|donors|mice|animals|plants|structures|peptides|reads|"
         r"variants|genes|spectra|examples|instances|tiles|patches|ECGs|visits|admissions|encounters|studies|"
         r"tumou?rs|specimens|biopsies|strains|isolates|embryos|organoids|whole-slide images|WSIs|"
         r"chest (?:X-rays|radiographs)|radiographs|eyes|fundus images|photographs|pairs|complexes|(?:time )?series|"
         r"fragments|regions|loci|windows|molecules|stays|slices|volumes|videos|frames|notes|reports|embryos|"
         r"plots|wells|strips|genotypes|variants|clones)")


_DATA_NOUN = _re(rf"\b(?:data|data ?sets?|database|cohorts?|records|measurements|profiles|accessions?|collection|"
                 rf"corpus|repository|archive|tissues?|genomes|transcriptomes|{_UNIT[3:-1]})\b")


@dataclass(frozen=True)
class Item:
    rule: str
    key: str
    title: str
    dome: str                                   # Data, Optimisation, Model, Evaluation or Reporting
    found: Callable[[Document, Sentence], bool]
    applies: Callable[[Document], str | None] | None = None   # None if it applies, else why not
    what_is_missing: Callable[[Document], str] | None = None  # a more precise message when missing


@dataclass(frozen=True)
class Status:
    item: Item
    status: str                  # "found", "missing" or "not_applicable"
    evidence: Sentence | None = None
    reason: str = ""

    def to_dict(self) -> dict:
        data = {"rule": self.item.rule, "item": self.item.key, "title": self.item.title, "dome": self.item.dome,
                "status": self.status}
        if self.evidence is not None:
            place = self.evidence.place
            data["evidence"] = {"text": self.evidence.text, "path": place.path, "line": place.line, "page": place.page}
        if self.reason:
            data["reason"] = self.reason
        return data


def negated_near(text: str, start: int, end: int) -> bool:
    """A negation or deferral bearing on the words at [start, end): within eight words before them ("no external
    validation", "we did not run a label-shuffle control") or five after ("validation was not performed"), or a
    deferral anywhere in the sentence ("future work should ...")."""
    before = _NOT_NEGATIONS.sub(" ", " ".join(text[:start].split()[-8:]))
    after = " ".join(text[end:].split()[:6])
    return bool(_NEGATED.search(before) or _NEGATED_AFTER.match(after) or _DEFERRED.search(text))


# "validation was not performed", "a control is missing": a negation right after the words
_NEGATED_AFTER = _re(r"^\W*(?:\w+ ){0,2}(?:was|were|is|are|has been|have been|could be|can be) (?:not|never) "
                     r"(?:performed|done|run|conducted|carried out|included|used|available|possible|reported|assessed|"
                     r"evaluated|attempted|fixed|set|controlled|recorded|specified|tuned|described|stated)|"
                     r"^\W*(?:\w+ ){0,2}(?:was|were|is|are) (?:lacking|missing|absent|unavailable)")
# phrases with a negative word that do not negate what follows them
_NOT_NEGATIONS = _re(r"\bwithout (?:re-?training|fine-?tuning|re-?calibration|any (?:re-?)?training|modification|"
                     r"adaptation|further tuning)\b|\bnot only\b")
_DEFERRED = _re(r"\bfuture (?:work|studies|research|experiments)\b|\bshould be\b|\bremains? to\b|\byet to\b|"
                r"\bbeyond the scope\b|\bwould (?:be|have|help|allow|improve)\b|\bcould be\b")


def _any(*patterns: str, negatable: bool = True, sections: tuple[str, ...] | None = None,
         also: str | None = None) -> Callable[[Document, Sentence], bool]:
    """A sentence that matches one of ``patterns`` (and ``also`` when given), in ``sections`` when given, and is not
    negated or deferred there (when ``negatable``)."""
    compiled = [_re(pattern) for pattern in patterns]
    extra = _re(also) if also else None

    def found(document: Document, sentence: Sentence) -> bool:
        if sections is not None and sentence.section not in sections:
            return False
        text = sentence.text
        if extra is not None and not extra.search(text):
            return False
        for pattern in compiled:
            for match in pattern.finditer(text):
                inside = " ".join(match.group(0).split()[-4:])   # "the data ... are not publicly available"
                if not (negatable and (negated_near(text, match.start(), match.end()) or
                                       _NEGATED.search(inside))):
                    return True
        return False

    return found


_NOT_INTRODUCTION = ("abstract", "methods", "results", "discussion", "conclusion", "other", "availability", "ethics")


# ------------------------------------------------------------------------------------------------------ items
def _data_source(document: Document, sentence: Sentence) -> bool:
    text = sentence.text
    database = _DATABASE.search(text)
    if database and not re.search(r"\[\d+\]|\bet al\b", text) and not re.search(
            r"(?:pre-?trained|pre-?training|initiali[sz]ed) (?:\w+ ){0,2}(?:on|with|from) (?:the )?$",
            text[:database.start()], re.IGNORECASE):
        return True
    return bool(_DATA_NOUN.search(text) and re.search(
        r"\b(?:obtained|downloaded|retrieved|collected|acquired|sourced|drawn|extracted|came|comes|taken|derived|"
        r"provided|gathered|recruited|enrolled|curated|compiled|generated|sequenced|imaged|measured) (?:[\w-]+ ){0,8}"
        r"(?:from|at|through|via)\b|\b(?:collected|provided|generated|curated|released|recruited) (?:by|in) (?:the )?"
        r"[A-Z]|\baccession\b|\bpublicly available\b|\bretrospective(?:ly)?\b|"
        r"\bprospective(?:ly)? (?:collected|enrolled|recruited)|\bconsecutive (?:patients|cases)",
        text, re.IGNORECASE))


def _data_version(document: Document, sentence: Sentence) -> bool:
    text = sentence.text
    if re.search(rf"\b(?:accessed|downloaded|retrieved|obtained|queried|extracted|collected|version of) (?:\w+ ){{0,6}}"
                 rf"(?:on|in|as of|at)? ?{_DATE}", text, re.IGNORECASE):
        return True
    if re.search(rf"\bas of {_DATE}", text, re.IGNORECASE):
        return True
    if re.search(rf"(?<![\w-])(?-i:{_DATABASES})(?:-[\w]+)?[\s,(]+(?:(?:version|release|v\.?|build|freeze|snapshot|"
                 rf"r)\s?)?\d", text, re.IGNORECASE) and not _REFERENCE_USE.search(text):
        return True
    if re.search(rf"\b(?:release|freeze|snapshot|version) (?:of |from |dated |on |as of )?{_DATE}", text,
                 re.IGNORECASE):
        return True
    if _REFERENCE_USE.search(text):
        return False   # the release of a reference used to process the data (SILVA, a genome build), not the data's
    return bool(re.search(r"\b(?:(?:release|freeze|snapshot|data (?:release|version)|version)\s*(?:\d{4}_\d{2}|"
                          r"\d+(?:\.\d+)*|\d{4}-\d{2}|[A-Z]?\d+)|v\d+(?:\.\d+)+)", text, re.IGNORECASE)
                and (_DATABASE.search(text) or _DATA_NOUN.search(text))
                and not (_SOFTWARE.search(text) and not _DATABASE.search(text)))


_REFERENCE_USE = _re(r"\breference (?:database|genome|panel|atlas|set)\b|\b(?:assigned|annotated|mapped|aligned|"
                     r"classified|quantified|predicted|computed|processed|generated|implemented|run|performed|"
                     r"analy[sz]ed) (?:\w+ ){0,4}(?:with|to|against|using|in)\b")


def _split_sizes(document: Document, sentence: Sentence) -> bool:
    text = sentence.text
    patterns = [
        rf"{_SPLIT_WORD}(?: \w+){{0,3}}\s*\(\s*[nN]\s*[=:]\s*(?:{_COUNT})",
        (rf"(?:{_COUNT})\s+(?:[\w-]+\s+){{0,2}}{_UNIT}\s+(?:\([^)]*\)\s+)?(?:were |was )?(?:used |assigned |allocated |"
        rf"reserved |kept |held out |set aside )?(?:for|in|to|as)(?: the| a)? {_SPLIT_WORD}"),
        (rf"(?:{_COUNT})\s+(?:\w+\s+){{0,2}}(?:were |was )(?:used |assigned |allocated |reserved |kept |held out |set "
        rf"aside )(?:for|in|to|as)(?: the| a)? {_SPLIT_WORD}"),
        (rf"(?:held out|set aside|reserved|kept|withheld) (?:\w+ )?(?:{_COUNT})\s+(?:[\w-]+\s+){{0,2}}{_UNIT}\s+"
        rf"(?:as|for)"),
        (rf"(?:{_COUNT})\s+(?:[\w-]+\s+){{0,2}}{_UNIT}\s+(?:\w+\s+){{0,2}}(?:formed|made up|constituted|comprised|"
        rf"were in|went to|composed)(?: the| a)? {_SPLIT_WORD}"),
        (rf"folds? (?:\w+ ){{0,2}}(?:held|had|contained|included|comprised|of) (?:about |approximately |~|around )?"
        rf"(?:{_COUNT})"),
        (rf"{_SPLIT_WORD} (?:set|cohort|split|partition|data|fold)\s*\(\s*(?:n\s*=\s*)?(?:{_COUNT})(?:\s+[\w-]+)?"
        rf"\s*[),;]"),
        rf"(?:{_COUNT})\s+{_SPLIT_WORD}(?: and| or|,)",
        (rf"{_SPLIT_WORD} (?:set|cohort|split|data|partition|fold)s?\s+(?:of|with|comprised|comprising|contained|"
        rf"containing|consisted of|consisting of|included|including|had|has|holds?)\s+(?:\w+ ){{0,2}}(?:{_COUNT})"),
        rf"{_SPLIT_WORD}(?: \w+){{0,2}}\s*[:=]\s*(?:{_COUNT})\s+{_UNIT}",
        rf"(?:each|every) fold (?:\w+ ){{0,3}}(?:{_COUNT})",
        rf"folds? (?:of|with|containing|holding) (?:about |approximately |~|between )?(?:{_COUNT})",
        rf"{_SPLIT_WORD}(?: set| cohort| split| partition)?\s*\(\s*\d+(?:\.\d+)?\s?%\s*[,;]\s*(?:n\s*=\s*)?(?:{_COUNT})",
        rf"(?:{_COUNT})\s*/\s*(?:{_COUNT})(?:\s*/\s*(?:{_COUNT}))?\s+(?:{_UNIT}\s+)?\(?{_SPLIT_WORD}",
    ]
    if any(re.search(pattern, text, re.IGNORECASE) for pattern in patterns):
        return True
    # "trained on 8,000 images and tested on 2,000 images"
    if len(re.findall(rf"(?:trained|tested|validated|evaluated|fitted) (?:\w+ ){{0,2}}on (?:the |a )?(?:{_COUNT})\s+"
                      rf"(?:[\w-]+\s+){{0,2}}{_UNIT}", text, re.IGNORECASE)) >= 2:
        return True
    # a ratio ("80/20", "training (70%)") counts with the total, in this sentence or where the data are described
    ratio = re.search(rf"\b\d{{2}}\s?%?\s?[:/]\s?\d{{1,2}}(?:\s?%?\s?[:/]\s?\d{{1,2}})?\s?%?|\b\d{{2}}\s?%\s+"
                      rf"(?:\w+ ){{0,3}}(?:for |as )?(?:training|train)|{_SPLIT_WORD}(?: set| cohort| split| "
                      rf"partition)?\s*\(\s*\d{{1,2}}(?:\.\d+)?\s?%\s*\)", text, re.IGNORECASE)
    return bool(ratio and re.search(_SPLIT_WORD, text, re.IGNORECASE) and _total(document))


def _total(document: Document) -> bool:
    return any(re.search(rf"(?<![\d.])(?:{_COUNT})\s+(?:[\w-]+\s+){{0,3}}{_UNIT}\b", s.text, re.IGNORECASE)
               for s in document.sentences if s.section in ("abstract", "methods", "other", "results"))


def _split_sizes_table(document: Document) -> Sentence | None:
    for table in own_tables(document):
        header = " ".join(" ".join(row) for row in table.rows[:table.header_rows])
        labels = " ".join(row[0] for row in table.rows if row)
        split_labels = len(re.findall(_SPLIT_WORD, header + " " + labels, re.IGNORECASE))
        folds = re.search(r"\bfolds?\b", header, re.IGNORECASE) and len(table.rows) >= 3
        if (split_labels >= 2 or folds) and re.search(rf"\b(?:n|count|size|number|{_UNIT[3:-1]})\b", header,
                                                      re.IGNORECASE):
            return Sentence(" | ".join(table.rows[0]), table.places[0], table.section, kind="table")
    return None


_SPLIT_METHOD = _any(
    r"random(?:ly)? (?:\w+ ){0,2}(?:split|divided|partitioned|assigned|allocated|sampled|selected)",
    r"(?:split|divided|partitioned|assigned|allocated|distributed|sampled)(?: \w+){0,4} at random",
    r"\bshuffled and (?:allocated|assigned|divided|split|distributed)",
    r"\b(?:random|stratified|temporal|chronological|time-based|site-based|scaffold|patient-level|subject-level) "
    r"(?:\w+ ){0,2}(?:split|splitting|partition|partitioning|division|sampling|hold-?out)",
    r"\bstratif(?:ied|ying|ication)\b", r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]fold "
    r"(?:\w+ )?cross[- ]?validation", r"\bcross[- ]?validat", r"leave-one-(?:\w+-)?out",
    r"(?:split|divided|partitioned|separated|assigned|allocated|grouped) (?:\w+ ){0,4}(?:by|according to|based on|"
    r"at the level of|on the basis of) (?:\w+ ){0,2}(?:time|date|year|site|centre|center|hospital|patient|subject|"
    r"participant|donor|individual|chromosome|scaffold|cluster|family|study|batch)",
    r"\b\d{2}\s?%?\s?[:/]\s?\d{1,2}(?:\s?%?\s?[:/]\s?\d{1,2})?\s?%? (?:\w+ ){0,3}(?:split|ratio|partition)",
    r"\b\d{2}\s?% (?:\w+ ){0,4}(?:for |as )?(?:training|train)",
    r"(?:split|divided|partitioned|allocated|assigned) (?:\w+ ){0,4}(?:in (?:a |an )?)?\d{1,2}\s?%?\s?[:/]\s?\d{1,2}",
    r"\b\d{1,2}\s?:\s?\d{1,2} ratio",
    r"(?:held out|set aside|reserved|kept|withheld) (?:\w+ ){0,2}\d{1,2}(?:\.\d+)?\s?%",
    r"\b(?:first|last|final|earliest|latest|most recent) \d{1,2}(?:\.\d+)?\s?%",
    r"(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)? (?:\w+ ){0,4}(?:training|test|validation) (?:set|cohort|data)",
    r"chromosomes? (?:\d+|[XY])\b(?:(?:,| and| or) (?:\d+|[XY])\b)* (?:\w+ ){0,3}(?:test|held[- ]out|validation)|"
    r"(?:test|held[- ]out|validation) (?:\w+ ){0,3}chromosomes? (?:\d+|[XY])\b",
    r"(?:earlier|later|before|after) (?:\w+ ){0,3}(?:for|as) (?:\w+ ){0,2}(?:training|test)",
    negatable=False, sections=_NOT_INTRODUCTION)

_GROUPS = (r"patients?|subjects?|participants?|donors?|individuals?|animals?|mice|mouse|plants?|chromosomes?|sites?|"
           r"embryos?|"
           r"centres?|centers?|hospitals?|famil(?:y|ies)|protein famil\w+|clusters?|scaffolds?|studies|batches|"
           r"litters?|strains?|slides?|specimens?|biopsies|tumou?rs?|genotypes?|eyes?")
_SPLIT_BY_GROUP = _any(
    rf"(?:split|partitioned|divided|grouped|assigned|separated|allocated|sampled|cross-validated|clustered|made) "
    rf"(?:(?!stratif)\w+ ){{0,7}}(?:by|at the level of|on the basis of|according to|per) (?:\w+ ){{0,2}}"
    rf"(?:{_GROUPS})\b",
    rf"\bat the (?:{_GROUPS}) level\b",
    r"\b(?:patient|subject|participant|donor|individual|animal|chromosome|site|centre|center|hospital|family|"
    r"scaffold|cluster|sequence[- ]identity|homology|slide|study)[- ](?:level|wise|based|disjoint|grouped) "
    r"(?:[\w-]+ ){0,2}(?:split|splitting|partition|partitioning|cross[- ]?validation|folds?|division|hold-?out|"
    r"separation|assignment)",
    r"(?:sequence |pairwise )?(?:identity|similarity|homology) (?:\w+ ){0,3}(?:threshold|cut-?off|below|under|<|"
    r"less than|of at most|clustering|reduction|partition)",
    r"(?:more|less|greater|higher|lower) than \d+\s?% (?:sequence |pairwise )?(?:identity|similarity)",
    r"\bCD-?HIT\b", r"\bMMseqs2?\b", r"\bBLASTClust\b", r"\bUCLUST\b", r"scaffold[- ](?:split|based)",
    r"(?:technical |biological )?replicates (?:\w+ ){0,3}(?:kept|assigned|placed|grouped) together",
    r"\bGroup(?:K)?Fold\b|\bgroup(?:ed)? (?:k-fold|cross[- ]?validation)",
    r"leave-one-(?:patient|subject|participant|chromosome|site|donor|centre|center|cohort|study|hospital|"
    r"individual|animal|family|cluster)-out",
    r"(?:held[- ]out|holding out|left out|leaving out|withheld) (?:\w+ ){0,2}chromosomes?|chromosomes? (?:\d+|[XY])\b"
    r"(?:(?:,| and| or) (?:\d+|[XY])\b)* (?:\w+ ){0,4}(?:held[- ]out|for testing|as (?:the )?test|test set)|"
    r"(?:test|held[- ]out) (?:\w+ ){0,3}chromosomes? (?:\d+|[XY])\b",
    r"(?:patients|subjects|participants|donors|individuals|animals|mice),? (?:not|rather than) [\w-]+,? were "
    r"(?:randomly )?(?:assigned|split|allocated|divided|sampled)",
    rf"(?:all|the) (?:samples|images|slides|scans|records|sequences|recordings|tiles|patches|visits|stays|cells|"
    rf"reads|measurements|spectra|radiographs|photographs|admissions|ECGs|notes|plots|volumes|windows|strips|wells) "
    rf"(?:\w+ ){{0,3}}(?:from|of) (?:the same|a given|each|one|a single|an?) (?:{_GROUPS})\b,? "
    rf"(?:[\w.,]+ ){{0,12}}(?:same|single|one) (?:split|set|fold|partition|subset)",
    rf"(?:assigned|allocated|kept|placed|distributed|split|moved) (?:the )?(?:whole|entire|complete) (?:\w+ )?"
    rf"(?:{_GROUPS}|clusters|plots|lines)\b|\b(?:whole|entire) (?:\w+ )?(?:{_GROUPS}|clusters|plots)"
    rf"\b(?:\W+\w+){{0,8}}\W+(?:to|into|over) (?:a single|the same|one|three|two|five|\w+) (?:subset|split|set|"
    rf"partition|fold|group)s?",
    r"\bunits? of (?:partitioning|splitting|the split)\b",
    r"\d+\s?% (?:or more |or higher |sequence )*(?:sequence )?identity",
    sections=_NOT_INTRODUCTION)
# samples independent by design: one per individual (nothing to keep apart)
_INDEPENDENT_SAMPLES = _any(
    rf"\b(?:one|a single) (?:sample|image|scan|record|sequence|recording|slide|genotype) per (?:{_GROUPS})\b",
    r"each (?:sample|image|record|scan|slide|strain|individual|animal|plant|patient|sequence|profile|isolate|"
    r"genotype) (?:\w+ ){0,2}(?:comes|came|is|was|carries|carried|represents|has|had|derives|derived) "
    r"(?:from )?an? (?:different|distinct|unique|separate|single)",
    sections=_NOT_INTRODUCTION)
_GROUPS_APART = _any(
    rf"\bno (?:{_GROUPS})\b (?:\w+ ){{0,5}}(?:in|across|between|to|into) (?:both|more than one|multiple|several|"
    rf"different|two)",
    rf"\bno overlap (?:of|in|between) (?:\w+ ){{0,2}}(?:{_GROUPS})\b|(?:{_GROUPS})\b (?:\w+ ){{0,5}}(?:do|did|does|"
    rf"were|was) (?:not|never) (?:overlap|appear|occur)",
    rf"(?:from|of) the same (?:{_GROUPS})\b (?:\w+ ){{0,4}}(?:never|not) (?:split|divided|separated|distributed|"
    rf"spread)|(?:from|of) the same (?:{_GROUPS})\b (?:\w+ ){{0,4}}(?:kept|stayed|placed|remained) (?:together|in the "
    rf"same)",
    rf"(?:non-?overlapping|disjoint) (?:sets of )?(?:{_GROUPS})\b",
    r"\bno \w+ in the (?:test|validation|held-out) (?:set|partition|split|fold|subset) (?:has|shares|is)\b",
    r"(?:no|none of the) (?:test|validation) \w+ (?:shares?|has) (?:\w+ ){0,3}\d+\s?% (?:or more )?(?:sequence )?"
    r"(?:identity|similarity)",
    r"\bappears? in (?:exactly|only) one (?:subset|split|set|partition|fold)\b",
    negatable=False, sections=_NOT_INTRODUCTION)


def split_by_group(document: Document, sentence: Sentence) -> bool:
    """The sentence says related samples were kept apart across the splits (what DLR804 checks in the code)."""
    return _SPLIT_BY_GROUP(document, sentence) or _GROUPS_APART(document, sentence)


def _split_independence(document: Document, sentence: Sentence) -> bool:
    return split_by_group(document, sentence) or _INDEPENDENT_SAMPLES(document, sentence)

_FIXED_TRANSFORM = _re(r"divid\w* by (?:255|\d+)|range (?:of )?\[?0(?:\.0)?(?:,| to|-)|\blog[- ]?(?:2|10)?[- ]?transform|"
                       r"\blog\(|resiz|crop|augment|per[- ](?:image|sample|cell|read)|library size|counts per million|"
                       r"\bCPM\b|\bTPM\b|one-hot")
_ESTIMATED = _re(r"\bmean\b|standard deviation|statistics|\bfit\w*|estimat\w*|imput\w*|\bPCA\b|principal component|"
                 r"select\w*|ComBat|batch[- ]correct|variance|whole data ?set|all (?:samples|images|cells|data)")
_PREPROCESSING = _re(r"(?<!batch )(?<!layer )(?<!instance )(?<!group )normali[sz](?!ation layer)|standardi[sz]|z-?scor|\bscal(?:ed|ing)\b|min-?max|imput|feature selection|"
                     r"selected (?:\w+ ){0,2}features|select(?:ed)? (?:the )?(?:top|most variable|highly variable)|"
                     r"(?:most|highly) variable|highest variance|filtered to the \d|"
                     r"batch[- ](?:effect )?correct|ComBat|\bPCA\b|principal component|dimensionality reduction|"
                     r"variance filter|highly variable genes|whiten|mean[- ]cent(?:er|re)")
_ON_TRAIN = _any(
    r"(?:fit|fitted|estimated|computed|calculated|learned|learnt|derived|determined|obtained|performed|applied|"
    r"done|conducted|selected|chosen) (?:\w+ ){0,6}(?:on|from|using|with|within|in) (?:the )?(?:training|train)"
    r"(?:ing)?(?:[- ]?[\w-]+){0,2} (?:only|alone)",
    r"(?:only|solely|exclusively) (?:\w+ ){0,3}(?:on|from|using|with|in) (?:the )?(?:training|train)",
    r"within (?:each|every|the) (?:\w+ ){0,2}(?:training )?(?:fold|folds|cross[- ]validation (?:fold|loop|split)|CV "
    r"fold|split)", r"inside (?:the |each )?(?:\w+ ){0,2}(?:cross[- ]?validation|CV|fold)",
    r"(?:as part of|part of|inside|within) (?:a|the|an?) (?:[\w-]+ ){0,2}pipeline", r"(?:statistics|parameters|means?|"
    r"standard deviations?|variances?|scal(?:er|ing factors)|imputer|medians?) (?:\w+ ){0,4}(?:of|from|on) "
    r"(?:the )?training [\w-]+",
    r"(?:applied|transferred|reused|used) (?:\w+ ){0,5}(?:to|on) (?:the )?(?:validation|test)(?: \w+){0,3} "
    r"(?:without|unchanged|as fitted)", r"to (?:avoid|prevent) (?:\w+ ){0,2}(?:data )?leakage",
    r"(?:fit|fitted|estimated|learned|learnt|computed|calculated) (?:\w+ ){0,2}(?:to|on|from) (?:the |each )?training"
    r"(?:[- ](?:set|data|samples|images|cells|fold|folds|split|partition|cohort))",
    r"(?:using|with|from) (?:the )?training[- ](?:set |data |fold |sample |image |cell )?(?:statistics|means?|"
    r"parameters|mean and|medians?|quantiles|distribution)",
    r"(?:using|with) (?:the )?training (?:\w+ ){0,2}as (?:the )?reference",
    negatable=False, sections=_NOT_INTRODUCTION,
    also=r"normali[sz]|standardi[sz]|z-?scor|scal(?:ed|ing|er)|min-?max|imput|select|PCA|principal component|batch|"
         r"ComBat|statistics|transform|preprocess|pre-process|encod|variance|quantile|whiten|mean")

_TRADITIONAL = (r"logistic regression|random forests?|support vector (?:machines?|classifiers?|regression)|"
                # abbreviations as they are written: "BLAST", not "blast cells"; "NEWS", not "good news"
                r"(?-i:\bSVMs?\b|\bSVR\b|\bSVC\b|\bGBM\b|\bGBDT\b|\bk-?NN\b|\bLDA\b|\bPLS\b|\bBLAST\b|\bPSSM\b|"
                r"\bPRS\b|\bAPACHE\b|\bSOFA\b|\bqSOFA\b|\bNEWS2?\b|CHA2DS2)|gradient[- ]boost(?:ed|ing)|XGBoost|"
                r"LightGBM|CatBoost|k-?nearest neighbou?rs?|naive Bayes|linear regression|ridge(?: regression| "
                r"regularized)|\blasso\b|elastic[- ]net|decision trees?|linear (?:model|classifier|discriminant)|"
                r"partial least squares|Cox (?:proportional hazards|model|regression)|"
                r"(?:traditional|classical|conventional|standard|shallow) (?:machine[- ]learning|ML|statistical) "
                r"(?:models?|methods?|baselines?|approaches?|classifiers?)|position weight matri|"
                r"polygenic (?:risk )?scores?|clinical (?:risk )?scores?|Framingham\b")
_BASELINE_ANY = _any(_TRADITIONAL, sections=_NOT_INTRODUCTION)
_NOT_COMPARED = _re(r"\bimput\w*|\bhead\b|on top of|\bprob(?:e|ing)\b|frozen|feature selection|select\w* features|"
                    r"\bembedding")
_COMPARED = _re(r"compar\w*|baselines?|benchmark\w*|versus|\bvs\b|outperform\w*|than|reached|achieved|obtained|"
                r"performance|AUC|AUROC|accuracy|F1|against")


def _BASELINE(document: Document, sentence: Sentence) -> bool:
    """A traditional model compared with: not one used for imputation or as a classifier head."""
    if not _BASELINE_ANY(document, sentence):
        return False
    return not _NOT_COMPARED.search(sentence.text) or bool(_COMPARED.search(sentence.text))
_TUNED = (
    r"(?:tuned|tuning|optimi[sz]ed|optimi[sz]ing|grid[- ]search|random(?:ized)? search|Bayesian optimi[sz]ation|"
    r"hyper-?parameters? (?:were|was) (?:selected|chosen|set|searched|optimi[sz]ed|determined)|same (?:\w+ ){0,2}"
    r"(?:search|budget|procedure|tuning|protocol|cross-validation)|default (?:hyper-?)?(?:parameters|settings|"
    r"values|configuration)|(?:its|their|library|scikit-learn'?s?) defaults|(?:nested|inner) (?:\w+[- ])?"
    r"(?:fold )?cross[- ]?validation|(?:selected|chosen|tuned|determined|optimi[sz]ed|set) (?:\w+ ){0,3}(?:on|by|"
    r"using|with|via) (?:the |an? )?(?:[\w-]+ ){0,2}(?:validation|inner|nested|grid|random|cross)|\bsearched\b|"
    r"\bsearch(?:ed)? over\b|\bgrid of\b|\b(?:values?|settings) (?:of|for) (?:\w+ ){0,2}(?:in|from|over) \{?|"
    r"(?:explored|tried|tested) (?:\w+ ){0,2}values)")
_BASELINE_TUNED_WORDS = _re(_TUNED)
_BASELINE_TUNED = _any(
    _TUNED,
    negatable=False,
    also=rf"{_TRADITIONAL}|\bbaselines?\b|\b(?:all|each|both|every|the other|comparison|competing|benchmark) "
         rf"(?:\w+ )?(?:models|methods|classifiers|approaches|algorithms)|\bfor all (?:models|methods)|\bC\b|"
         rf"max_depth|n_estimators|number of trees|maximum depth|regulari[sz]ation (?:strength|parameter)")

_HYPERPARAMETERS = [
    (r"learning rates? (?:\w+ ){0,3}(?:of |was |were |= ?|: ?|set to |to )?(?:\d|10\^|1e)|(?:\d|10\^|1e)\S* learning rate|"
    r"\blr\s*[=:]\s*\d|learning[ _]rate\s*[|:=]\s*(?:\d|10\^|1e)"),
    (r"batch(?:es)? (?:size|sizes) (?:\w+ ){0,2}(?:of |was |were |= ?|: ?|set to )?\d|(?:batches|mini-?batches) of \d|"
    r"\d+ (?:samples|images|sequences) per (?:mini-?)?batch|batch[ _]size\s*[|:=]\s*\d"),
    (r"\d+ (?:training )?epochs|epochs\s*[|:=]\s*\d|epochs (?:\w+ ){0,2}(?:of |was |were |= ?|: ?|to )?\d|"
    r"(?:for|over|up to|maximum of) "
    r"\d+ (?:training )?(?:epochs|iterations|steps)"),
    (r"dropout (?:\w+ ){0,3}(?:of |was |were |= ?|: ?|p ?= ?|probability )?0?\.\d|dropout (?:rate|probability) "
    r"(?:\w+ ){0,2}\d"),
    r"weight decay (?:\w+ ){0,2}(?:of |= ?|: ?)?(?:\d|10\^|1e)|\bL2 (?:\w+ ){0,2}(?:of |= ?|: ?|λ ?= ?)(?:\d|10\^|1e)",
    (r"\d+ (?:hidden |convolutional |dense |fully[- ]connected |transformer |LSTM |GRU |residual |attention )?"
    r"(?:layers|blocks|attention heads|heads)|(?:layers|blocks) (?:of |with )\d+ (?:units|neurons|filters|channels)"),
    (r"\d+ (?:hidden )?(?:units|neurons|filters|channels|hidden dimensions?)|hidden (?:size|dimension|units?) "
    r"(?:\w+ ){0,2}(?:of |= ?|: ?)?\d|embedding (?:size|dimension) (?:\w+ ){0,2}(?:of |= ?|: ?)?\d"),
    r"kernel size (?:\w+ ){0,2}(?:of |= ?|: ?)?\d|\d+ ?[x×] ?\d+ (?:kernels|filters|convolutions)",
    r"momentum (?:\w+ ){0,2}(?:of |= ?|: ?)?0?\.\d|patience (?:\w+ ){0,2}(?:of |= ?|: ?)?\d",
    r"(?:Adam|AdamW|SGD|RMSprop|Adagrad)(?: optimi[sz]er)? (?:\w+ ){0,5}(?:\d|10\^|1e)",
]
_HYPERPARAMETER_PATTERNS = [_re(pattern) for pattern in _HYPERPARAMETERS]

_SEARCH = _any(
    r"grid[- ]search|random(?:i[sz]ed)? search|Bayesian (?:hyper-?parameter )?optimi[sz]ation|\bOptuna\b|"
    r"\bHyperopt\b|Ray Tune|Keras ?Tuner|hyper-?parameter (?:search|optimi[sz]ation|tuning|sweep|selection)",
    r"search (?:space|range|grid)", r"(?:selected|chosen|tuned|optimi[sz]ed|determined|set|picked) (?:\w+ ){0,5}(?:on|"
    r"using|by|via|with|against|from|according to|based on) (?:the |an? )?(?:[\w-]+ ){0,2}(?:validation|inner|"
    r"nested|development|tuning)",
    r"(?:selected|chosen|picked) (?:\w+ ){0,3}(?:from|among|out of) (?:\{|the (?:values|set|grid|candidates))",
    r"(?:tried|tested|compared|explored|evaluated) (?:\w+ ){0,3}(?:learning rates|values|settings|configurations|"
    r"architectures|combinations)(?:\W+\w+){0,12}\W+(?:kept|selected|chose|chosen|retained|picked) (?:the )?best",
    r"nested cross[- ]?validation|inner (?:loop|folds?|cross[- ]?validation)", r"(?:were|was) tuned",
    r"(?:we|were) (?:searched|explored|evaluated) (?:\w+ ){0,3}(?:values|combinations|configurations|settings)",
    negatable=False, sections=_NOT_INTRODUCTION)

_SEEDS = _any(
    r"random seeds?|\bseeds? (?:of |= ?|was |were |set to |value )?\d|\bseeds? (?:\w+ ){0,3}(?:of|=|to|at|as) ?\d|"
    r"\bseeds? (?:\w+ ){0,2}(?:fixed|set)\b|random[_ ]state\b|"
    r"(?:fixed|set|fixing|setting) (?:\w+ ){0,3}"
    r"seeds?|seeded (?:with|by|to|at|using|all|every|the (?:random|generators?))|(?:\d+|two|three|four|five|ten|twenty) (?:different |independent |random |distinct )?"
    r"(?:seeds|random initiali[sz]ations)|(?:different|independent|distinct) (?:random )?(?:seeds|initiali[sz]ations)",
    r"deterministic (?:algorithms|mode|training|operations|behaviou?r)|use_deterministic_algorithms|"
    r"cudnn\.deterministic", sections=_NOT_INTRODUCTION)

_ENVIRONMENT = _any(
    r"\bNVIDIA\b|GeForce|\bTesla (?:V100|P100|T4|K80|K40|M60|P40|A100)\b|\bRTX ?\d|\bGTX ?\d|"
    r"\b(?:A|V|H|P|K)100\b|\bA6000\b|\bA40\b|\bL40S?\b|\bT4 GPUs?\b|\bTPUs?\b|\bGPUs? \(?(?:NVIDIA|AMD)",
    r"\bIntel\b|\bXeon\b|\bAMD (?:EPYC|Ryzen|Radeon|Instinct|MI\d+|Opteron|Threadripper|CPU|GPU|processor)|"
    r"\bRyzen\b|\bEPYC\b|Apple M[1-4]|\bcores?\b (?:\w+ ){0,2}(?:CPU|processor)",
    r"environment\.ya?ml|requirements\.txt|conda (?:environment|lock)|Docker (?:image|container)|Dockerfile|"
    r"Singularity|Apptainer|container image|(?:package|library|software) versions (?:are|were) (?:pinned|listed|given|"
    r"recorded|reported)",
    rf"(?:PyTorch|TensorFlow|Keras|scikit-learn|sklearn|Python|JAX|CUDA|cuDNN|XGBoost|LightGBM|Lightning|NumPy|"
    rf"pandas|SciPy|Scanpy|Seurat|RDKit|MONAI|transformers|R|Bioconductor)\s*\(?{_VERSION}",
    negatable=False)

_PREVALENCE = _re(r"\d+(?:\.\d+)?\s?%\s*(?:of (?:the )?(?:[\w,-]+ ){0,3})?(?:were|was|had|came from|developed|experienced|"
                  r"showed|were followed|positive|cases|labell?ed|readmitted|died|with (?!a |an |the )|"
                  r"(?:\w+ )?(?:prevalence|incidence|positives?))|(?:proportion|fraction|percentage|rate|prevalence|"
                  r"incidence) of (?:[\w-]+ ){0,5}(?:was|were|is|of) (?:about |approximately )?\d+(?:\.\d+)?\s?%|"
                  r"(?:prevalence|incidence)\b(?:\W+\w+){0,4}\W+\d+(?:\.\d+)?\s?%")
_DEMOGRAPHIC = _re(r"\d+(?:\.\d+)?\s?%\s*(?:of (?:the )?(?:[\w-]+ ){0,3})?(?:were|was) (?:women|men|female|male|white|"
                   r"black|asian|smokers|children|adults|aged|older|younger)")
_IMBALANCE = _re(r"imbalanc|unbalanc|class (?:ratio|distribution|skew|prior)|\bprevalence\b|minority class|"
                 r"majority class|rare (?:class|event|disease|outcome|condition|variants?)|skewed (?:class|label)|"
                 r"(?:\d+(?:\.\d+)?\s?%|\d+ of (?:the )?\d[\d,]*) (?:of (?:the )?(?:\w+ ){0,2})?(?:\w+ )?(?:were|was|are|is|"
                 r"being) (?:positive|cases|malignant|labell?ed positive|diseased|affected|events)|"
                 r"positives? (?:made up|accounted for|represent|comprised?)|\b(?:were|was|is|are) rare\b|"
                 r"\b1 in \d+\b|\bone in (?:\d+|ten|twenty|fifty|a hundred)\b")
_PR_METRICS = frozenset({"pr_auc", "f1", "precision", "mcc"})
_UNCERTAINTY = _re(r"confidence intervals?|\b\d{2}\s?%\s?CI\b|\bCI\b|standard deviations?|\bs\.?d\.?\b|"
                   r"standard errors?|\bSEM?\b|±|\+/-|bootstrap|error bars|interquartile|\bIQR\b|credible interval|"
                   r"(?:variation|variance|spread|variability) (?:\w+ ){0,3}(?:across|over|between) (?:\w+ ){0,2}"
                   r"(?:seeds|runs|folds|repeats|repetitions|splits)|(?:mean|average)d? (?:\w+ ){0,4}(?:over|across) "
                   r"(?:\d+|three|five|ten) (?:\w+ )?(?:seeds|runs|folds|repeats|repetitions|splits)|"
                   r"(?:seeds|runs|folds|repetitions)\b(?:\W+\w+){0,6}\W+ranged? (?:from )?\d|ranged? from \d[\d.]* "
                   r"to \d[\d.]* (?:across|over) (?:\w+ ){0,2}(?:seeds|runs|folds)")
_PERFORMANCE = _re(r"performance|accuracy|AUC|AUROC|AUPRC|F1|score|precision|recall|sensitivity|specificity|"
                   r"metric|MCC|R\^?2|R²|RMSE|MAE|correlation|results?|test set|bootstrap\w*|resampl\w*|"
                   r"random seeds|seeds|runs|folds|repeated|experiments")
_NEGATIVE_CONTROL_WORDS = _any(
    r"label[- ]?(?:shuffl|permut|randomi[sz]|scrambl)\w*", r"(?:shuffled|permuted|randomi[sz]ed|scrambled|random) "
    r"(?:class )?(?:labels|outcomes|targets|responses|ages|phenotypes|activit(?:y|ies))",
    r"\by[- ](?:randomi[sz]ation|scrambling|permutation)",
    r"permutation (?:test|testing|baseline|control)(?!\w)", r"negative[- ]controls?",
    r"(?:labels|outcomes|targets) (?:were|was) (?:randomly )?(?:shuffled|permuted|randomi[sz]ed|scrambled)",
    r"(?:shuffl|permut)\w* (?:the )?(?:class )?labels",
    r"(?:[\w-]+-)?(?:shuffled|scrambled|permuted|randomi[sz]ed) (?:\w+ ){0,2}(?:sequences|inputs|features|data|"
    r"images)(?:\W+\w+){0,6}\W+(?:as an? (?:negative )?control|control for)")


def _NEGATIVE_CONTROL(document: Document, sentence: Sentence) -> bool:
    """A control run through the model: not a wet-lab control, not a permutation test comparing two models."""
    text = sentence.text
    if not _NEGATIVE_CONTROL_WORDS(document, sentence):
        return False
    if not re.search(r"model|train|label|predict|classifier|network|AUROC|AUC|accuracy|performance|chance|"
                     r"pipeline|control for", text, re.IGNORECASE):
        return False
    return not re.search(r"permutation test", text, re.IGNORECASE) or not re.search(
        r"differences? (?:in|between)|between the (?:two )?models|paired|compar\w+ (?:the )?(?:two )?models", text,
        re.IGNORECASE)
_EXTERNAL = _any(
    r"external(?:ly)? (?:validat|test|evaluat|cohort|data|set)\w*", r"independent (?:external |held-out )?"
    r"(?:test(?:ing)?|validation|replication)? ?(?:cohort|data ?sets?|sets?|samples?|stud(?:y|ies)|populations?|"
    r"hospitals?|sites?|centres?|centers?)",
    r"(?:validated|tested|evaluated|applied|assessed) (?:\w+ ){0,5}(?:on|in|using) (?:data from )?(?:an? |the )?"
    r"(?:independent|external|separate|second|another|unseen|new|different) (?:\w+ )?(?:cohort|data ?set|hospital|site|"
    r"centre|center|study|population|institution|species|country)",
    r"(?:(?:evaluat|validat|test|appl|assess|generali[sz])\w*|performance|AUC|AUROC|accuracy)(?:\W+\w+){0,10}\W+"
    r"(?:another|a second|a different|an independent|a separate) (?:\w+ ){0,2}(?:hospital|site|centre|center|"
    r"institution|cohort|country)|(?:another|a second|a different|an independent|a separate) (?:\w+ ){0,2}"
    r"(?:hospital|site|centre|center|institution|cohort|country)(?:\W+\w+){0,10}\W+(?:(?:evaluat|validat|test|"
    r"appl|assess|generali[sz])\w*|performance|AUC|AUROC|accuracy)", r"prospective(?:ly)? (?:validat|evaluat)\w*",
    r"(?:tested|validated|evaluated|applied|assessed|deployed) prospectively",
    r"temporal(?:ly)? (?:validat|hold-?out|external)\w*", r"\breplication cohort\b",
    r"after the (?:training|development|study) period", r"independently (?:generated|collected|acquired|produced|"
    r"sequenced|measured|profiled)", r"(?:a second|another),? (?:\w+ ){0,2}(?:data ?set|cohort)",
    r"(?:tested|validated|evaluated|applied|assessed) (?:\w+ ){0,6}(?:from|at|in) (?:\w+ ){0,2}(?:other|different|"
    r"separate) (?:hospitals?|sites?|centres?|centers?|institutions?|cohorts?|studies|laborator(?:y|ies))")
# statements of independence phrased with a negative word
_EXTERNAL_UNSEEN = _any(
    r"not used (?:for|in|during) (?:\w+ ){0,2}(?:training|model development|development|tuning)",
    r"(?:never|not) seen (?:during|in) (?:training|development)", r"contributed no (?:training|development) data",
    r"held out from (?:all|any) (?:training|development)", r"none of (?:their|its|these|the) (?:\w+ ){0,3}(?:were|was) "
    r"used (?:for|in) (?:training|model development|development)", negatable=False,
    also=r"cohort|data ?set|hospital|site|centre|center|study|laborator|external|independent|other|another|"
         r"second|later|prospective")


def _external(document: Document, sentence: Sentence) -> bool:
    text = sentence.text
    if _EXTERNAL_UNSEEN(document, sentence):
        return True
    if not _EXTERNAL(document, sentence):
        return False
    # "an independent test set" held out at random from the same data is not external
    return not (re.search(r"\brandom(?:ly)?\b|\bheld out\b|\bsplit\b", text, re.IGNORECASE)
                and not re.search(r"external|another|other|different|separate|second|prospective|temporal|later|"
                                  r"after", text, re.IGNORECASE))
_FEATURE_CLAIM = _re(
    r"(?:most |highly )?(?:important|predictive|informative|influential|salient|relevant|top[- ]ranked|top|key|"
    r"discriminative|contributing) (?:\w+ )?(?:features?|genes?|variables?|predictors?|regions?|residues?|biomarkers?|"
    r"pixels?|SNPs?|variants?|motifs?|markers?|covariates?|attributes?|loci|k-mers|positions|nucleotides)|feature "
    r"importances?|(?:contribut|attribut)\w+ (?:\w+ ){0,3}to (?:the )?(?:predictions?|model|output|classification)|"
    r"(?:ranked|ranking) (?:of )?(?:the )?(?:features|genes|variables|predictors)|attention (?:weights|maps|scores)|"
    r"saliency|\bSHAP\b|(?:identif|reveal|highlight|uncover)\w* (?:\w+ ){0,4}(?:genes|features|biomarkers|regions|"
    r"variants|residues|motifs|predictors) (?:that|which|associated|as|driving|underlying|important|most)|"
    r"\brel(?:ies|ied|y) (?:mainly |mostly |largely |primarily |heavily )?on\b(?:\W+\w+){0,8}\W+(?:activity|"
    r"features?|genes?|regions?|channels?|bands?|variables?|residues?|pixels?|markers?)|"
    r"(?:model|network|classifier|CNN|transformer)s? (?:\w+ ){0,2}(?:focus(?:ed|es)? on|attend(?:ed|s)? to|"
    r"relie[sd] (?:mostly |mainly |largely )?on|exploit(?:ed|s)?|(?:looks|looked) at)")
_INTERPRETATION = _any(
    r"\bSHAP\b|Shapley|integrated gradients|saliency|Grad-?CAM|permutation (?:feature )?importance|"
    r"attention (?:analysis|weights|maps|scores|rollout)|\bLIME\b|DeepLIFT|DeepExplainer|in[- ]silico "
    r"mutagenesis|occlusion|layer-?wise relevance|\bLRP\b|(?:gradient|perturbation)[- ]based attribution|TreeSHAP|"
    r"feature attributions?|Gini importance|impurity[- ]based|mean decrease (?:in )?(?:impurity|accuracy)|"
    r"(?:coefficients|weights) of the (?:logistic|linear|lasso|ridge)|SmoothGrad|guided backprop|"
    r"TCAV|counterfactual explanations?|attribution method|ANOVA F-?(?:score|statistic|test)|mutual information|"
    r"univariate (?:test|statistic|ranking|selection)|permut\w+ (?:each |every |the )?(?:input )?(?:features?|"
    r"variables?|predictors?)|[\w-]+ importance (?:was|were) (?:estimated|computed|measured|assessed) "
    r"(?:by|with|using)", negatable=False)
_CODE_AVAILABLE = _any(
    r"(?:code|software|scripts?|implementation|source code|pipeline|package|notebooks?|models?|weights|method)\b"
    r"(?:\w|\W){0,100}?(?:available|deposited|released|provided|shared|hosted|archived|can be (?:found|obtained|"
    r"accessed|downloaded)|is at|are at|at https?://|upon (?:reasonable )?request|on request)",
    r"\bon (?:CRAN|PyPI|Bioconductor|conda-forge|Bioconda)\b|(?:Bioconductor|CRAN|PyPI|Bioconda) package",
    negatable=False, also=r"\bcode\b|software|scripts?|implementation|pipeline|package|notebook|github|gitlab|"
                          r"bitbucket|codeocean|models?|weights")
_OWN_CODE = _re(r"\b(?:our|we|this (?:work|study|paper|method|article))\b|\bthe (?:source )?code\b|\ball code\b|"
                r"\bcode (?:and|for|to|used|is|are|of)\b|\bthe (?:implementation|software|scripts|method|package|"
                r"pipeline)\b|\bimplementing the method\b|https?://|github|gitlab|zenodo")


def _CODE(document: Document, sentence: Sentence) -> bool:
    """Where this study's code is: availability words about code that is the authors' own (not third-party packages
    "available from PyPI"); a repository URL with availability words or in an availability section."""
    text = sentence.text
    if _CODE_AVAILABLE(document, sentence) and _OWN_CODE.search(text) and not re.search(
            r"open-source packages|third-party|provided by (?!us\b)|(?:retrained|used|applied|ran) \w+ \(https?://",
            text, re.IGNORECASE):
        return True
    return bool(re.search(r"github\.com|gitlab\.|bitbucket\.org|codeocean|zenodo\.org|doi\.org/10\.5281", text,
                          re.IGNORECASE) and sentence.section == "availability")
_DATA_AVAILABLE_NAMED = _any(rf"(?-i:{_DATABASES}|[A-Z][\w-]*-[A-Z0-9][\w.-]*)(?:(?!\.\s)[^;]){{0,80}}?\b(?:are|is) "
                             rf"(?:publicly |freely |openly )?(?:available|accessible)", negatable=False)
_DATA_ON_REQUEST = _any(r"(?:on|upon) (?:reasonable )?request|can be (?:requested|obtained|accessed)|access (?:procedure|"
                        r"application)|data (?:use|access) agreement|credentialed access", negatable=False,
                        also=r"data|images|recordings|sequences|database|records")
_DATA_AVAILABLE = _any(
    r"(?:data|data ?sets?|database|archive|images|sequences|recordings|raw data|counts|matri(?:x|ces)|annotations|"
    r"labels|genotypes|records)\b(?:\w|\W){0,100}?(?:(?:publicly |freely |openly )?available(?! for\b| in \d)|deposited|"
    r"accessible|released|shared(?! (?:between|among|with the (?:annotators|raters|readers)))|can be (?:requested|"
    r"accessed|obtained|downloaded)|under accession|upon (?:reasonable )?request|on request|provided (?:with|in|as) "
    r"(?:this|the) (?:paper|article|manuscript|supplement)|(?:through|via|after) (?:an? )?(?:application|data access|"
    r"registration|data use agreement|credentialed access))",
    r"accession (?:numbers?|codes?|IDs?)|\bGSE\d+|\bPRJ[NE][AB]?\d+|\bE-MTAB-\d+|\bEGA[SD]\d+|\bphs\d+|\bSRP\d+|"
    r"\bPXD\d+")
_HUMAN = re.compile(r"\b(?i:patients?|participants?|clinical|hospitals?|electronic health records?|biobank|"
                    r"volunteers?|human (?:subjects|participants|data|samples|tissues?|cohort|donors)|medical records|"
                    r"intensive care|outpatients?|inpatients?|healthy controls|survivors|pregnan\w*)\b|"
                    r"\b(?:EHRs?|MIMIC(?:-I+V?|-III|-IV)?|UK ?Biobank|TCGA|ICUs?)\b")
_HUMAN_WEAK = _re(r"\b(?:people|persons|women|men|children|infants|adults|individuals|subjects|donors)\b")
_ETHICS_WORDS = _any(
    r"ethic(?:s|al)? (?:committee|board|approval|review|commission|permission|clearance)",
    r"institutional review board|\bIRB\b|research ethics|\bREC\b (?:approval|reference)|"
    r"approved by (?:the )?(?:\w+ ){0,6}(?:committee|board|IRB|council)|(?:protocol|approval|reference) "
    r"(?:number|no\.|#|ID)", r"Declaration of Helsinki",
    r"exempt(?:ed|ion)? (?:\w+ ){0,3}(?:from|by) (?:\w+ ){0,3}(?:ethic|IRB|review)|(?:ethics|IRB) "
    r"(?:\w+ ){0,2}(?:waived|exempt|not required)", negatable=False)


def _ETHICS(document: Document, sentence: Sentence) -> bool:
    """Approval of the study (not the approval a reader needs to access the data)."""
    return _ETHICS_WORDS(document, sentence) and not re.search(
        r"available|on request|upon request|access (?:to|procedure)|to access", sentence.text, re.IGNORECASE)


_CONSENT = _any(
    r"informed consent|\bconsent(?:ed)?\b (?:\w+ ){0,4}(?:obtained|waived|given|provided|signed|required|"
    r"exempt)|waiver of (?:\w+ )?consent|(?:gave|provided|signed|obtained) (?:\w+ ){0,2}consent|"
    r"\bconsented\b|consent (?:form|procedure)s?|agreed (?:in writing )?to (?:take part|participate)|"
    r"signed (?:a |an |the )?(?:consent|participation agreement)|waived (?:the )?(?:need|requirement) (?:to obtain|for) "
    r"(?:\w+ )?consent", negatable=False)
_LIMITATIONS = _any(
    r"(?:a|one|the|main|major|key|several|important|potential|other|further|second|additional|first|chief|notable|"
    r"two|three|four|five|some|few|\d+) limitations?\b", r"\blimitations? (?:of (?:this|our|the present)|include|are|is that)",
    r"(?:this|our|the present) (?:study|work|analysis|approach|model) (?:has|had|is subject to|suffers from) "
    r"(?:\w+ ){0,2}(?:limitations|drawbacks|shortcomings|caveats)", r"\bmodel card\b",
    r"\b(?:is|are|was|were) limited (?:by|in)\b|\b(?:is|are|was|were) limited to (?!\d)", r"\bcaveats?\b",
    r"should be interpreted with caution|may not generali[sz]e|(?:might|may|does|do) not (?:generali[sz]e|transfer|"
    r"apply)", r"\bweakness(?:es)?\b|\bshortcomings?\b|\bdrawbacks?\b",
    r"\b(?:are|is|were|was) restricted to\b|\bneeds? (?:replication|further validation|confirmation)\b|"
    r"\brequires? (?:further |external )?(?:validation|replication)\b|\bgenerali[sz]ability\b",
    r"(?:came|come|were|was|are|is) (?:all )?from (?:only )?(?:one|a single) (?:[\w'-]+ ){0,3}(?:hospital|site|centre|"
    r"center|manufacturer|scanner|cohort|country|population|institution|device|laboratory|strain|species)|"
    r"\bonly (?:in part|partly|partially)\b", negatable=False,
    sections=("discussion", "conclusion", "limitations", "results", "abstract", "other", "availability"))


_DEEP_WORDS = _re(r"network|\bMLP\b|\bCNN\b|\bGRU\b|\bLSTM\b|\bRNN\b|transformer|\bdeep\b|our (?:model|method)|"
                  r"the model|(?:all|each|both|every) (?:\w+ )?models|attention|encoder|proposed|architecture|layers")
_TRADITIONAL_ONLY = _re(_TRADITIONAL)


def _search(document: Document, sentence: Sentence) -> bool:
    """The search that chose the model's hyperparameters: a sentence only about a baseline's tuning is DLR608's, one
    about the operating threshold is not about hyperparameters."""
    text = sentence.text
    if re.search(r"threshold|operating point|cut-?off", text, re.IGNORECASE) and not re.search(
            r"hyper-?parameter|learning rate|batch size|layers|dropout|architecture|search", text, re.IGNORECASE):
        return False
    return _SEARCH(document, sentence) and not (_TRADITIONAL_ONLY.search(text) and not _DEEP_WORDS.search(text))


def _baseline_tuning(document: Document, sentence: Sentence) -> bool:
    """How the baselines were tuned, said of them by name, or in the next sentence ("Its hyperparameters were tuned
    by random search", "Their C was chosen by grid search") after one that names a baseline."""
    if _BASELINE_TUNED(document, sentence):
        return True
    if not re.match(r"(?:its|their|for (?:the|both|all|each) baselines?|the baselines?'?s?|both|these)\b",
                    sentence.text, re.IGNORECASE):
        return False
    index = document.sentences.index(sentence)
    previous = document.sentences[index - 1] if index else None
    return bool(previous is not None and _TRADITIONAL_ONLY.search(previous.text)
                and _BASELINE_TUNED_WORDS.search(sentence.text))


def _data_availability(document: Document, sentence: Sentence) -> bool:
    if _DATA_AVAILABLE(document, sentence) or _DATA_AVAILABLE_NAMED(document, sentence) or \
            _DATA_ON_REQUEST(document, sentence):
        return True
    return bool(sentence.section == "availability" and re.search(r"availab|accessible|request|https?://|accession|"
                                                                 r"obtain|download|deposit", sentence.text, re.IGNORECASE)
                and (_DATA_NOUN.search(sentence.text) or _DATABASE.search(sentence.text))
                and not re.search(r"\bnot\b[^.]{0,30}(?:availab|accessible|shared)|cannot be (?:shared|made|released)|"
                                  r"\bunavailable\b", sentence.text, re.IGNORECASE))


def _preprocessing_estimated(document: Document) -> str | None:
    """None when the paper describes preprocessing estimated from data (scaling with means, imputation, feature
    selection); a fixed transform (dividing by 255, a log transform, resizing) is not."""
    for sentence in document.sentences:
        if sentence.section in ("references", "introduction") or not _PREPROCESSING.search(sentence.text):
            continue
        if _FIXED_TRANSFORM.search(sentence.text) and not _ESTIMATED.search(sentence.text):
            continue
        return None
    return "no preprocessing estimated from data is described"


def _feature_claims_or_method(document: Document) -> str | None:
    if _feature_claims(document) or any(_INTERPRETATION(document, s) for s in document.sentences
                                        if s.section not in ("introduction", "references")):
        return None
    return "no claims about which features matter"


def _hyperparameters(document: Document) -> Sentence | None:
    kinds: set[int] = set()
    first = None
    rows = [Sentence(" : ".join(row), place, table.section, kind="table") for table in own_tables(document)
            for row, place in zip(table.rows, table.places)]
    for sentence in [*document.sentences, *rows]:
        if sentence.section in _NOT_OWN:
            continue
        hits = {index for index, pattern in enumerate(_HYPERPARAMETER_PATTERNS) if pattern.search(sentence.text)}
        if hits and first is None:
            first = sentence
        kinds |= hits
        if len(kinds) >= 2:
            return first
    return None


def _metrics_named(document: Document) -> tuple[set[str], Sentence | None]:
    names: set[str] = set()
    first = None
    for sentence in document.sentences:
        if sentence.section in _NOT_OWN or sentence.kind == "heading":
            continue
        found = {_metric_of(m) for m in _METRIC.finditer(sentence.text)} - {None}
        if found and first is None:
            first = sentence
        names |= found
    for table in own_tables(document):
        for row in table.rows[:table.header_rows] + [[row[0]] for row in table.rows if row]:
            found = {_metric_of(m) for cell in row for m in _METRIC.finditer(cell)} - {None}
            if found and first is None:
                first = Sentence(" | ".join(table.rows[0]), table.places[0], table.section, kind="table")
            names |= found
    return names, first


def _imbalanced(document: Document) -> Sentence | None:
    """The sentence that says the classes are imbalanced, or states a prevalence ("11.2% of admissions were followed
    by a readmission"): for a rare class, accuracy and ROC AUC say little."""
    for sentence in document.sentences:
        if sentence.section in _NOT_OWN:
            continue
        text = sentence.text
        if re.search(r"\bbalanced (?:classes|data ?set)\b|classes were balanced|\bno (?:class )?imbalance\b|"
                     r"\bequal numbers? of\b", text, re.IGNORECASE):
            continue
        if _IMBALANCE.search(text) or (_PREVALENCE.search(text) and not _DEMOGRAPHIC.search(text)):
            return sentence
    return None


_NEGATIVE_CONTROL_ROW = _re(r"(?:shuffled|permuted|randomi[sz]ed|scrambled|random) (?:class )?(?:labels?|outcomes?|"
                            r"targets?)|label[- ]?(?:shuffl|permut)\w*|negative control|\by[- ]randomi[sz]ation")


def _row_label(document: Document, pattern: re.Pattern) -> Sentence | None:
    """A table row whose label matches (a results table's "Shuffled labels" row)."""
    for table in own_tables(document):
        for row, place in zip(table.rows, table.places):
            if row and pattern.search(row[0]):
                return Sentence(" | ".join(row), place, table.section, kind="table")
    return None


def own_tables(document: Document) -> list:
    """Tables of the paper's own work (not those of the introduction, the references or the acknowledgements)."""
    return [table for table in document.tables if table.section not in _NOT_OWN]


def _baseline_in_table(document: Document) -> Sentence | None:
    pattern = _re(_TRADITIONAL)
    for table in own_tables(document):
        for row, place in zip(table.rows, table.places):
            if row and pattern.search(row[0]) and not _NEGATED.search(row[0]):
                return Sentence(" | ".join(row), place, table.section, kind="table")
    return None


def _uncertainty(document: Document, sentence: Sentence) -> bool:
    text = sentence.text
    return bool(_UNCERTAINTY.search(text) and _PERFORMANCE.search(text)
                and not re.search(r"normali[sz]|standardi[sz]|z-?scor|subtract|divid|scal(?:ed|ing)|"
                                  r"initiali[sz]ed|distribution with|biological replicates|expression of|of expression",
                                  text, re.IGNORECASE))


def _feature_claims(document: Document) -> Sentence | None:
    return next((s for s in document.sentences if s.section in ("abstract", "results", "discussion", "conclusion",
                                                                "other") and _FEATURE_CLAIM.search(s.text)
                 and not _NEGATED.search(s.text)), None)


def _human(document: Document) -> Sentence | None:
    for sentence in document.sentences:
        if sentence.section in _NOT_OWN:
            continue
        strong = next((m for m in _HUMAN.finditer(sentence.text)
                       if not negated_near(sentence.text, m.start(), m.end())), None)
        weak = sentence.section in ("methods", "ethics") and _HUMAN_WEAK.search(sentence.text)
        if (strong or weak) and not re.search(r"\b(?:mice|mouse|murine|rats?|zebrafish|yeast|bacteri\w*|plants?|"
                                              r"Arabidopsis|drosophila|worms?|cattle|dogs?|veterinary|clinical "
                                              r"(?:isolates?|strains?|pathogens?))\b",
                                              sentence.text, re.IGNORECASE) \
                and not _DEFERRED.search(sentence.text) and not re.search(r"\b(?:could|might|may)\b", sentence.text):
            return sentence
    return None


def _not_human(document: Document) -> str | None:
    return None if _human(document) else "no human data described"


def _limitations_section(document: Document, sentence: Sentence) -> bool:
    return sentence.section == "limitations" and sentence.kind == "text" or _LIMITATIONS(document, sentence)


ITEMS: tuple[Item, ...] = (
    Item("DLR601", "data-source", "data source", "Data", _data_source),
    Item("DLR602", "data-version", "data version or access date", "Data", _data_version),
    Item("DLR603", "split-sizes", "sample sizes per split", "Data", _split_sizes),
    Item("DLR604", "split-method", "how the data were split", "Data", _SPLIT_METHOD),
    Item("DLR605", "split-independence", "independence of the splits (patients, replicates, homology)", "Data",
         _split_independence),
    Item("DLR606", "preprocessing-on-train", "preprocessing fit on the training data only", "Data", _ON_TRAIN,
         applies=_preprocessing_estimated),
    Item("DLR607", "baseline", "a traditional baseline", "Model", _BASELINE),
    Item("DLR608", "baseline-tuning", "how the baselines were tuned", "Optimisation", _baseline_tuning,
         applies=lambda d: None if any(_BASELINE(d, s) for s in d.sentences) or _baseline_in_table(d)
         else "no baseline is described"),
    Item("DLR609", "hyperparameters", "the final hyperparameter values", "Optimisation", lambda d, s: False),
    Item("DLR610", "hyperparameter-search", "the hyperparameter search", "Optimisation", _search),
    Item("DLR611", "seeds", "random seeds", "Optimisation", _SEEDS),
    Item("DLR612", "environment", "hardware and software versions", "Optimisation", _ENVIRONMENT),
    Item("DLR613", "metrics", "the metric panel (a precision-recall metric for imbalanced classes)", "Evaluation",
         lambda d, s: False),
    Item("DLR614", "uncertainty", "uncertainty of the performance", "Evaluation", _uncertainty),
    Item("DLR615", "negative-control", "a label-shuffle or other negative control", "Evaluation", _NEGATIVE_CONTROL),
    Item("DLR616", "external-validation", "external or independent test data", "Evaluation", _external),
    Item("DLR617", "interpretability", "the interpretation method behind claims about features", "Model",
         _INTERPRETATION, applies=_feature_claims_or_method),
    Item("DLR618", "code-availability", "code availability", "Reporting", _CODE),
    Item("DLR619", "data-availability", "data availability", "Reporting", _data_availability),
    Item("DLR620", "ethics-approval", "ethics approval", "Reporting", _ETHICS, applies=_not_human),
    Item("DLR621", "consent", "informed consent or its waiver", "Reporting", _CONSENT, applies=_not_human),
    Item("DLR622", "limitations", "limitations or a model card", "Reporting", _limitations_section),
)
ITEM_BY_RULE = {item.rule: item for item in ITEMS}

# What a missing item's finding says: what the manuscript does not report, and what to add.
MISSING = {
    "data-source": "the manuscript does not say where the data come from: name the database and accession, the "
                   "cohort or who collected the data",
    "data-version": "the manuscript gives no version, release or access date of the data: data sets change, so "
                    "state the release (e.g. 'UniProt 2023_01') or the date they were downloaded",
    "split-sizes": "the manuscript does not give the number of samples in each split (training, validation, test "
                   "or per fold)",
    "split-method": "the manuscript does not say how the data were split (random, stratified, cross-validation, by "
                    "time or site, and in what proportions)",
    "split-independence": "the manuscript does not say how related samples were kept apart across splits (by "
                           "patient or donor, replicates together, sequence-identity clustering, by chromosome or "
                           "site), nor that samples are independent",
    "preprocessing-on-train": "the manuscript describes preprocessing estimated from data but not that it was fit "
                              "on the training data only (inside each fold); otherwise test information leaks "
                              "into training",
    "baseline": "the manuscript compares with no traditional baseline (logistic regression, random forest, "
                "gradient boosting, ...): without one, the gain from deep learning is unknown",
    "baseline-tuning": "the manuscript does not say how the baselines' hyperparameters were chosen: an untuned "
                       "baseline flatters the deep model",
    "hyperparameters": "the manuscript does not report the final hyperparameters of the model (learning rate, "
                       "batch size, epochs, architecture sizes, ...)",
    "hyperparameter-search": "the manuscript does not say how the hyperparameters were chosen (search strategy, "
                             "search space, and the data they were selected on)",
    "seeds": "the manuscript reports no random seeds, nor results over several seeds",
    "environment": "the manuscript does not report the computing environment (GPU or CPU model, framework and "
                   "library versions)",
    "metrics": "the manuscript's metric panel is incomplete",
    "uncertainty": "the manuscript reports performance without uncertainty (confidence intervals, or the spread "
                   "over seeds, folds or bootstrap samples)",
    "negative-control": "the manuscript reports no label-shuffle or other negative control showing the "
                        "performance a model reaches without real signal",
    "external-validation": "the manuscript evaluates on no external or independent data (another cohort, site, "
                           "study or time period)",
    "interpretability": "the manuscript makes claims about which features matter without naming the "
                        "interpretation method behind them",
    "code-availability": "the manuscript does not say where the code is available",
    "data-availability": "the manuscript does not say where or how the data can be obtained",
    "ethics-approval": "the manuscript uses data from people and does not report ethics approval (committee or "
                       "IRB and reference) or an exemption",
    "consent": "the manuscript uses data from people and does not report informed consent or its waiver",
    "limitations": "the manuscript has no limitations section or statement of limitations (nor a model card)",
}


def evaluate(document: Document) -> list[Status]:
    """The status of every checklist item. An item's pattern function sees only the sentences of the study's own
    report (not those of the sections in ``NOT_OWN``)."""
    statuses = []
    claims = None
    for item in ITEMS:
        if item.applies is not None:
            reason = item.applies(document)
            if reason:
                statuses.append(Status(item, "not_applicable", reason=reason))
                continue
        if item.key == "hyperparameters":
            evidence = _hyperparameters(document)
        elif item.key == "metrics":
            names, evidence = _metrics_named(document)
            imbalance = _imbalanced(document)
            if evidence is None:
                statuses.append(Status(item, "missing", reason="no evaluation metric is named"))
                continue
            if imbalance is not None and not names & _PR_METRICS:
                statuses.append(Status(item, "missing", evidence=imbalance,
                                       reason="the classes are imbalanced and no precision-recall metric is reported"))
                continue
        else:
            evidence = next((s for s in document.sentences if s.kind != "heading" and s.section not in _NOT_OWN
                             and item.found(document, s)), None)
            if evidence is None and item.key == "split-sizes":
                evidence = _split_sizes_table(document)
            if evidence is None and item.key == "baseline":
                evidence = _baseline_in_table(document)
            if evidence is None and item.key == "negative-control":
                evidence = _row_label(document, _NEGATIVE_CONTROL_ROW)
            if evidence is None and item.key == "uncertainty":
                claims = claims if claims is not None else extract_claims(document)
                spread = next((c for c in claims if c.spread is not None), None)
                if spread is not None:
                    evidence = next((s for s in document.sentences if s.text == spread.sentence), None) or \
                        Sentence(spread.sentence, _place_of(spread), "results", kind="table")
        statuses.append(Status(item, "found" if evidence is not None else "missing", evidence=evidence))
    return statuses


def _place_of(claim) -> Place:
    return Place(claim.path, claim.line or 1, claim.page)
