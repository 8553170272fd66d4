"""Where a report comes from: dlreview's version and rule set, the date, the audited repository's commit, and a
hash of the report's own content."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import subprocess
from pathlib import Path

import dlreview

NOT_A_REPOSITORY = "not a git repository"
GIT_TIMEOUT = 10  # seconds


def _git(folder: Path, *args: str) -> str | None:
    """One git command in ``folder``, with the repository's own configuration unable to run programs (no fsmonitor,
    no pager); None when git is missing, fails or takes too long."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", "-c", "core.fsmonitor=false", "-c", "core.pager=cat", *args], cwd=folder,
                              capture_output=True, text=True, timeout=GIT_TIMEOUT, env=env, check=False,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def repository_state(path: Path) -> dict:
    """The commit of the repository the audited path belongs to, and whether that path has uncommitted changes."""
    folder = path if path.is_dir() else path.parent
    try:
        folder = folder.resolve(strict=True)
    except OSError:
        return {"commit": NOT_A_REPOSITORY, "dirty": None}
    commit = _git(folder, "rev-parse", "--verify", "HEAD")
    if not commit:
        return {"commit": NOT_A_REPOSITORY, "dirty": None}
    status = _git(folder, "status", "--porcelain", "--untracked-files=no", "--", ".")
    return {"commit": commit, "dirty": None if status is None else bool(status)}


def rule_set() -> dict:
    """The rules a report was made with: how many, and a hash of their files (changes when any rule's text does)."""
    from dlreview.rulespec import load_specs, rules_dir

    digest = hashlib.sha256()
    for path in sorted(rules_dir().glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return {"rules": len(load_specs()), "sha256": digest.hexdigest()}


def report_date(now: datetime.datetime | None = None) -> str:
    """UTC, to the second; ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds."""
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            now = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
        else:
            now = datetime.datetime.now(tz=datetime.timezone.utc)
    return now.astimezone(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def provenance(audited: Path, now: datetime.datetime | None = None, shown: str | None = None) -> dict:
    """``shown``: the audited path as the report names it (never an absolute path; see ``paths.Places``)."""
    return {"tool": "dlreview", "version": dlreview.__version__, "rule_set": rule_set(), "date": report_date(now),
            "repository": {"path": shown if shown is not None else audited.as_posix(), **repository_state(audited)},
            "content_sha256": ""}


def canonical_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def seal(report: dict) -> dict:
    """Set ``provenance.content_sha256``: the SHA-256 of the report's JSON with that field empty."""
    report["provenance"]["content_sha256"] = ""
    report["provenance"]["content_sha256"] = hashlib.sha256(canonical_json(report).encode("utf-8")).hexdigest()
    return report


def verify(report: dict) -> bool:
    """Whether a report's content hash matches its content."""
    claimed = report.get("provenance", {}).get("content_sha256")
    copy = json.loads(json.dumps(report))
    copy["provenance"]["content_sha256"] = ""
    return claimed == hashlib.sha256(canonical_json(copy).encode("utf-8")).hexdigest()
