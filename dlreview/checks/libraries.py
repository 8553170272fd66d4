"""What the project rules know about deep-learning libraries: which calls seed, use randomness, train, tune,
record, download or save. scikit-learn facts come from dlreview/data/sklearn_api.json (generated from
scikit-learn itself); the other libraries are not dependencies of dlreview, so their names are curated here, each
group with the documentation it follows.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------------ randomness
FRAMEWORK_NAMES = {"torch": "PyTorch", "tensorflow": "TensorFlow/Keras", "numpy": "NumPy", "random": "Python's random"}
SEED_CALLS = {   # what to call, for messages
    "torch": "torch.manual_seed(SEED)",
    "tensorflow": "tf.random.set_seed(SEED)",
    "numpy": "np.random.seed(SEED) or a seeded rng = np.random.default_rng(SEED)",
    "random": "random.seed(SEED)",
}
# Calls that seed a framework's global generator (PyTorch's "Reproducibility" notes, TensorFlow's
# tf.random.set_seed and keras.utils.set_random_seed, NumPy's legacy seeding, Lightning's seed_everything).
SEEDS: dict[str, frozenset[str]] = {
    "torch.manual_seed": frozenset({"torch"}),
    "torch.random.manual_seed": frozenset({"torch"}),
    "torch.cuda.manual_seed": frozenset({"torch"}),
    "torch.cuda.manual_seed_all": frozenset({"torch"}),
    "tensorflow.random.set_seed": frozenset({"tensorflow"}),
    "tensorflow.set_random_seed": frozenset({"tensorflow"}),
    "tensorflow.compat.v1.set_random_seed": frozenset({"tensorflow"}),
    "keras.utils.set_random_seed": frozenset({"tensorflow", "numpy", "random"}),
    "tensorflow.keras.utils.set_random_seed": frozenset({"tensorflow", "numpy", "random"}),
    "numpy.random.seed": frozenset({"numpy"}),
    "random.seed": frozenset({"random"}),
    "pytorch_lightning.seed_everything": frozenset({"torch", "numpy", "random"}),
    "pytorch_lightning.utilities.seed.seed_everything": frozenset({"torch", "numpy", "random"}),
    "lightning.seed_everything": frozenset({"torch", "numpy", "random"}),
    "lightning.pytorch.seed_everything": frozenset({"torch", "numpy", "random"}),
    "lightning_fabric.seed_everything": frozenset({"torch", "numpy", "random"}),
    "lightning.fabric.seed_everything": frozenset({"torch", "numpy", "random"}),
    "transformers.set_seed": frozenset({"torch", "tensorflow", "numpy", "random"}),
    "transformers.trainer_utils.set_seed": frozenset({"torch", "tensorflow", "numpy", "random"}),
    "accelerate.utils.set_seed": frozenset({"torch", "numpy", "random"}),
}
TORCH_RANDOM_FUNCTIONS = frozenset({
    "torch.rand", "torch.randn", "torch.randint", "torch.randperm", "torch.normal", "torch.bernoulli",
    "torch.multinomial", "torch.rand_like", "torch.randn_like", "torch.randint_like", "torch.poisson",
    "torch.utils.data.random_split", "torch.nn.functional.dropout",
})
NUMPY_GENERATOR_MAKERS = frozenset({"numpy.random.default_rng", "numpy.random.RandomState", "numpy.random.Generator"})
NUMPY_NOT_RANDOM = frozenset({"seed", "get_state", "set_state", "SeedSequence", "PCG64", "PCG64DXSM", "MT19937",
                              "Philox", "SFC64", "BitGenerator"}) | {name.rsplit(".", 1)[1]
                                                                      for name in NUMPY_GENERATOR_MAKERS}
RANDOM_FUNCTIONS = frozenset({
    "random.random", "random.randint", "random.choice", "random.choices", "random.shuffle", "random.sample",
    "random.uniform", "random.gauss", "random.randrange", "random.normalvariate", "random.betavariate",
    "random.expovariate", "random.triangular", "random.getrandbits", "random.lognormvariate",
})

# ------------------------------------------------------------------------------------------------ models
TORCH_MODULE_BASES = frozenset({
    "torch.nn.Module", "torch.nn.modules.module.Module", "pytorch_lightning.LightningModule",
    "lightning.LightningModule", "lightning.pytorch.LightningModule", "torch.nn.Sequential",
})
KERAS_MODEL_BASES = frozenset({"keras.Model", "tensorflow.keras.Model", "keras.models.Model",
                               "tensorflow.keras.models.Model", "keras.Sequential", "tensorflow.keras.Sequential"})
KERAS_MODEL_PREFIXES = ("keras.Sequential", "keras.Model", "keras.models.", "tensorflow.keras.Sequential",
                        "tensorflow.keras.Model", "tensorflow.keras.models.", "keras.applications.",
                        "tensorflow.keras.applications.")
TORCH_MODEL_PREFIXES = ("torch.nn.Sequential", "torchvision.models.", "timm.create_model", "transformers.AutoModel",
                        "skorch.NeuralNet")
SKLEARN_DEEP = frozenset({"MLPClassifier", "MLPRegressor"})
DEEP_WRAPPERS = ("skorch.", "scikeras.wrappers.")
# Traditional models that Tip 2 names as baselines.
BASELINE_PREFIXES = ("xgboost.XGB", "lightgbm.LGBM", "catboost.CatBoost")
NOT_BASELINES = frozenset({"DummyClassifier", "DummyRegressor"})
# Constructor arguments that are not hyperparameters of the model (they change nothing the model learns).
NOT_HYPERPARAMETERS = frozenset({
    "random_state", "n_jobs", "verbose", "verbosity", "max_iter", "probability", "warm_start", "copy_X", "seed",
    "silent", "enable_categorical", "use_label_encoder", "eval_metric", "thread_count", "nthread", "device",
    "tree_method", "class_weight", "objective",
})

# ------------------------------------------------------------------------------------------------ training
TORCH_DETERMINISM_CALL = "torch.use_deterministic_algorithms"
TORCH_DETERMINISM_SETTING = "torch.backends.cudnn.deterministic"
TORCH_BENCHMARK_SETTING = "torch.backends.cudnn.benchmark"
TF_DETERMINISM_CALLS = frozenset({"tensorflow.config.experimental.enable_op_determinism",
                                  "tensorflow.config.enable_op_determinism"})
LIGHTNING_TRAINERS = ("pytorch_lightning.Trainer", "lightning.Trainer", "lightning.pytorch.Trainer")
DATALOADERS = frozenset({"torch.utils.data.DataLoader", "torch.utils.data.dataloader.DataLoader"})

# ------------------------------------------------------------------------------------------------ optimisers
ADAPTIVE_OPTIMIZERS = frozenset({"Adam", "AdamW", "Adamax", "NAdam", "Nadam", "RAdam", "RMSprop", "Adagrad",
                                 "Adadelta", "SparseAdam", "Adafactor", "Lion", "LAMB", "Lamb"})
TORCH_OPTIMIZER_PREFIX = "torch.optim."
KERAS_OPTIMIZER_PREFIXES = ("keras.optimizers.", "tensorflow.keras.optimizers.")
NOT_OPTIMIZERS = frozenset({"lr_scheduler", "Optimizer", "swa_utils", "schedules", "legacy"})

# ------------------------------------------------------------------------------------------------ tuning
TUNING_PREFIXES = ("optuna.", "ray.tune.", "keras_tuner.", "kerastuner.", "hyperopt.", "skopt.", "ray.train.")
TUNING_RUN_METHODS = frozenset({"optimize", "search", "fit"})
TRACKER_PREFIXES = ("mlflow.", "wandb.", "neptune", "comet_ml.", "clearml.", "sacred.", "aim.", "dvclive.",
                    "tensorboard.plugins.hparams", "guild.")
WRITERS = frozenset({"json.dump", "yaml.dump", "yaml.safe_dump", "pickle.dump", "joblib.dump", "numpy.save",
                     "numpy.savez", "torch.save", "toml.dump", "tomli_w.dump", "dill.dump", "pandas.DataFrame.to_csv"})
WRITE_METHODS = frozenset({"to_csv", "to_json", "to_pickle", "to_parquet", "to_excel", "write", "write_text", "dump",
                           "info", "debug", "warning", "log", "log_params", "log_param", "add_hparams", "update"})
DISPLAYS = frozenset({"builtins.print", "IPython.display.display", "pprint.pprint", "builtins.display"})
CONFIG_LOADERS = frozenset({"yaml.safe_load", "yaml.load", "yaml.full_load", "json.load", "toml.load", "tomllib.load",
                            "omegaconf.OmegaConf.load", "configparser.ConfigParser", "hydra.main",
                            "hydra.compose", "gin.parse_config_file"})

# ------------------------------------------------------------------------------------------------ metrics
KERAS_BLIND_METRICS = frozenset({"accuracy", "acc", "auc", "binary_accuracy", "categorical_accuracy",
                                 "sparse_categorical_accuracy"})
KERAS_PR_METRICS = frozenset({"precision", "recall", "f1", "f1_score", "fbeta_score", "pr_auc"})
PR_METRIC_CLASSES = re.compile(r"(?:^|\.)(?:Precision|Recall|F1Score|FBetaScore|F1|AveragePrecision|"
                               r"PrecisionRecallCurve|BinaryF1Score|BinaryPrecision|BinaryRecall|"
                               r"BinaryAveragePrecision|MatthewsCorrCoef|BinaryMatthewsCorrCoef)$")
BLIND_METRIC_CLASSES = re.compile(r"(?:^|\.)(?:Accuracy|BinaryAccuracy|AUROC|BinaryAUROC|AUC|"
                                  r"CategoricalAccuracy|SparseCategoricalAccuracy)$")
MORE_PR_METRICS = frozenset({"sklearn.metrics.matthews_corrcoef", "sklearn.metrics.PrecisionRecallDisplay",
                             "sklearn.metrics.PrecisionRecallDisplay.from_predictions",
                             "sklearn.metrics.PrecisionRecallDisplay.from_estimator"})
BLIND_SKLEARN_METRICS = frozenset({"accuracy_score", "roc_auc_score", "roc_curve", "RocCurveDisplay",
                                   "balanced_accuracy_score", "top_k_accuracy_score"})

# ------------------------------------------------------------------------------------------------ controls
LABEL_PERMUTERS = frozenset({"numpy.random.permutation", "numpy.random.shuffle", "random.shuffle", "random.sample",
                             "sklearn.utils.shuffle", "torch.randperm", "numpy.random.choice"})
PERMUTATION_TESTS = frozenset({"sklearn.model_selection.permutation_test_score"})

# ------------------------------------------------------------------------------------------------ saving
SAVE_CALLS = frozenset({"torch.save", "joblib.dump", "pickle.dump", "dill.dump", "skops.io.dump",
                        "keras.models.save_model", "tensorflow.keras.models.save_model", "cloudpickle.dump",
                        "safetensors.torch.save_file", "safetensors.torch.save_model", "onnx.save",
                        "torch.onnx.export"})
SAVE_METHODS = frozenset({"save", "save_model", "save_pretrained", "push_to_hub", "save_weights", "save_checkpoint"})
PUBLISH_CALLS = frozenset({"huggingface_hub.upload_file", "huggingface_hub.upload_folder",
                           "huggingface_hub.HfApi.upload_file", "huggingface_hub.HfApi.upload_folder"})
# Not .h5/.hdf5/.bin: data files (a 10x Genomics count matrix, say) use them as much as models do.
WEIGHT_FILES = re.compile(r"\.(?:pt|pth|ckpt|keras|safetensors|onnx|joblib|pb|tflite|mlmodel)$", re.IGNORECASE)
MODEL_CARD_FILES = re.compile(r"(?:^|/)(?:model[_-]?card|modelcard)[^/]*\.(?:md|rst|txt|ya?ml|json)$", re.IGNORECASE)
ETHICS_FILES = re.compile(r"(?:^|/)ethic[a-z]*[^/]*\.(?:md|rst|txt|pdf)$", re.IGNORECASE)
README = re.compile(r"(?:^|/)readme(?:\.md|\.rst|\.txt)?$", re.IGNORECASE)

# ------------------------------------------------------------------------------------------------ human data
HUMAN_DATASETS = frozenset({"sklearn.datasets.load_breast_cancer", "sklearn.datasets.load_diabetes",
                            "sklearn.datasets.fetch_lfw_people", "sklearn.datasets.fetch_lfw_pairs",
                            "sklearn.datasets.fetch_olivetti_faces"})
HUMAN_PATH = re.compile(r"(?:patient|clinical|\behr\b|\bemr\b|mimic|biobank|\bukb\b|tcga|participant|"
                        r"hospital|admission|diagnos|medical)", re.IGNORECASE)
# Columns that say the rows are people (age or sex alone could be mice).
HUMAN_COLUMN = re.compile(r"patient|subject|participant|donor|person|individual", re.IGNORECASE)

# ------------------------------------------------------------------------------------------------ data
DOWNLOADERS = frozenset({"urllib.request.urlretrieve", "wget.download", "gdown.download", "gdown.download_folder"})
URL_READERS = frozenset({"pandas.read_csv", "pandas.read_table", "pandas.read_excel", "pandas.read_parquet",
                         "pandas.read_json", "numpy.loadtxt", "numpy.genfromtxt", "urllib.request.urlopen",
                         "requests.get", "httpx.get", "pandas.read_feather", "anndata.read_h5ad"})
GET_FILE = frozenset({"keras.utils.get_file", "tensorflow.keras.utils.get_file"})
HUB_DOWNLOADS = frozenset({"huggingface_hub.hf_hub_download", "huggingface_hub.snapshot_download"})
LOAD_DATASET = frozenset({"datasets.load_dataset"})
LOCAL_DATASET_BUILDERS = frozenset({"csv", "json", "parquet", "text", "imagefolder", "audiofolder", "arrow", "pandas"})
URL = re.compile(r"^(?:https?|ftp|s3|gs)://", re.IGNORECASE)
DATA_EXTENSION = re.compile(r"\.(?:csv|tsv|txt|zip|gz|tgz|tar|bz2|xz|h5|hdf5|h5ad|xlsx?|parquet|feather|fa|fasta|"
                            r"fastq|vcf|bed|npz|npy|pkl|mat|json|data|arff)(?:\?|$)", re.IGNORECASE)
VERSIONED_URL = re.compile(
    r"(?:[/_\-=@.]v?\d+\.\d+(?:\.\d+)*(?=[/_\-.?]|$)"   # v1.2, 2.0.1, release-1.3
    r"|(?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])"  # 2023-05-01, 20230501
    r"|/[0-9a-f]{40}/|/[0-9a-f]{7,12}/"                 # a commit
    r"|zenodo\.org/records?/|doi\.org/10\.|figshare\.com/ndownloader/files/"
    r"|release[-_]\d+"                                  # Ensembl release-110, GENCODE release_44
    r"|[?&](?:version|v|rev|revision)=\w)", re.IGNORECASE)
