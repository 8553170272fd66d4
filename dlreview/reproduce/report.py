"""The text summary of a reproduction record, and its exit status."""

from __future__ import annotations


def exit_status(record: dict) -> int:
    """0: every claim reproduced (or within the seed variability), the published run succeeded, runs with one seed
    agree and no leak was confirmed at run time; 1 otherwise."""
    summary = record["summary"]
    problems = summary["not_reproduced"] or summary["not_computed"] or summary["failed_runs"] \
        or summary["deterministic"] is False or record["leakage"]["confirmed"]
    return 1 if problems else 0


def printable(text: str) -> str:
    """The study's own output, safe for a terminal: control characters (escape sequences that retitle the window,
    write the clipboard or erase lines) shown as their code."""
    return "".join(char if char.isprintable() or char == "\t" else f"\\x{ord(char):02x}" for char in text)


def _status(command: dict) -> str:
    if command["status"] == "timeout":
        return "killed at the wall-clock limit"
    if command["status"] == "memory":
        return "killed at the memory limit"
    return f"{command['status']} (exit {command['exit_code']})"


def _value(value) -> str:
    return "-" if value is None else f"{value:.4f}"


def render_text(record: dict) -> str:
    lines = [f"dlreview reproduce {record['study']['path']}"]
    iso = record["isolation"]
    network = iso["network"] if isinstance(iso["network"], str) else ", ".join(iso["network"])
    lines.append(f"isolation: filesystem {', '.join(iso['filesystem']) or 'NOT enforced (copy only)'}; "
                 f"network {network}; memory {', '.join(iso['memory'])} ({iso['memory_limit_bytes']} bytes); "
                 f"wall clock {iso['wall_clock_limit_s']:g}s; PID namespace {'yes' if iso['pid_namespace'] else 'no'}")
    for note in iso["notes"]:
        lines.append(f"  note: {note}")
    device = record["environment"]["device"]
    lines.append(f"device: {device['used']} (requested {device['requested']}); python "
                 f"{record['environment']['python']} at {record['environment']['interpreter']}")
    lines.append("runs:")
    for run in record["runs"]:
        seed = "" if run["seed"] is None else f" seed {run['seed']}"
        extra = ", labels shuffled" if run["label_shuffle"] else ""
        lines.append(f"  {run['id']}:{seed}{extra} {run['status']} in {run['duration_s']:.1f}s, "
                     f"{len(run['metrics'])} metric value(s)")
        if run["status"] != "ok":
            failed = next((c for c in run["commands"] if c["status"] != "ok"), None)
            if failed is not None:
                tail = (failed["stderr_tail"] or failed["stdout_tail"]).strip().splitlines()[-1:]
                lines.append(f"    {printable(failed['command'])}: {_status(failed)}"
                             + (f": {printable(tail[0][:200])}" if tail else ""))
    if record["claims"]:
        lines.append("claims:")
    else:
        lines.append("claims: none to verify; add [[tool.dlreview.reproduce.claims]] or give --manuscript")
    for entry in record["claims"]:
        claim = entry["claim"]
        about = f" ({claim['model']})" if claim.get("model") else ""
        text = f"  {claim['metric']} {claim['text']}{about}: {entry['verdict']}"
        if entry["measured"] is not None:
            text += f", measured {_value(entry['measured'])}"
            if entry["verdict"] != "reproduced":
                text += f" ({entry['difference']:+.4f})"
        if entry.get("reason"):
            text += f" - {entry['reason']}"
        lines.append(text)
        seeds = entry.get("seeds")
        if seeds:
            lines.append(f"    seeds: mean {_value(seeds['mean'])}, sd {_value(seeds['sd'])}, 95% CI "
                         f"[{_value(seeds['ci95'][0])}, {_value(seeds['ci95'][1])}] over {seeds['n']}")
        shuffle = entry.get("label_shuffle")
        if shuffle and shuffle.get("applied", True):
            lines.append(f"    labels shuffled: {_value(shuffle['mean'])} over {shuffle['n']} permutation(s) "
                         f"(chance {_value(shuffle['chance'])})")
        elif shuffle:
            lines.append(f"    labels shuffled: not applied ({shuffle['note']})")
        if entry["ambiguous"]:
            lines.append(f"    ambiguous: {entry['candidates']} different values of this metric; the last was taken; "
                         f"set model, at or key to choose")
    determinism = record["determinism"]
    if determinism is not None:
        if determinism["identical"]:
            lines.append(f"determinism: identical metrics from seed {determinism['seed']} twice "
                         f"({determinism['compared']} values)")
        elif determinism["identical"] is False:
            first = determinism["differences"][0] if determinism["differences"] else None
            detail = f": {first['metric']} at {first['where']} was {first['first']} then {first['second']}" \
                if first else ""
            lines.append(f"determinism: NOT deterministic, {len(determinism['differences'])} value(s) differ between "
                         f"two runs with seed {determinism['seed']}{detail}")
        else:
            lines.append(f"determinism: not checked ({determinism.get('note', '')})")
    for fit in record["leakage"]["fits"]:
        verdict = "leak" if fit["leak"] else "no leak (no evaluation of those rows afterwards)"
        lines.append(f"leakage: {fit['estimator']}.{fit['method']} at {fit['where']} saw {fit['test_rows_seen']} of the "
                     f"{fit['test_rows']} test rows of the split at {fit['split']}: {verdict}")
    counts = record["summary"]
    if record["study"].get("work_folder"):
        lines.append(f"work folder kept: {record['study']['work_folder']}")
    lines.append(f"{counts['claims']} claim(s): {counts['reproduced']} reproduced, {counts['within_variability']} "
                 f"within variability, {counts['not_reproduced']} not reproduced, {counts['not_computed']} not computed")
    return "\n".join(lines) + "\n"
