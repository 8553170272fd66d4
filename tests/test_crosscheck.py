"""Paper against code (DLR801-DLR805) on the variants a study really writes: aliases, helpers, constants,
argparse defaults, scorers given as strings or functions, pandas group splits, values written as 10^-4 or 1,000."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlreview.config import Settings
from dlreview.engine import check_paths

SPLIT = "from sklearn.model_selection import train_test_split\nX_tr, X_te, y_tr, y_te = train_test_split(X, y)\n"
CASES = [
    # DLR801: seeds claimed, none set
    ("DLR801", "Random seeds were fixed to 42.", "import numpy as np\nx = np.random.rand(3)\n", True),
    ("DLR801", "We enabled deterministic algorithms in PyTorch. All random seeds were fixed to 42.",
     "import numpy as np\nx = np.random.rand(3)\n", True),
    ("DLR801", "Random seeds were not fixed, so results may vary.", "import numpy as np\nx = np.random.rand(3)\n",
     False),
    ("DLR801", "Random seeds were fixed to 42.",
     ("import torch\nfrom torch.utils.data import DataLoader\ng = torch.Generator().manual_seed(0)\n"
     "loader = DataLoader([1, 2], shuffle=True, generator=g)\n"), False),
    ("DLR801", "Random seeds were fixed to 42.",
     "import numpy as np\nrng = np.random.default_rng()\nx = rng.integers(0, 10)\n", True),
    ("DLR801", "Random seeds were fixed to 42.",
     "from sklearn.ensemble import RandomForestClassifier\nSEED = 42\nRandomForestClassifier(random_state=SEED)\n",
     False),
    # DLR802: baseline named, never built
    ("DLR802", "We compared the CNN with logistic regression.",
     "import statsmodels.formula.api as smf\nfit = smf.logit('y ~ age', data=df).fit()\n", False),
    ("DLR802", "We compared the CNN with logistic regression.",
     "import statsmodels.api as sm\nfit = sm.GLM(y, X, family=sm.families.Binomial()).fit()\n", False),
    ("DLR802", "We compared the CNN with logistic regression.", "from sklearn import svm\nsvm.SVC().fit(X, y)\n", True),
    ("DLR802", "Smith et al. [12] reported that a random forest reached an AUROC of 0.80.",
     "from sklearn import svm\nsvm.SVC().fit(X, y)\n", False),
    # DLR803: metric reported, never computed
    ("DLR803", "The model reached an MCC of 0.61.",
     ("from sklearn.metrics import make_scorer, matthews_corrcoef, roc_auc_score\n"
     "scorer = make_scorer(matthews_corrcoef)\nprint(roc_auc_score(y, p))\n"), False),
    ("DLR803", "The model reached an average precision of 0.61.",
     ("from sklearn.model_selection import cross_validate\nfrom sklearn.metrics import roc_auc_score\n"
     "cross_validate(model, X, y, scoring={'acc': 'accuracy', 'ap': 'average_precision'})\n"), False),
    ("DLR803", "The model reached an average precision of 0.61.",
     ("from sklearn.model_selection import GridSearchCV\nfrom sklearn.metrics import roc_auc_score\n"
     "SCORING = 'average_precision'\nGridSearchCV(model, grid, scoring=SCORING)\n"), False),
    ("DLR803", "The model reached an average precision of 0.61.",
     "from sklearn.metrics import get_scorer, roc_auc_score\nscore = get_scorer('average_precision')\n", False),
    ("DLR803", "The model reached a specificity of 0.91.",
     "from sklearn.metrics import recall_score\nspec = recall_score(y, p, pos_label=0)\n", False),
    ("DLR803", "The model reached an F1 of 0.61.",
     "from sklearn.metrics import roc_auc_score\nprint(roc_auc_score(y, p))\n", True),
    # DLR804: split by patient, not in the code
    ("DLR804", "The data were split by patient into training and test sets.",
     ("import pandas as pd\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv('x.csv')\n"
     "patients = df['patient_id'].unique()\ntrain_ids, test_ids = train_test_split(patients, random_state=0)\n"), False),
    ("DLR804", "The data were split by patient into training and test sets.",
     ("import pandas as pd\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv('x.csv')\n"
     "df = df.drop_duplicates()\ntrain, test = train_test_split(df, random_state=0)\n"), True),
    ("DLR804", "The images were not split by patient, which is a limitation.",
     "from sklearn.model_selection import train_test_split\ntrain, test = train_test_split(df, random_state=0)\n",
     False),
    # DLR805: hyperparameter values
    ("DLR805", "We used a batch size of 32.",
     ("import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--batch-size', type=int, default=32)\n"
     "from torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=256)\n"), False),
    ("DLR805", "We used a batch size of 32.",
     "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--batch-size', type=int, default=64)\n",
     True),
    ("DLR805", "The learning rate was 10^-4.", "import torch\nopt = torch.optim.Adam(params, lr=1e-4)\n", False),
    ("DLR805", "The learning rate was 10^-4.", "import torch\nopt = torch.optim.Adam(params, lr=1e-3)\n", True),
    ("DLR805", "The forest had 1,000 trees.",
     "from sklearn.ensemble import RandomForestClassifier\nRandomForestClassifier(n_estimators=1000)\n", False),
    ("DLR805", "We used a dropout rate of 20%.", "import torch\nlayer = torch.nn.Dropout(p=0.2)\n", False),
    ("DLR805", "The learning rate was halved every 10 epochs.", "import torch\nopt = torch.optim.Adam(params, lr=1e-3)\n",
     False),
    ("DLR805", "We used a weight decay of 1e-4.", "import torch\nopt = torch.optim.AdamW(params, weight_decay=0.05)\n",
     True),
    ("DLR805", "We used a weight decay of 1e-4.", "import torch\nopt = torch.optim.AdamW(params, weight_decay=1e-4)\n",
     False),
    ("DLR805", "Batch size: 32", "from torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=64)\n",
     True),
    ("DLR805", "| Hyperparameter | Value |\n|---|---|\n| Batch size | 32 |",
     "from torch.utils.data import DataLoader\nloader = DataLoader(ds, batch_size=64)\n", True),
]


@pytest.mark.parametrize(("rule", "paper", "code", "fires"), CASES,
                         ids=[f"{rule}-{'fires' if fires else 'silent'}-{paper[:30]}-{i}"
                              for i, (rule, paper, code, fires) in enumerate(CASES)])
def test_cross_check(tmp_path: Path, rule, paper, code, fires):
    study = tmp_path / "study"
    study.mkdir()
    (study / "train.py").write_text(code, encoding="utf-8")
    (study / "paper.md").write_text(f"## Methods\n\n{paper}\n", encoding="utf-8")
    result = check_paths([study], Settings(root=tmp_path, select=(rule,)), use_cache=False,
                         manuscripts=[study / "paper.md"])
    assert result.errors == []
    found = [f for f in result.findings if f.rule == rule]
    assert bool(found) == fires, [f.message for f in found]
