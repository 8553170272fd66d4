"""Sets up the sandbox of one command of a run, then becomes that command (``execvp``).

Run as ``python -I -S _launcher.py SPEC.json`` by :mod:`dlreview.reproduce.runner`, in a new session (its own
process group). Standard library only, no import of dlreview, so it starts fast and cannot be influenced by the
study's ``PYTHONPATH``. What it tries, in order, each step degrading gracefully and written to the spec's
``report`` file so that the result record says which isolation was in force:

1. Linux namespaces (``unshare(2)``): a user namespace when not root, a mount namespace, a network namespace
   (network off; only a loopback interface, brought up), a PID namespace (the command is PID 1 of it, and every
   process of the run dies with it).
2. In the mount namespace: every mount read-only except the run's work folder (the copy, its temporary folder,
   its home), a minimal ``/dev`` (null, zero, full, random, urandom, tty, a private ``/dev/shm``, GPUs), a fresh
   ``/proc``.
3. Landlock (unprivileged, Linux >= 5.13): writes only beneath the work folder and to the few devices above; with
   the network off and no network namespace, TCP connect and bind are denied (Landlock ABI >= 4) and abstract
   Unix sockets outside the sandbox are unreachable (ABI >= 6).
4. No new privileges, every capability dropped, ``RLIMIT_DATA`` for memory.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import resource
import signal
import socket
import struct
import sys

CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x00020000, 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_MOVE, MS_REC, MS_PRIVATE = 32, 4096, 8192, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
ST_TO_MS = {1: MS_RDONLY, 2: MS_NOSUID, 4: MS_NODEV, 8: MS_NOEXEC, 1024: MS_NOATIME, 2048: MS_NODIRATIME,
            4096: MS_RELATIME}
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 24, 38
SYS_LANDLOCK_CREATE_RULESET, SYS_LANDLOCK_ADD_RULE, SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
DEVICES = ("null", "zero", "full", "random", "urandom", "tty")

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.syscall.restype = ctypes.c_long


class SandboxError(OSError):
    pass


def _check(result: int, what: str) -> int:
    if result < 0:
        code = ctypes.get_errno()
        raise SandboxError(code, f"{what}: {os.strerror(code)}")
    return result


def _mount(source, target, fstype, flags, data=None) -> None:
    _check(libc.mount(source.encode() if source else None, target.encode(), fstype.encode() if fstype else None,
                      flags, data.encode() if data else None), f"mount {target}")


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as stream:
        stream.write(text)


def enter_namespaces(network: bool, report: dict) -> set:
    """The namespaces this process could enter (empty when the kernel or a policy forbids them)."""
    uid, gid = os.geteuid(), os.getegid()
    wanted = CLONE_NEWNS | CLONE_NEWPID | (0 if network else CLONE_NEWNET)
    if uid != 0:
        wanted |= CLONE_NEWUSER
    if libc.unshare(wanted) != 0:
        report["notes"].append(f"namespaces unavailable: unshare: {os.strerror(ctypes.get_errno())}")
        return set()
    if wanted & CLONE_NEWUSER:
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    entered = {"mount", "pid"} | ({"user"} if wanted & CLONE_NEWUSER else set()) | \
        (set() if network else {"network"})
    return entered


def loopback_up() -> None:
    """A new network namespace has a loopback interface that is down: bring it up (local servers, kernels)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        import fcntl

        request = struct.pack("16sH", b"lo", 0x1 | 0x8 | 0x40)  # IFF_UP | IFF_LOOPBACK | IFF_RUNNING
        fcntl.ioctl(sock.fileno(), 0x8914, request + b"\0" * (40 - len(request)))  # SIOCSIFFLAGS
    finally:
        sock.close()


def _mount_points() -> list[str]:
    points = []
    with open("/proc/self/mountinfo", encoding="utf-8") as stream:
        for line in stream:
            point = line.split()[4]
            points.append(point.encode().decode("unicode_escape"))  # "\040" is a space
    return points


def _under(path: str, folders) -> bool:
    return any(path == folder or path.startswith(folder.rstrip("/") + "/") for folder in folders)


def read_only_filesystem(writable: list[str], scratch: str, report: dict) -> bool:
    """Everything read-only but ``writable``; a minimal ``/dev``. True when the root and all other mounts could be
    made read-only (a failure on a mount leaves the filesystem isolation reported as not in force)."""
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    for folder in writable:
        _mount(folder, folder, None, MS_BIND | MS_REC)
    _minimal_dev(scratch, report)
    failed = []
    for point in sorted(set(_mount_points()), key=len):
        if _under(point, writable) or _under(point, ["/dev", "/proc"]):
            continue
        try:
            flags = os.statvfs(point).f_flag
        except OSError:
            flags = 0  # still try: a mount that cannot be examined must not stay writable unnoticed
        keep = 0
        for st_flag, ms_flag in ST_TO_MS.items():
            if flags & st_flag:
                keep |= ms_flag
        if libc.mount(None, point.encode(), None, MS_REMOUNT | MS_BIND | MS_RDONLY | keep, None) != 0:
            failed.append(f"{point}: {os.strerror(ctypes.get_errno())}")
    if failed:
        report["notes"].append("could not make read-only: " + "; ".join(failed[:5]))
    return not failed


def _minimal_dev(scratch: str, report: dict) -> None:
    """A tmpfs ``/dev`` with only harmless devices (a root-owned ``/dev/sda`` is writable by uid 0 even without
    capabilities), the GPUs, a pseudo-terminal folder and a private ``/dev/shm``."""
    new = os.path.join(scratch, "dev")
    os.makedirs(new, exist_ok=True)
    try:
        _mount("tmpfs", new, "tmpfs", MS_NOSUID, "mode=755,size=65536k")
        names = list(DEVICES) + sorted(name for name in os.listdir("/dev") if name.startswith(("nvidia", "dri")))
        for name in names:
            source = os.path.join("/dev", name)
            if not os.path.exists(source):
                continue
            target = os.path.join(new, name)
            if os.path.isdir(source):
                os.makedirs(target, exist_ok=True)
            else:
                open(target, "w").close()
            _mount(source, target, None, MS_BIND | MS_REC)
        for name in ("shm", "pts"):
            os.makedirs(os.path.join(new, name), exist_ok=True)
        _mount("tmpfs", os.path.join(new, "shm"), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
        if os.path.isdir("/dev/pts"):
            _mount("/dev/pts", os.path.join(new, "pts"), None, MS_BIND | MS_REC)
        for link, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                             ("stderr", "/proc/self/fd/2"), ("ptmx", "pts/ptmx")):
            os.symlink(target, os.path.join(new, link))
        _mount(new, "/dev", None, MS_MOVE)
    except OSError as exc:
        report["notes"].append(f"minimal /dev not set up ({exc}); the host's /dev is visible")


def landlock(writable: list[str], network: bool, tcp_blocked_elsewhere: bool, report: dict) -> None:
    abi = libc.syscall(SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    if abi < 1:
        report["notes"].append(f"Landlock unavailable: {os.strerror(ctypes.get_errno())}")
        return
    write_file, truncate = 2, (16384 if abi >= 3 else 0)
    handled_fs = write_file | 16 | 32 | 64 | 128 | 256 | 512 | 1024 | 2048 | 4096 | (8192 if abi >= 2 else 0) | truncate
    handled_net = 1 | 2 if (abi >= 4 and not network and not tcp_blocked_elsewhere) else 0
    scoped = 1 if (abi >= 6 and not network) else 0
    if abi >= 6:
        attr = struct.pack("QQQ", handled_fs, handled_net, scoped)
    elif abi >= 4:
        attr = struct.pack("QQ", handled_fs, handled_net)
    else:
        attr = struct.pack("Q", handled_fs)
    buffer = ctypes.create_string_buffer(attr, len(attr))
    ruleset = _check(libc.syscall(SYS_LANDLOCK_CREATE_RULESET, buffer, ctypes.c_size_t(len(attr)),
                                  ctypes.c_uint32(0)), "landlock_create_ruleset")
    try:
        rules = [(folder, handled_fs) for folder in writable]
        rules += [(f"/dev/{name}", write_file | truncate) for name in DEVICES]
        rules += [("/dev/shm", handled_fs), ("/dev/pts", write_file | truncate)]
        if os.path.isdir("/dev"):
            rules += [(f"/dev/{name}", write_file | truncate) for name in os.listdir("/dev")
                      if name.startswith("nvidia")]
        for path, access in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not os.path.isdir(path):
                    access &= write_file | truncate
                rule = ctypes.create_string_buffer(struct.pack("=Qi", access, fd), 12)
                _check(libc.syscall(SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(1), rule,
                                    ctypes.c_uint32(0)), f"landlock_add_rule {path}")
            finally:
                os.close(fd)
        _check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
        _check(libc.syscall(SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)),
               "landlock_restrict_self")
    finally:
        os.close(ruleset)
    report["landlock_abi"] = abi
    report["filesystem"].append("landlock")
    if handled_net:
        report["network"].append("landlock-tcp")
    if scoped:
        report["network_notes"] = "abstract Unix sockets outside the sandbox unreachable (Landlock scope)"


def drop_privileges() -> None:
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    for capability in range(64):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0 and ctypes.get_errno() == errno.EINVAL:
            break


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as stream:
        spec = json.load(stream)
    writable = [os.path.realpath(folder) for folder in spec["writable"]]
    network = bool(spec["network"])
    report = {"namespaces": [], "filesystem": [], "network": [], "memory": [], "notes": [], "pid_namespace": False}
    entered: set = set()
    if spec.get("namespaces", True):
        try:
            entered = enter_namespaces(network, report)
        except OSError as exc:
            report["notes"].append(f"namespaces: {exc}")
    report["namespaces"] = sorted(entered)
    if "network" in entered:
        report["network"].append("network-namespace")
        try:
            loopback_up()
        except OSError as exc:
            report["notes"].append(f"loopback not up: {exc}")
    if "mount" in entered:
        try:
            if read_only_filesystem(writable, spec["scratch"], report):
                report["filesystem"].append("read-only-mounts")
        except OSError as exc:
            report["notes"].append(f"read-only mounts: {exc}")
    if "pid" in entered:
        child = os.fork()
        if child:
            _supervise(child)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        report["pid_namespace"] = True
        try:
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        except OSError as exc:
            report["notes"].append(f"/proc of the PID namespace not mounted: {exc}")
    if spec.get("landlock", True):
        try:
            landlock(writable, network, "network" in entered, report)
        except OSError as exc:
            report["notes"].append(f"Landlock: {exc}")
    if spec.get("memory_bytes"):
        limit = int(spec["memory_bytes"])
        try:
            resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
            report["memory"].append("rlimit-data")
        except (ValueError, OSError) as exc:
            report["notes"].append(f"RLIMIT_DATA: {exc}")
    drop_privileges()
    with open(spec["report"], "w", encoding="utf-8") as stream:
        json.dump(report, stream)
    os.chdir(spec["cwd"])
    try:
        os.execvp(spec["argv"][0], spec["argv"])
    except OSError as exc:
        sys.stderr.write(f"dlreview: cannot run {spec['argv'][0]}: {exc.strerror}\n")
        os._exit(127)


def _supervise(child: int) -> None:
    """Outside the PID namespace: wait for its init (the command), pass on its exit status and stop signals."""
    def forward(signum, _frame):
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, forward)
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except ChildProcessError:
            os._exit(1)
        except InterruptedError:
            continue
    if os.WIFSIGNALED(status):
        os._exit(128 + os.WTERMSIG(status))
    os._exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
