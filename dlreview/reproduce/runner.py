"""Running one command of a study in the sandbox: a work copy, limits, bounded output, killing the whole tree."""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from dlreview.reproduce.report import printable

LAUNCHER = Path(__file__).with_name("_launcher.py")
SANDBOX_MODES = ("auto", "landlock", "off")
HEAD_BYTES = 64 * 1024
POLL_SECONDS = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Limits:
    timeout: float
    memory: int
    network: bool
    output_limit: int
    sandbox: str = "auto"   # auto: namespaces and Landlock; landlock: Landlock only; off: neither
    rlimit_data: bool = True  # off on CUDA, whose driver maps more than it uses


@dataclass
class CommandResult:
    status: str                 # ok, failed, timeout, memory, error
    exit_code: int | None
    duration: float
    stdout: str
    stderr: str
    output_truncated: bool
    peak_rss: int
    isolation: dict = field(default_factory=dict)
    last_line: str = ""


class _Capture:
    """Bounded capture of one stream: the first ``HEAD_BYTES`` and the last ``limit`` bytes."""

    def __init__(self, stream, limit: int, on_line) -> None:
        self.head = bytearray()
        self.tail: deque[bytes] = deque()
        self.tail_size = 0
        self.total = 0
        self.limit = max(limit, 1024)
        self.on_line = on_line
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        fd = stream.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.total += len(chunk)
            if len(self.head) < HEAD_BYTES:
                room = HEAD_BYTES - len(self.head)
                self.head += chunk[:room]
                chunk = chunk[room:]
            if chunk:
                self.tail.append(chunk)
                self.tail_size += len(chunk)
                while self.tail_size - len(self.tail[0]) >= self.limit:
                    self.tail_size -= len(self.tail.popleft())
            lines = [line for line in (bytes(self.head) if not self.tail else self.tail[-1]).splitlines() if
                     line.strip()]
            if lines:
                self.on_line(printable(lines[-1].decode("utf-8", "replace")[-200:]))
        stream.close()

    def text(self) -> tuple[str, bool]:
        tail = b"".join(self.tail)
        if len(tail) > self.limit:
            tail = tail[-self.limit:]
        truncated = self.total > len(self.head) + len(tail)
        data = bytes(self.head) + (b"\n[... output truncated by dlreview ...]\n" if truncated else b"") + tail
        return data.decode("utf-8", "replace"), truncated


def run_command(argv: list[str], *, cwd: Path, env: dict[str, str], work: Path, limits: Limits,
                deadline: float, on_line=lambda line: None) -> CommandResult:
    """Run ``argv`` through the launcher in its own session, until it ends, its deadline passes or it uses more
    memory than allowed; then kill everything it started."""
    scratch = work / ".sandbox"
    scratch.mkdir(exist_ok=True)
    report = scratch / f"isolation-{time.monotonic_ns()}.json"
    spec = {"writable": [str(work)], "scratch": str(scratch), "network": limits.network, "report": str(report),
            "cwd": str(cwd), "argv": argv, "namespaces": limits.sandbox == "auto",
            "landlock": limits.sandbox in ("auto", "landlock"),
            "memory_bytes": limits.memory if limits.rlimit_data else None}
    spec_path = scratch / f"spec-{time.monotonic_ns()}.json"
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    started = time.monotonic()
    last = {"line": ""}

    def remember(line: str) -> None:
        last["line"] = line
        on_line(line)

    try:
        process = subprocess.Popen([sys.executable, "-I", "-S", str(LAUNCHER), str(spec_path)], cwd=cwd, env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
    except OSError as exc:
        return CommandResult("error", None, 0.0, "", f"cannot start: {exc}", False, 0)
    out = _Capture(process.stdout, limits.output_limit, remember)
    err = _Capture(process.stderr, limits.output_limit, remember)
    status, peak = None, 0
    try:
        while process.poll() is None:
            rss = tree_rss(process.pid)
            peak = max(peak, rss)
            if rss > limits.memory:
                status = "memory"
            elif time.monotonic() > deadline:
                status = "timeout"
            if status:
                kill_tree(process.pid)
                break
            time.sleep(POLL_SECONDS)
    finally:  # also on Ctrl-C: the run is in its own session, the terminal's signal does not reach it
        if process.poll() is None:
            kill_tree(process.pid)
        process.wait()
        kill_tree(process.pid)  # daemons and stragglers that outlived the command
    out.thread.join(timeout=5)
    err.thread.join(timeout=5)
    stdout, truncated_out = out.text()
    stderr, truncated_err = err.text()
    code = process.returncode
    if status is None:
        status = "ok" if code == 0 else ("memory" if _out_of_memory(stderr) else "failed")
    try:
        isolation = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        isolation = {}
    return CommandResult(status, code, time.monotonic() - started, stdout, stderr, truncated_out or truncated_err,
                         peak, isolation, last["line"])


def _out_of_memory(stderr: str) -> bool:
    """A Python that hit RLIMIT_DATA ends with a MemoryError traceback."""
    return "MemoryError" in stderr[-2000:]


def probe_sandbox(mode: str = "auto", network: bool = False) -> dict:
    """Which isolation the launcher achieves here, by running ``true`` in it (what the tests skip on)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dlreview-probe-") as folder:
        work = Path(folder)
        limits = Limits(timeout=60, memory=1024**3, network=network, output_limit=4096, sandbox=mode)
        result = run_command(["true"], cwd=work, env=dict(os.environ), work=work, limits=limits,
                             deadline=time.monotonic() + 60)
        return result.isolation


def _processes() -> dict[int, tuple[int, int, int]]:
    """pid -> (parent, process group, session) of every process we can see."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stream:
                data = stream.read().decode("utf-8", "replace")
        except OSError:
            continue
        fields = data[data.rfind(")") + 2:].split()
        try:
            found[int(entry)] = (int(fields[1]), int(fields[2]), int(fields[3]))
        except (IndexError, ValueError):
            continue
    return found


def tree(root: int) -> set[int]:
    """The processes of a run: its session (the launcher leads one), and their descendants wherever they went."""
    table = _processes()
    members = {pid for pid, (_, _, session) in table.items() if session == root} | ({root} if root in table else set())
    changed = True
    while changed:
        changed = False
        for pid, (parent, _, _) in table.items():
            if parent in members and pid not in members:
                members.add(pid)
                changed = True
    return members


def tree_rss(root: int) -> int:
    total = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/statm", "rb") as stream:
                total += int(stream.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


def kill_tree(root: int) -> None:
    """SIGKILL to the run's session and every descendant, until none is left (a fork bomb is outpaced)."""
    for _ in range(50):
        members = tree(root)
        if not members:
            return
        try:
            os.killpg(root, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        for pid in members:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.02)
        members = {pid for pid in tree(root) if not _is_zombie(pid)}
        if not members:
            return


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            data = stream.read()
        return data[data.rfind(b")") + 2:].split()[0] == b"Z"
    except OSError:
        return True


# -- the work copy ---------------------------------------------------------------------------------------------------
class WorkCopy:
    """One copy of the study, reused by the runs: after each run what it created is removed and what it changed or
    removed is copied again from the original (compared by type, size, modification time and inode), so every run
    starts from the study as published. The original is only ever read."""

    def __init__(self, original: Path, target: Path, exclude: tuple[str, ...]) -> None:
        self.original, self.target, self.exclude = original, target, exclude
        shutil.copytree(original, target, symlinks=True, ignore=self._ignore)
        self.state = self._state()

    def _ignore(self, folder: str, names: list[str]) -> set[str]:
        skipped = {name for name in names if any(fnmatch.fnmatch(name, pattern) for pattern in self.exclude)}
        skipped |= {name for name in names if (Path(folder) / name / "pyvenv.cfg").is_file()}  # a virtual env
        return skipped

    def _state(self) -> dict[str, tuple]:
        state = {}
        for folder, folders, files in os.walk(self.target):
            for name in folders + files:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                kind = "d" if os.path.isdir(path) and not os.path.islink(path) else "f"
                state[os.path.relpath(path, self.target)] = (kind, info.st_size if kind == "f" else 0,
                                                             info.st_mtime_ns if kind == "f" else 0, info.st_ino,
                                                             info.st_mode)
        return state

    def reset(self) -> list[str]:
        """Back to the original; returns the paths that had to be restored or removed (empty: reused as it was)."""
        now = self._state()
        touched = sorted(path for path in set(now) | set(self.state) if now.get(path) != self.state.get(path))
        for relative in sorted((p for p in touched if p in now and p not in self.state), key=len, reverse=True):
            path = self.target / relative
            _make_writable(path)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists() or path.is_symlink():
                path.unlink()
        for relative in sorted(p for p in touched if p in self.state):
            source, path = self.original / relative, self.target / relative
            if self.state[relative][0] == "d":
                path.mkdir(parents=True, exist_ok=True)
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists() or path.is_symlink():
                _make_writable(path)
                path.unlink()
            path.parent.mkdir(parents=True, exist_ok=True)
            if source.is_symlink():
                os.symlink(os.readlink(source), path)
            elif source.is_file():
                shutil.copy2(source, path)
        self.state = self._state()
        return touched


def _make_writable(path: Path) -> None:
    try:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)
    except OSError:
        pass
