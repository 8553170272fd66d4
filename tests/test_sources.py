"""Reading inputs: notebooks become one program without moving any line or kept column."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_notebook

from dlreview.sources import SourceError, mask_cell, read_source


@pytest.mark.parametrize(("cell", "masked"), [
    ("%matplotlib inline\nimport numpy as np", "pass\nimport numpy as np"),
    ("!pip install scikit-learn\nx = 1", "pass\nx = 1"),
    ("files = !ls -la\nx = 1", "files = None\nx = 1"),
    ("t = %timeit -o sum(range(9))", "t = None"),
    ("df.describe?\nx = 1", "pass\nx = 1"),
    ("np.mean??", "pass"),
    ("?np.mean", "pass"),
    ("for i in range(3):\n    !echo {i}\n    x = i", "for i in range(3):\n    pass\n    x = i"),
    ("!conda install -y \\\n    numpy \\\n    scipy\nx = 1", "pass\n\n\nx = 1"),
    ("%%time\nx = 1\ny = 2", "\nx = 1\ny = 2"),
    ("%%bash\nls -la\necho done", "\n\n"),
    ("%%writefile helper.py\ndef f(:\n    pass", "\n\n"),
])
def test_magics_are_masked_in_place(cell, masked):
    result, error = mask_cell(cell)
    assert error is None
    assert result == masked
    assert result.count("\n") == cell.count("\n")


def test_valid_python_is_left_untouched_even_if_it_looks_like_a_magic():
    cell = 'text = """\n%not a magic\n!nor this\n"""\nratio = 10 % 3'
    assert mask_cell(cell) == (cell, None)


def test_unfixable_cell_reports_its_line():
    _, error = mask_cell("x = 1\nfor i in range(3)\n    pass")
    assert error is not None and error[0] == 2


def test_notebook_cells_map_back_to_cell_and_line(tmp_path):
    path = make_notebook(tmp_path / "nb.ipynb", ["a = 1\nb = 2", "%%time\nc = 3", "d = 4"])
    source = read_source(path)
    assert source.is_notebook
    lines = source.text.split("\n")
    assert lines[source.cell_starts[1]] == "c = 3"
    assert source.locate(source.cell_starts[1] + 1) == (2, 2)
    assert source.locate(source.cell_starts[2]) == (3, 1)


def test_non_python_notebook_is_refused(tmp_path):
    path = make_notebook(tmp_path / "r.ipynb", ["library(ggplot2)"])
    text = path.read_text().replace('"language": "python"', '"language": "R"')
    path.write_text(text)
    with pytest.raises(SourceError, match="kernel language is 'R'"):
        read_source(path)


def test_crlf_and_bom_are_read(tmp_path):
    path = tmp_path / "win.py"
    path.write_bytes(b"\xef\xbb\xbfx = 1\r\ny = 2\r\n")
    assert read_source(path).text == "x = 1\ny = 2\n"


def test_directory_with_py_suffix_is_an_error(tmp_path):
    (tmp_path / "odd.py").mkdir()
    with pytest.raises(SourceError, match="is a directory"):
        read_source(Path(tmp_path / "odd.py"))
