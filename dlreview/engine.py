"""Run the rules over files: each file is read and parsed once, every rule shares one program model.

Files are analysed in parallel processes when there are enough of them, and results are cached by content hash so
a second run over an unchanged tree only reads and hashes files. What a file's analysis gives does not depend on
configuration; selection, per-file ignores and ``# noqa`` suppressions are applied afterwards, so one cache serves
every configuration.
"""

from __future__ import annotations

import os
import re
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from dlreview.cache import Cache
from dlreview.checks import load_checks
from dlreview.config import Settings
from dlreview.discovery import CHECKED_SUFFIXES, discover, walk_project
from dlreview.findings import FileError, Finding, Severity
from dlreview.project import (
    LISTED_LIMIT,
    PROJECT_MARKERS,
    UNPLACED,
    Project,
    SourceFile,
    extract_facts,
    load_project_checks,
    place_facts,
    project_root_of,
)
from dlreview.rulespec import RuleSpec, load_specs
from dlreview.sources import SourceError, read_source

UNUSED_SUPPRESSION = "DLR001"
PARALLEL_THRESHOLD = 16  # below this many uncached files, starting processes costs more than it saves

_NOQA = re.compile(r"#\s*noqa\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    cell: int | None
    line: int
    column: int
    codes: tuple[str, ...]


@dataclass
class FileResult:
    """Everything one file's analysis gives, before configuration is applied (this is what the cache holds)."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    facts: dict | None = None       # what project rules need of this file (dlreview.project)

    def to_dict(self) -> dict:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
            "suppressions": [[s.cell, s.line, s.column, list(s.codes)] for s in self.suppressions],
            "facts": self.facts,
        }

    @classmethod
    def from_dict(cls, data: dict) -> FileResult:
        return cls(
            findings=[Finding.from_dict(f) for f in data["findings"]],
            errors=[FileError.from_dict(e) for e in data["errors"]],
            suppressions=[Suppression(c, line, col, tuple(codes)) for c, line, col, codes in data["suppressions"]],
            facts=data["facts"],
        )


@dataclass
class CheckResult:
    findings: list[Finding]
    errors: list[FileError]
    files: int
    manuscripts: list = field(default_factory=list)   # dlreview.manuscript.ManuscriptReview, one per manuscript
    projects: list = field(default_factory=list)      # dlreview.project.Project, with every code file's facts


def _where(exc: Exception) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} at {Path(last.filename).name}:{last.lineno}"


def analyze(path: Path, data: bytes) -> FileResult:
    """All rules on one file. Paths in the result are empty: the caller fills in the path it displays."""
    from dlreview.model.program import Program

    result = FileResult()
    try:
        source = read_source(path, data)
    except SourceError as exc:
        result.errors.append(FileError("", str(exc)))
        return result
    result.errors.extend(FileError("", e.reason, e.line, e.cell) for e in source.errors)
    result.suppressions = _suppressions(source)
    try:
        program = Program(source)
    except SourceError as exc:
        result.errors.append(FileError("", str(exc)))
        return result
    except Exception as exc:  # a bug in the model must not cost the user the other files
        if os.environ.get("DLREVIEW_DEBUG"):
            raise
        result.errors.append(FileError("", f"internal error while analysing ({_where(exc)}); please report this bug"))
        return result
    specs = load_specs()
    for rule_id, check_class in sorted(load_checks().items()):
        spec = specs[rule_id]
        try:
            for report in check_class().check(program):
                span = program.span(report.node)
                result.findings.append(Finding(
                    path="", line=span.line, column=span.column, rule=rule_id, message=report.message,
                    severity=report.severity or spec.severity, tip=spec.tip, end_line=span.end_line,
                    end_column=span.end_column, cell=span.cell, end_cell=span.end_cell,
                ))
        except Exception as exc:  # a bug in a rule must not cost the user the other rules and files
            if os.environ.get("DLREVIEW_DEBUG"):
                raise
            result.errors.append(FileError("", f"internal error in rule {rule_id} ({_where(exc)}); please report "
                                               f"this bug"))
    try:
        result.facts = extract_facts(program)
    except Exception as exc:  # the file's own findings still count; project rules just do not see it
        if os.environ.get("DLREVIEW_DEBUG"):
            raise
        result.errors.append(FileError("", f"internal error while recording project facts ({_where(exc)}); please "
                                           f"report this bug"))
    # One finding per rule and line: ``(X - X.mean()) / X.std()`` is one problem, not two.
    unique: dict[tuple, Finding] = {}
    for finding in sorted(set(result.findings)):
        unique.setdefault((finding.rule, finding.cell, finding.line), finding)
    result.findings = list(unique.values())
    return result


def _suppressions(source) -> list[Suppression]:
    if "noqa" not in source.text and "NOQA" not in source.text:
        return []
    found = []
    for number, text in enumerate(source.text.split("\n"), start=1):
        match = _NOQA.search(text)
        if match:
            codes = tuple(code.upper() for code in re.split(r"[\s,]+", match.group("codes")) if code)
            cell, line = source.locate(number)
            found.append(Suppression(cell, line, match.start() + 1, codes))
    return found


def _analyze_job(job: tuple[Path, bytes]) -> FileResult:
    return analyze(*job)


def _analyse_all(paths: list[Path], cache: Cache | None, jobs: int | None,
                 errors: list[FileError] | None) -> dict[Path, FileResult]:
    """Results for every file, from the cache or fresh; files that cannot be read go to ``errors`` (or are
    skipped silently when ``errors`` is None: files read only for the project view)."""
    results: dict[Path, FileResult] = {}
    pending: list[tuple[Path, bytes, str | None]] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            if errors is not None:
                errors.append(FileError(display_path(path), f"cannot read file: {exc.strerror or exc}"))
            continue
        key = cache.key(path.suffix, data) if cache else None
        cached = cache.get(key) if cache else None
        if cached is not None:
            results[path] = cached
        else:
            pending.append((path, data, key))
    workers = min(jobs or os.cpu_count() or 1, len(pending))
    if workers > 1 and len(pending) >= PARALLEL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            fresh = list(pool.map(_analyze_job, [(p, d) for p, d, _ in pending], chunksize=4))
    else:
        fresh = [analyze(p, d) for p, d, _ in pending]
    for (path, _, key), result in zip(pending, fresh):
        results[path] = result
        if cache and key:
            cache.put(key, result)
    return results


def is_manuscript(path: Path) -> bool:
    """A path named on the command line that is a manuscript (by its suffix), not code."""
    from dlreview.manuscript.document import MANUSCRIPT_SUFFIXES

    return path.suffix.lower() in MANUSCRIPT_SUFFIXES and not path.is_dir()


def check_paths(paths: list[Path], settings: Settings, *, use_cache: bool = True, jobs: int | None = None,
                force_exclude: bool = False, manuscripts: list[Path] = ()) -> CheckResult:
    """Check code (files and folders) and manuscripts. A manuscript is named with ``manuscripts`` or among
    ``paths`` by its suffix (.md, .tex, .pdf, .txt); a folder's own Markdown files are never read as manuscripts.
    When code and a manuscript are both given, the manuscript's claims are checked against the code."""
    specs = load_specs()
    manuscripts = [*manuscripts, *(path for path in paths if is_manuscript(path))]
    paths = [path for path in paths if not is_manuscript(path)]
    found = discover(paths, settings, force_exclude=force_exclude)
    errors = list(found.errors)
    cache = Cache.open(settings) if use_cache else None
    results = _analyse_all(found.files, cache, jobs, errors)
    places: dict[Path, list[list] | None] = {}
    repository_findings, projects = _project_stage(paths, results, settings, cache, jobs, errors, places)
    reviews = _manuscript_stage(manuscripts, projects if found.files else [], places, errors)

    enabled = set(settings.enabled(specs))
    per_file = [(pathspec.GitIgnoreSpec.from_lines([pattern]), set(codes))
                for pattern, codes in settings.per_file_ignores.items()]
    findings: list[Finding] = []
    for path in found.files:
        if path not in results:
            continue
        shown = display_path(path)
        result = results[path]
        ignored = _ignored(path, settings, per_file)
        active = {rule for rule in enabled if not any(rule.startswith(code) for code in ignored)}
        findings.extend(_apply_suppressions(result, active, specs, shown))
        errors.extend(FileError(shown, e.reason, e.line, e.cell) for e in result.errors)
    findings.extend(f for f in repository_findings if f.rule in enabled)
    for review in reviews:
        ignored = _ignored(Path(review.path), settings, per_file)
        findings.extend(f for f in review.findings
                        if f.rule in enabled and not any(f.rule.startswith(code) for code in ignored))
    return CheckResult(findings=sorted(findings, key=_order), errors=errors, files=len(results) + len(reviews),
                       manuscripts=reviews, projects=projects)


def _ignored(path: Path, settings: Settings, per_file: list) -> set[str]:
    """The rule codes that ``per-file-ignores`` switch off for this file."""
    if not per_file:
        return set()
    relative = _relative_to(path, settings.root)
    return set().union(*(codes for spec, codes in per_file if spec.match_file(relative)))


def _manuscript_stage(manuscripts: list[Path], projects: list[Project], places: dict, errors: list[FileError]):
    """Review each manuscript; with code given too, check its claims against the code's facts."""
    if not manuscripts:
        return []
    from dlreview.manuscript import ManuscriptError, review, sentence_finding
    from dlreview.manuscript.crosscheck import Code, cross_check

    specs = load_specs()
    code = None
    if projects:
        def locate(project: Project, source: SourceFile, at) -> str:
            cell, line, _ = _place(source.path, at, places)
            shown = display_path(source.path)
            return f"{shown}:cell {cell}:{line}" if cell is not None else f"{shown}:{line}"

        code = Code.of(projects, locate)
    reviews = []
    seen: set[Path] = set()
    for path in manuscripts:
        shown = display_path(path)
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        try:
            result = review(path, shown)
        except ManuscriptError as exc:
            errors.append(FileError(shown, str(exc)))
            continue
        except Exception as exc:  # a bug in the reader must not cost the user the other files
            if os.environ.get("DLREVIEW_DEBUG"):
                raise
            errors.append(FileError(shown, f"internal error while reading the manuscript ({_where(exc)}); please "
                                           f"report this bug"))
            continue
        if code is not None:
            result.cross_checked = True
            for rule, sentence, message in cross_check(result, code):
                if rule in specs:
                    result.findings.append(sentence_finding(rule, specs[rule], message, sentence, shown))
        reviews.append(result)
    return reviews


def _project_roots(paths: list[Path], settings: Settings) -> dict[Path, bool]:
    """The projects the paths belong to: a folder named on the command line is a project (and so is every
    folder inside it with a project marker); a file belongs to the nearest folder above it with a marker, not
    above the configuration's root. The value says whether repository-level findings are reported for it."""
    roots: dict[Path, bool] = {}
    for path in paths:
        if not path.exists():
            continue
        if path.is_dir():
            roots[path.resolve()] = True
        else:
            roots.setdefault(project_root_of(path, settings.root), False)
    return roots


def _project_stage(paths: list[Path], results: dict[Path, FileResult], settings: Settings, cache: Cache | None,
                   jobs: int | None, errors: list[FileError],
                   places: dict[Path, list[list] | None]) -> tuple[list[Finding], list[Project]]:
    """Run the project rules over each project the paths belong to. Their findings in files are added to those
    files' results (so ``# noqa`` and per-file ignores apply to them, and only files being checked show them);
    repository-level findings are returned, with the projects."""
    checks = load_project_checks()
    specs = load_specs()
    known = {path.resolve(): result for path, result in results.items()}
    projects: dict[Path, tuple[bool, list[Path]]] = {}
    tops: dict[Path, Path] = {}
    for root, report_repository in _project_roots(paths, settings).items():
        listing = walk_project(root, settings, LISTED_LIMIT)
        # folders inside with a marker of their own are projects of their own
        roots = {root} | {file.parent for file in listing if file.name in PROJECT_MARKERS}
        for file in listing:
            owner = max((r for r in roots if file.is_relative_to(r)), key=lambda r: len(r.parts))
            projects.setdefault(owner, (report_repository, []))[1].append(file)
            tops.setdefault(owner, root)
    extra = [file for _, files in projects.values() for file in files
             if file.suffix in CHECKED_SUFFIXES and file.resolve() not in known]
    for path, result in _analyse_all(extra, cache, jobs, None).items():
        known[path.resolve()] = result
    repository: list[Finding] = []
    built: list[Project] = []
    for root, (report_repository, files) in sorted(projects.items()):
        project = Project(root=root, listing=[file.relative_to(root).as_posix() for file in files],
                          top=tops.get(root))
        for file in files:
            result = known.get(file.resolve())
            if result is not None and result.facts is not None:
                rel = file.relative_to(root).as_posix()
                project.files[rel] = SourceFile(rel=rel, path=file, facts=result.facts)
        built.append(project)
        for rule_id, check_class in sorted(checks.items()):
            spec = specs[rule_id]
            try:
                reports = list(check_class().check(project))
            except Exception as exc:  # a bug in a rule must not cost the user the other rules
                if os.environ.get("DLREVIEW_DEBUG"):
                    raise
                errors.append(FileError(display_path(root), f"internal error in rule {rule_id} ({_where(exc)}); "
                                                            f"please report this bug"))
                continue
            for report in reports:
                severity = report.severity or spec.severity
                if report.file is None:
                    if report_repository:   # about the project, or a file that is not code (requirements.txt)
                        cell, line, column = report.at if report.rel else (None, 0, 0)
                        path = display_path(root / report.rel) if report.rel else display_path(root)
                        repository.append(Finding(path=path, line=line, column=column, rule=rule_id,
                                                  message=report.message, severity=severity, tip=spec.tip,
                                                  end_line=line, end_column=column,
                                                  scope="file" if report.rel else "repository"))
                    continue
                target = known.get(report.file.path.resolve())
                cell, line, column = _place(report.file.path, report.at, places)
                finding = Finding(path="", line=line, column=column, rule=rule_id, message=report.message,
                                  severity=severity, tip=spec.tip, end_line=line, end_column=column, cell=cell,
                                  end_cell=cell)
                if target is not None and finding not in target.findings:
                    target.findings.append(finding)
    return repository, built


def _place(path: Path, at, places: dict[Path, list[list] | None]) -> tuple:
    """(cell, line, column) of a fact: as recorded, or found again for a fact recorded without its position."""
    if at[0] != UNPLACED:
        return tuple(at)
    if path not in places:
        from dlreview.model.program import Program

        try:
            places[path] = place_facts(Program(read_source(path, path.read_bytes())))
        except Exception:  # noqa: BLE001 - the file changed or broke since it was analysed: report at its top
            places[path] = None
    found = places[path]
    return tuple(found[at[1]]) if found is not None and at[1] < len(found) else (None, 1, 1)


def _apply_suppressions(result: FileResult, active: set[str], specs: dict[str, RuleSpec], path: str) -> list[Finding]:
    by_line = {(s.cell, s.line): s for s in result.suppressions}
    used: set[tuple[Suppression, str]] = set()
    kept = []
    for finding in result.findings:
        if finding.rule not in active:
            continue
        suppression = by_line.get((finding.cell, finding.line))
        if suppression and finding.rule in suppression.codes:
            used.add((suppression, finding.rule))
            continue
        kept.append(finding.with_path(path))
    if UNUSED_SUPPRESSION in active:
        for suppression in result.suppressions:
            for code in suppression.codes:
                if not code.startswith("DLR") or (suppression, code) in used:
                    continue
                spec = specs.get(code)
                if spec is None or code not in active or code == UNUSED_SUPPRESSION:
                    continue  # not ours, or the rule is off: the suppression is not known to be stale
                message = f"`# noqa: {code}` suppresses nothing: {code} does not fire on this line; remove it"
                kept.append(Finding(
                    path=path, line=suppression.line, column=suppression.column, rule=UNUSED_SUPPRESSION,
                    message=message, severity=specs[UNUSED_SUPPRESSION].severity, tip=spec.tip,
                    end_line=suppression.line, end_column=suppression.column, cell=suppression.cell,
                    end_cell=suppression.cell,
                ))
    return kept


def _order(finding: Finding):
    return (finding.path, finding.cell or 0, finding.page or 0, finding.line, finding.column, finding.rule)


def _relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def display_path(path: Path) -> str:
    """Paths as users typed them, relative to the working directory where possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
