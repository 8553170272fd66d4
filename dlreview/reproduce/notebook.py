"""Executes a notebook headless with nbclient, in the sandbox, on a kernel of the study's interpreter.

Run by the runner as ``python -m dlreview.reproduce.notebook NOTEBOOK PYTHON OUTPUT`` with dlreview's own
interpreter (which has nbclient); the kernel is ``PYTHON -m ipykernel_launcher``, so the study's interpreter needs
ipykernel (``--install`` adds it). The kernel talks over Unix sockets (``ipc``), which work with the network off.
Cell outputs are echoed to standard output as the cells finish (for the progress display and metric patterns); the
executed notebook is written to OUTPUT; a ``cell`` event with the code-cell number is appended to the record when
each cell finishes, so that what the hook recorded in between is placed in that cell.
Exit status 1 when a cell raises, with the error on standard error.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str]) -> int:
    notebook_path, python, output = Path(argv[0]), argv[1], Path(argv[2])
    os.environ.pop("DLREVIEW_HOOK_SKIP", None)  # the kernel is the study's code: the hook records there
    os.environ["DLREVIEW_NOTEBOOK"] = os.path.relpath(notebook_path.resolve(), os.environ.get("DLREVIEW_ROOT", "."))
    runtime = Path(tempfile.mkdtemp(prefix="nb-", dir=os.environ.get("TMPDIR")))
    spec = runtime / "kernels" / "dlreview-study"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "study", "language": "python"}), encoding="utf-8")
    os.environ.update(JUPYTER_PATH=str(runtime), JUPYTER_RUNTIME_DIR=str(runtime / "run"),
                      JUPYTER_DATA_DIR=str(runtime / "data"), IPYTHONDIR=str(runtime / "ipython"),
                      JUPYTER_PLATFORM_DIRS="1")

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(notebook_path, as_version=4)
    code_cells = {}
    number = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            number += 1
            code_cells[index] = number
    record = os.environ.get("DLREVIEW_RECORD")

    def cell_executed(cell, cell_index, execute_reply):
        for item in cell.get("outputs", []):
            if item.get("output_type") == "stream":
                (sys.stderr if item.get("name") == "stderr" else sys.stdout).write(item.get("text", ""))
            elif item.get("output_type") == "execute_result":
                sys.stdout.write(item.get("data", {}).get("text/plain", "") + "\n")
        sys.stdout.flush()
        count = (execute_reply or {}).get("content", {}).get("execution_count")
        if record:
            with open(record, "a", encoding="utf-8") as stream:
                stream.write(json.dumps({"event": "cell", "execution_count": count,
                                         "cell": code_cells.get(cell_index), "pid": os.getpid(), "seq": 0}) + "\n")

    manager = KernelManager(kernel_name="dlreview-study", transport="ipc", ip=str(runtime / "k"))
    client = NotebookClient(notebook, km=manager, timeout=None, kernel_name="dlreview-study", allow_errors=False,
                            resources={"metadata": {"path": str(Path.cwd())}}, on_cell_executed=cell_executed)
    status = 0
    try:
        client.execute()
    except CellExecutionError as exc:
        sys.stderr.write(f"{exc}\n")
        status = 1
    except Exception as exc:  # noqa: BLE001 - a kernel that does not start: say why, as one line
        sys.stderr.write(f"dlreview: notebook {notebook_path.name} could not be executed: {type(exc).__name__}: "
                         f"{exc}\n")
        status = 1
    output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, output)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
