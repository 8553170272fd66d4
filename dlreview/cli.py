"""The ``dlreview`` command line.

Exit codes of ``check``: 0 no findings, 1 findings, 2 a usage error or a file that could not be analysed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

import dlreview
from dlreview.config import ConfigError, Settings, find_config, load_settings
from dlreview.rulespec import TIPS, RuleSpecError, load_specs

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _fail(message: str) -> None:
    click.echo(f"dlreview: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(dlreview.__version__, prog_name="dlreview")
def main() -> None:
    """Review deep-learning research code against the Ten Quick Tips for Deep Learning in Biology."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text",
              show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report to this file instead of standard output.")
@click.option("--select", help="Comma-separated rule codes or prefixes to enable (overrides the config).")
@click.option("--ignore", help="Comma-separated rule codes or prefixes to disable (overrides the config).")
@click.option("--extend-exclude", help="Comma-separated patterns to skip, added to the config's.")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Use this pyproject.toml or dlreview.toml instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-cache", is_flag=True, help="Analyse every file, ignoring and not writing the cache.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel processes (default: CPU count).")
@click.option("--force-exclude", is_flag=True,
              help="Apply exclusions to paths named on the command line too (for pre-commit).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--manuscript", "-m", "manuscripts", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="A manuscript (.md, .tex, .pdf, .txt) to review with the code, and to check against it "
                   "(repeatable). Manuscripts can also be named among PATHS.")
def check(paths, fmt, output, select, ignore, extend_exclude, config_path, isolated, no_cache, jobs, force_exclude,
          exit_zero, manuscripts) -> None:
    """Check Python files, notebooks, folders and manuscripts (default: the current folder).

    A manuscript (paper.md, paper.tex, paper.pdf) named here or with --manuscript is reviewed against the
    reporting checklist and for causal over-interpretation, and its claimed metrics are extracted (--format
    json); when code is checked too, what the paper says is checked against the code.
    """
    from dlreview.engine import check_paths
    from dlreview.output import render

    paths = list(paths) or [Path(".")]
    settings = _settings(config_path, isolated, paths[0])
    specs = _specs()
    if select is not None:
        settings.select = _codes(select)
    if ignore is not None:
        settings.ignore = _codes(ignore)
    if extend_exclude:
        settings.extend_exclude = (*settings.extend_exclude, *extend_exclude.split(","))
    for code in (*settings.select, *settings.ignore, *(c for cs in settings.per_file_ignores.values() for c in cs)):
        if code != "ALL" and not any(rule.startswith(code) for rule in specs):
            _fail(f"unknown rule code or prefix {code!r}; `dlreview rules` lists the rules")
    if output is not None:
        target = output.resolve()
        if any(target == path.resolve() for path in [*paths, *manuscripts]):
            _fail(f"--output {output} is one of the files to check; refusing to overwrite it")

    for manuscript in manuscripts:
        if not manuscript.is_file():
            _fail(f"--manuscript {manuscript}: no such file")
    result = check_paths(paths, settings, use_cache=not no_cache, jobs=jobs, force_exclude=force_exclude,
                         manuscripts=list(manuscripts))
    if output is not None and target.suffix in (".py", ".ipynb", ".md", ".tex", ".pdf") and target.exists():
        _fail(f"--output {output} is an existing source file; refusing to overwrite it")
    report = render(result, fmt)
    if output is None:
        click.echo(report, nl=False)
    else:
        _write_atomically(output, report)
    for error in result.errors:
        click.echo(f"dlreview: error: {error.location()}: {error.reason}", err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if result.findings and not exit_zero else EXIT_CLEAN)


def _write_atomically(path: Path, content: str | bytes) -> None:
    """A crash or full disk never leaves a half-written report in place of the old one. A path that is not a
    regular file (``/dev/null``, a named pipe, ``/dev/stdout``) is written to as it is, never replaced. The file
    gets the permissions the umask gives a new file (a report is meant to be shared)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.is_symlink():
            path = path.resolve()  # write where the link points; keep the link
        if path.exists() and not path.is_file():
            with path.open("wb") as stream:
                stream.write(data)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        _fail(f"cannot write {path}: {exc.strerror or exc}")


@main.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(fmt) -> None:
    """List every rule: code, tip, severity and title."""
    import json

    specs = _specs()
    if fmt == "json":
        click.echo(json.dumps([{"id": s.id, "name": s.name, "tip": s.tip, "severity": s.severity.value,
                                "title": s.title} for s in specs.values()], indent=2))
        return
    width = max(len(s.name) for s in specs.values())
    click.echo(f"{'CODE':<8} {'TIP':>3}  {'SEVERITY':<8}  {'NAME':<{width}}  TITLE")
    for spec in specs.values():
        tip = str(spec.tip) if spec.tip else "-"
        click.echo(f"{spec.id:<8} {tip:>3}  {spec.severity.value:<8}  {spec.name:<{width}}  {spec.title}")


@main.command()
@click.argument("rule_id")
def rule(rule_id: str) -> None:
    """Show the documentation of one rule (by code, e.g. DLR101, or by name)."""
    specs = _specs()
    wanted = rule_id.strip()
    spec = specs.get(wanted.upper()) or next((s for s in specs.values() if s.name == wanted), None)
    if spec is None:
        _fail(f"no rule {rule_id!r}; `dlreview rules` lists the rules")
    click.echo(spec.render(), nl=False)


@main.command()
def tips() -> None:
    """The ten tips of the paper that the rules serve."""
    for number, title in TIPS.items():
        click.echo(f"{number:>2}. {title}")


def _settings(config_path: Path | None, isolated: bool, start: Path) -> Settings:
    """The configuration: none with --isolated, the file given with --config, or the one found from ``start`` up."""
    if isolated:
        return Settings(root=Path.cwd().resolve())
    if config_path is not None and not config_path.is_file():
        _fail(f"config file {config_path} does not exist")
    try:
        return load_settings(config_path or find_config(start.resolve()))
    except ConfigError as exc:
        _fail(str(exc))


def _specs():
    try:
        return load_specs()
    except RuleSpecError as exc:
        _fail(str(exc))


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--manuscript", "-m", type=click.Path(path_type=Path, dir_okay=False),
              help="Take the reported values from this paper (Markdown, LaTeX or PDF).")
@click.option("--seeds", type=click.IntRange(min=0), help="Number of seeds of the seed experiment (default: 3).")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), help="Where the study runs (default: auto).")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the JSON record to this file.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="What to print on standard output.")
@click.option("--python", "python", help="Run the study with this interpreter (its own virtual environment).")
@click.option("--install", is_flag=True, help="Build a fresh virtual environment from the study's requirements.")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Use this pyproject.toml or dlreview.toml instead of the study's.")
@click.option("--timeout", help="Wall-clock limit of one run, e.g. 600, 20m, 2h (default: 1h).")
@click.option("--memory", help="Memory limit of one run, e.g. 4G (default: 8G).")
@click.option("--allow-network", is_flag=True, default=None, help="Let the study use the network.")
@click.option("--sandbox", type=click.Choice(["auto", "landlock", "off"]), default="auto", show_default=True,
              help="auto: Linux namespaces and Landlock where the kernel allows; landlock: Landlock only; "
                   "off: a copy, limits and process-tree kill only.")
@click.option("--experiments", help="Comma-separated: published, seeds, determinism, label-shuffle (default: all).")
@click.option("--tolerance", type=click.FloatRange(min=0), help="Absolute tolerance on top of the reported precision.")
@click.option("--keep-work", is_flag=True, help="Keep the work folder (copy, records) and print where it is.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def reproduce(path, manuscript, seeds, device, output, fmt, python, install, config_path, timeout, memory,
              allow_network, sandbox, experiments, tolerance, keep_work, quiet) -> None:
    """Re-execute a study in isolation and verify the metrics it reports (default: the current folder).

    Exit codes: 0 every reported value reproduced, 1 a value not reproduced or not computed, a failed run, a
    nondeterministic result or a leak confirmed at run time, 2 a usage error."""
    import json

    from dlreview.reproduce import Options, ReproduceError
    from dlreview.reproduce import reproduce as run_reproduction
    from dlreview.reproduce.config import check_experiments, parse_duration, parse_size
    from dlreview.reproduce.progress import Progress
    from dlreview.reproduce.report import exit_status, render_text

    study = path or Path(".")
    if not study.is_dir():
        _fail(f"{study} is not a folder; give the study's folder")
    if config_path is not None and not config_path.is_file():
        _fail(f"config file {config_path} does not exist")
    chosen = None
    if experiments is not None:
        chosen = tuple(name.strip() for name in experiments.split(",") if name.strip())
        try:
            check_experiments(chosen)
        except ConfigError as exc:
            _fail(str(exc))
    if output is not None:
        _check_output(output, study, manuscript, config_path)
    try:
        options = Options(manuscript=manuscript, config_file=config_path, seeds=seeds, device=device, python=python,
                          install=install, timeout=parse_duration(timeout) if timeout is not None else None,
                          memory=parse_size(memory) if memory is not None else None,
                          network=True if allow_network else None, sandbox=sandbox, experiments=chosen,
                          tolerance=tolerance, keep_work=keep_work)
        record = run_reproduction(study, options, Progress(enabled=False if quiet else None))
    except (ReproduceError, ConfigError) as exc:
        _fail(str(exc))
    text = json.dumps(record, indent=2)
    click.echo(text if fmt == "json" else render_text(record), nl=fmt == "json")
    if output is not None:
        _write_atomically(output, text + "\n")
    sys.exit(exit_status(record))


def _check_output(output: Path, study: Path, *inputs: Path | None) -> None:
    """Before hours of runs: the record's file is not an input, not a file of the study (other than an earlier
    record), and its folder can be written."""
    resolved = output.resolve()
    if any(path is not None and resolved == path.resolve() for path in inputs):
        _fail(f"-o {output} is one of the inputs; refusing to overwrite it")
    if resolved.is_relative_to(study.resolve()) and resolved.exists() and not _is_record(resolved):
        _fail(f"-o {output} is a file of the study, not an earlier dlreview record; refusing to overwrite it")
    folder = resolved.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".dlreview-write-test-"):
            pass
    except OSError as exc:
        _fail(f"-o {output}: cannot write in {folder}: {exc.strerror or exc}")


def _is_record(path: Path) -> bool:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and data.get("tool", {}).get("name") == "dlreview"


@main.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--manuscript", "-m", "manuscripts", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The paper (.md, .tex, .pdf, .txt) to review with the code (repeatable).")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="report.html, report.pdf or report.json; the JSON export (.json) and the DOME export "
                   "(.dome.json) are written beside it.")
@click.option("--reproduce/--no-reproduce", default=False, show_default=True,
              help="Re-execute the study in isolation (dlreview reproduce) and report the result.")
@click.option("--reproduce-record", type=click.Path(path_type=Path, dir_okay=False),
              help="Take the re-execution from this record (written by `dlreview reproduce -o FILE`).")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Use this pyproject.toml or dlreview.toml instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-cache", is_flag=True, help="Analyse every file, ignoring and not writing the cache.")
@click.option("--seeds", type=click.IntRange(min=0), help="With --reproduce: the number of seeds (default: 3).")
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), help="With --reproduce: where the study runs.")
def report(path, manuscripts, output, reproduce, reproduce_record, config_path, isolated, no_cache, seeds,
           device) -> None:
    """Write the reproducibility and ethics report of a study (default: the current folder): what was checked,
    what was found, what was re-executed and with what result, as HTML, PDF or JSON.

    Exit codes: 0 the report was written; 2 a usage error, or a file that could not be read (the report is
    written and says which)."""
    from dlreview.report import (
        ReportError,
        build_report,
        dome_document,
        normalise_record,
        read_record,
        render_html,
        render_json,
        render_pdf,
    )

    study = path or Path(".")
    if output is None:
        _fail("give the report's file with -o: report.html, report.pdf or report.json")
    kind = output.suffix.lower()
    if kind not in (".html", ".htm", ".pdf", ".json"):
        _fail(f"-o {output}: the report is .html, .pdf or .json, not {kind or 'a file without a suffix'}")
    if not study.exists():
        _fail(f"{study}: no such file or folder")
    for manuscript in manuscripts:
        if not manuscript.is_file():
            _fail(f"--manuscript {manuscript}: no such file")
    if (seeds is not None or device is not None) and not reproduce:
        _fail("--seeds and --device go with --reproduce")
    if reproduce and reproduce_record is not None:
        _fail("--reproduce and --reproduce-record exclude each other: re-execute here, or use a record made elsewhere")
    if reproduce and not study.is_dir():
        _fail(f"--reproduce needs the study's folder, not {study}")
    if reproduce_record is not None and not reproduce_record.is_file():
        _fail(f"--reproduce-record {reproduce_record}: no such file")
    base = output.with_suffix("")
    targets = [output, base.with_name(base.name + ".dome.json")]
    if kind != ".json":
        targets.append(base.with_name(base.name + ".json"))
    from dlreview.report.output import is_previous_report

    inputs = {p.resolve() for p in [study, *manuscripts, *([reproduce_record] if reproduce_record else [])]}
    audited = study.resolve()
    for target in targets:
        resolved = target.resolve()
        if resolved in inputs:
            _fail(f"{target} is one of the inputs; refusing to overwrite it")
        inside = audited.is_dir() and resolved.is_relative_to(audited)
        side_file = target != output
        if resolved.exists() and (inside or side_file) and not is_previous_report(resolved):
            if side_file:
                _fail(f"{target} exists and is not an earlier dlreview report; the report writes it beside {output}: "
                      f"move it, or choose another name")
            _fail(f"{target} is an existing file of the study, not an earlier report; refusing to overwrite it")
    settings = _settings(config_path, isolated, study)
    _specs()

    record = None
    try:
        if reproduce_record is not None:
            record = read_record(reproduce_record)
        elif reproduce:
            from dlreview.reproduce import Options, ReproduceError
            from dlreview.reproduce import reproduce as run_reproduction
            from dlreview.reproduce.progress import Progress

            try:
                options = Options(manuscript=manuscripts[0] if manuscripts else None, seeds=seeds, device=device)
                raw = run_reproduction(study, options, Progress(enabled=False))
            except (ReproduceError, ConfigError) as exc:
                _fail(f"reproduce: {exc}")
            record = normalise_record(raw, source="re-executed for this report")
        document = build_report([study], settings, manuscripts=list(manuscripts), record=record,
                                use_cache=not no_cache)
        if document["subject"]["files_checked"] == 0:
            _fail(f"{study}: nothing to review (no Python files, notebooks or manuscripts)")
        if kind == ".pdf":
            pdf = render_pdf(document)
        else:
            text = render_json(document) if kind == ".json" else render_html(document)
    except ReportError as exc:
        _fail(str(exc))
    except ImportError as exc:   # a dependency of the report missing from a partial installation
        _fail(f"the report needs the {exc.name or 'missing'} package: pip install {exc.name or 'dlreview'}")
    import json

    if kind == ".pdf":
        _write_atomically(output, pdf)
    else:
        _write_atomically(output, text)
    if kind != ".json":
        _write_atomically(base.with_name(base.name + ".json"), render_json(document))
    _write_atomically(targets[1], json.dumps(dome_document(document), indent=2, ensure_ascii=False) + "\n")
    written = ", ".join(str(t) for t in [output, *targets[2:], targets[1]])
    click.echo(f"wrote {written}", err=True)
    for error in document["errors"]:
        click.echo(f"dlreview: error: {error['location']}: {error['reason']} (the report says it was not read)",
                   err=True)
    if document["errors"]:
        sys.exit(EXIT_ERROR)
