"""The report's figures, drawn with matplotlib as SVG: reported against reproduced values, the spread over seeds,
real against shuffled labels.

Nothing global is touched (no pyplot, no backend switch): each figure is a ``Figure`` on its own SVG canvas, drawn
under a local rc context with text kept as text (``svg.fonttype = none``), a fixed hash salt and no date, so the
same record gives the same SVG bytes. Labels come from the record (metric and model names): they are shortened and
their ``$`` escaped so that matplotlib never reads them as mathtext; the SVG writer escapes them as XML.
"""

from __future__ import annotations

import io

BLUE, ORANGE, VERMILLION, GREY, BLACK = "#0072B2", "#E69F00", "#D55E00", "#999999", "#222222"
RC = {"svg.fonttype": "none", "svg.hashsalt": "dlreview-report", "font.family": "DejaVu Sans", "font.size": 9,
      "axes.spines.top": False, "axes.spines.right": False, "axes.titlesize": 10, "axes.titleweight": "bold",
      "path.simplify": True}


def _label(text: str, limit: int = 42) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    return text.replace("\\", "\\\\").replace("$", r"\$")


def _svg(figure) -> str:
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(figure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return buffer.getvalue()


def _figure(rows: int):
    from matplotlib.figure import Figure

    return Figure(figsize=(6.6, 0.5 * rows + 1.3), dpi=100, layout="constrained")


def _limits(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, 0.01)
    low, high = low - pad, high + pad
    if min(values) >= 0 and max(values) <= 1:
        low, high = max(low, 0.0), min(high, 1.0)
    return low, high


def reported_vs_reproduced(claims: list[dict]) -> str:
    import matplotlib

    with matplotlib.rc_context(RC):
        rows = [c for c in claims if c["reported"] is not None]
        figure = _figure(len(rows))
        axes = figure.add_subplot()
        values = []
        labelled: set[str] = set()
        for y, claim in enumerate(rows):
            axes.plot([claim["reported"]], [y + 0.18], marker="D", markersize=7, markerfacecolor="white",
                      markeredgecolor=BLACK, linestyle="none", label="reported" if y == 0 else None)
            values.append(claim["reported"])
            if claim["measured"] is not None:
                axes.plot([claim["measured"]], [y], marker="o", markersize=6, color=BLUE, linestyle="none",
                          label="published run" if y == 0 else None)
                values.append(claim["measured"])
            seeds = claim.get("seeds")
            if seeds and seeds.get("mean") is not None:
                # the interval as the report model gives it (clamped to [0, 1] for a proportion); none with one seed
                low, high = seeds["ci95"]
                error = None if low is None or high is None else [[seeds["mean"] - low], [high - seeds["mean"]]]
                legend = "seeds: mean" if error is None else "seeds: mean, 95% interval"
                axes.errorbar([seeds["mean"]], [y - 0.18], xerr=error, fmt="s", color=ORANGE, markersize=5,
                              capsize=3, linewidth=1.4, label=None if legend in labelled else legend)
                labelled.add(legend)
                values.extend([seeds["mean"]] if error is None else [low, high])
        axes.set_yticks(range(len(rows)), [_label(c["label"]) for c in rows])
        return _finish(figure, axes, values)


def seed_distribution(claims: list[dict]) -> str:
    import matplotlib

    with matplotlib.rc_context(RC):
        rows = [c for c in claims if c.get("seeds") and c["seeds"]["values"]]
        figure = _figure(len(rows))
        axes = figure.add_subplot()
        values = []
        for y, claim in enumerate(rows):
            seeds = claim["seeds"]
            count = len(seeds["values"])
            offsets = [((i % 5) - 2) * 0.07 for i in range(count)]   # a fixed jitter: deterministic output
            axes.scatter(seeds["values"], [y + o for o in offsets], s=18, color=BLUE, alpha=0.8, zorder=3,
                         label="seed" if y == 0 else None)
            values.extend(seeds["values"])
            if seeds.get("mean") is not None:
                axes.plot([seeds["mean"]] * 2, [y - 0.3, y + 0.3], color=BLACK, linewidth=1.6,
                          label="mean" if y == 0 else None)
            if claim["reported"] is not None:
                axes.plot([claim["reported"]], [y], marker="D", markersize=7, markerfacecolor="white",
                          markeredgecolor=VERMILLION, linestyle="none", label="reported" if y == 0 else None)
                values.append(claim["reported"])
        axes.set_yticks(range(len(rows)), [_label(f"{c['label']} (n={len(c['seeds']['values'])})") for c in rows])
        return _finish(figure, axes, values)


def label_shuffle(claims: list[dict]) -> str:
    import matplotlib

    from dlreview.report.model import shuffled

    with matplotlib.rc_context(RC):
        rows = [c for c in claims if shuffled(c)]   # a control that was not applied is no control
        figure = _figure(len(rows))
        axes = figure.add_subplot()
        values = [0.0]
        for y, claim in enumerate(rows):
            shuffle = claim["label_shuffle"]
            real = claim["measured"] if claim["measured"] is not None else (claim.get("seeds") or {}).get("mean")
            if real is not None:
                axes.barh([y - 0.2], [real], height=0.38, color=BLUE, label="real labels" if y == 0 else None)
                values.append(real)
            axes.barh([y + 0.2], [shuffle["mean"]], height=0.38, color=GREY,
                      xerr=[shuffle["sd"] or 0.0], error_kw={"capsize": 3, "elinewidth": 1},
                      label="shuffled labels (mean \u00b1 sd)" if y == 0 else None)
            values.append(shuffle["mean"] + (shuffle["sd"] or 0.0))
            if shuffle.get("chance") is not None:
                axes.plot([shuffle["chance"]] * 2, [y - 0.45, y + 0.45], color=VERMILLION, linestyle="--",
                          linewidth=1.4, label="chance" if y == 0 else None)
                values.append(shuffle["chance"])
        axes.set_yticks(range(len(rows)), [_label(c["label"]) for c in rows])
        axes.invert_yaxis()
        high = max(values)
        axes.set_xlim(0, 1.0 if high <= 1 else high * 1.1)
        axes.set_xlabel("value")
        axes.grid(axis="x", color="#dddddd", linewidth=0.6)
        axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False, fontsize=8)
        return _svg(figure)


DRAW = {"reported_vs_reproduced": reported_vs_reproduced, "seed_distribution": seed_distribution,
        "label_shuffle": label_shuffle}


def draw(kind: str, claims: list[dict]) -> str:
    return DRAW[kind](claims)


def _finish(figure, axes, values: list[float]) -> str:
    """The common end of the value figures: rows top to bottom, the value axis, a grid and the legend above."""
    axes.invert_yaxis()
    axes.set_xlim(*_limits(values))
    axes.set_xlabel("value")
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False, fontsize=8)
    return _svg(figure)
