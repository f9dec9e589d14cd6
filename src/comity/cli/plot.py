"""The ``comity ties --plot`` chart (matplotlib, drawn off screen)."""

from __future__ import annotations

from pathlib import Path

QUAD_COLOURS = {"verbal_cooperation": "#7fbf7b", "material_cooperation": "#1b7837",
                "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}


def plot_ties(frame, path: Path, a: str, b: str) -> None:
    """A chart: events per quad class both ways (bars) and the mean event scale (line)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    from comity.corpus.ties import QUADS

    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6))
    x = list(range(len(frame)))
    for direction, sign in (("ab", 1), ("ba", -1)):
        base = [0] * len(frame)
        for name in QUADS.values():
            values = [sign * v for v in frame[f"{direction}_{name}"]]
            top.bar(x, values, bottom=base, color=QUAD_COLOURS[name],
                    label=name.replace("_", " ") if sign > 0 else None)
            base = [p + v for p, v in zip(base, values, strict=True)]
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.yaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    top.axhline(0, color="black", linewidth=0.5)
    top.set_ylabel(f"events ({a}→{b} up, {b}→{a} down)")
    top.legend(fontsize="small")
    bottom.plot(x, frame["mean_scale"], marker="o")
    bottom.axhline(0, color="grey", linewidth=0.5)
    bottom.set_ylabel("mean event scale")
    bottom.set_xticks(x, list(frame["period"]), rotation=45, ha="right")
    fig.suptitle(f"{a} and {b}")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
