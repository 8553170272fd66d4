"""[tool.dlreview]: every documented key changes behaviour; unknown keys are errors."""

from __future__ import annotations

import json

from conftest import LEAKY

from dlreview.config import KNOWN_KEYS


def write_config(tmp_path, body: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'study'\n\n[tool.dlreview]\n{body}\n")


def test_every_documented_key_is_tested_here():
    tested = {"select", "ignore", "per-file-ignores", "exclude", "extend-exclude", "respect-gitignore", "cache-dir"}
    assert set(KNOWN_KEYS) == tested


def test_select(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'select = ["DLR001"]')
    assert dlreview("check", "train.py").code == 0
    assert dlreview("check", "--select", "DLR101", "train.py").code == 1  # the flag overrides the file


def test_ignore(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'ignore = ["DLR1"]')
    assert dlreview("check", "train.py").code == 0
    assert dlreview("check", "--ignore", "DLR001", "train.py").code == 1


def test_more_specific_select_beats_broader_ignore(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'ignore = ["DLR"]\nselect = ["DLR101"]')
    assert dlreview("check", "train.py").code == 1


def test_per_file_ignores(dlreview, tmp_path):
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "legacy.py").write_text(LEAKY)
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, '[tool.dlreview.per-file-ignores]\n"scripts/*.py" = ["DLR101"]')
    run = dlreview("check", "--select", "DLR1", ".")
    assert run.code == 1
    assert "train.py:6:5" in run.out and "legacy.py" not in run.out


def test_exclude_replaces_defaults(dlreview, tmp_path):
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "gen.py").write_text(LEAKY)
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "train.py").write_text(LEAKY)
    assert "build/gen.py" not in dlreview("check", ".").out  # excluded by default
    write_config(tmp_path, 'exclude = ["old"]')
    run = dlreview("check", ".")
    assert "build/gen.py" in run.out and "old/train.py" not in run.out


def test_extend_exclude_keeps_defaults(dlreview, tmp_path):
    for folder in ("build", "old", "src"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'extend-exclude = ["old/"]')
    run = dlreview("check", ".")
    assert "src/train.py" in run.out
    assert "old/train.py" not in run.out and "build/train.py" not in run.out


def test_explicit_path_is_checked_even_if_excluded_unless_force_exclude(dlreview, tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'extend-exclude = ["old"]')
    assert dlreview("check", "old/train.py").code == 1
    assert dlreview("check", "old").code == 1
    assert dlreview("check", "--force-exclude", "old/train.py").code == 0


def test_respect_gitignore(dlreview, tmp_path):
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "train.py").write_text(LEAKY)
    assert dlreview("check", ".").code == 0
    write_config(tmp_path, "respect-gitignore = false")
    assert dlreview("check", ".").code == 1


def test_cache_dir(dlreview, tmp_path, monkeypatch):
    monkeypatch.delenv("DLREVIEW_CACHE_DIR")
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'cache-dir = "var/cache"')
    dlreview("check", "train.py")
    assert any((tmp_path / "var" / "cache").rglob("*.json"))
    assert not (tmp_path / ".dlreview_cache").exists()


def test_unknown_key_is_an_error_that_names_it(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, 'selct = ["DLR101"]')
    run = dlreview("check", "train.py")
    assert run.code == 2
    assert "unknown key 'selct'" in run.err and "pyproject.toml" in run.err


def test_wrong_type_is_an_error(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    write_config(tmp_path, "ignore = 101")
    run = dlreview("check", "train.py")
    assert run.code == 2 and "ignore must be a list of strings" in run.err


def test_invalid_toml_is_an_error(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    (tmp_path / "dlreview.toml").write_text("select = [\n")
    run = dlreview("check", "train.py")
    assert run.code == 2 and "invalid TOML" in run.err


def test_dlreview_toml_and_config_flag_and_isolated(dlreview, tmp_path):
    (tmp_path / "train.py").write_text(LEAKY)
    (tmp_path / "dlreview.toml").write_text('ignore = ["DLR101"]\n')
    assert dlreview("check", "train.py").code == 0
    (tmp_path / "other.toml").write_text("")
    (tmp_path / "strict").mkdir()
    (tmp_path / "strict" / "dlreview.toml").write_text('select = ["ALL"]\n')
    assert dlreview("check", "--config", "strict/dlreview.toml", "train.py").code == 1
    assert dlreview("check", "--isolated", "train.py").code == 1


def test_config_is_found_from_the_checked_path_not_the_cwd(dlreview, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "train.py").write_text(LEAKY)
    (project / "pyproject.toml").write_text('[tool.dlreview]\nignore = ["DLR101"]\n')
    assert dlreview("check", "--select", "DLR1", "project").code == 0


def test_a_git_ignored_folder_named_explicitly_is_checked_with_the_patterns_inside_it(dlreview, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("generated/\n*_scratch.py\n")
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "train.py").write_text(LEAKY)
    (tmp_path / "generated" / "old_scratch.py").write_text(LEAKY)
    run = dlreview("check", "generated", "-f", "json")
    assert run.code == 1
    assert json.loads(run.out)["files_checked"] == 1
    assert dlreview("check", ".").code == 0
