"""Re-execution of a study in a sandbox, with instrumentation, to verify the metrics it reports.

``study.py`` runs the experiments and builds the JSON record; ``runner.py`` runs one command with limits on a work
copy; ``_launcher.py`` sets up the sandbox; ``hook/sitecustomize.py`` instruments the child interpreter;
``analysis.py`` turns the records into verdicts; ``config.py`` reads ``[tool.dlreview.reproduce]``.
"""

from dlreview.reproduce.study import Options, ReproduceError, reproduce

__all__ = ["Options", "ReproduceError", "reproduce"]
