"""The ``comity ties --plot`` chart (matplotlib, drawn off screen), on a true time axis.

Each period is drawn over the days it covers: a month's bar spans its month, so 1985, 2015 and
2016-07 stand as far apart as they are. Events known only to a coarser period than the series'
(a year in a monthly series) are drawn hatched and pale across their whole period, behind the
others, never squeezed between two months. The mean-scale line is broken where a period has no
event, and the legend stands above the plots, never over a bar.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

QUAD_COLOURS = {"verbal_cooperation": "#7fbf7b", "material_cooperation": "#1b7837",
                "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}


def _day(value) -> datetime:
    value = value.date() if hasattr(value, "date") and callable(value.date) else value
    return datetime(value.year, value.month, value.day) if isinstance(value, date) else value


def _spans(frame) -> tuple[list[datetime], list[timedelta]]:
    """Each period's first day and its length (to the day after its last)."""
    starts = [_day(s) for s in frame["start"]]
    return starts, [_day(e) + timedelta(days=1) - s for s, e in zip(starts, frame["end"], strict=True)]


def _bars(axis, frame, fine: bool) -> None:
    """Stacked quad-class bars, A→B up and B→A down; coarser periods pale and hatched."""
    from comity.corpus.ties import QUADS

    if frame.empty:
        return
    starts, widths = _spans(frame)
    inset = 0.1 if fine else 0.0
    lefts = [s + w * inset for s, w in zip(starts, widths, strict=True)]
    widths = [w * (1 - 2 * inset) for w in widths]
    for direction, sign in (("ab", 1), ("ba", -1)):
        base = [0] * len(frame)
        for name in QUADS.values():
            values = [sign * v for v in frame[f"{direction}_{name}"]]
            label = name.replace("_", " ") if sign > 0 and fine else None
            axis.bar(lefts, values, width=widths, bottom=base, align="edge", color=QUAD_COLOURS[name],
                     label=label, alpha=1.0 if fine else 0.35, hatch=None if fine else "//",
                     edgecolor="white" if fine else QUAD_COLOURS[name], linewidth=0.3,
                     zorder=2 if fine else 1)
            base = [p + v for p, v in zip(base, values, strict=True)]


def _scale(axis, frame, fine: bool) -> None:
    """The mean event scale: a line through the periods' middles, broken where none has events; a
    coarser period's mean as a segment across its days."""
    if frame.empty:
        return
    starts, widths = _spans(frame)
    values = [float("nan") if v is None else float(v) for v in frame["mean_scale"]]
    if fine:
        middles = [s + w / 2 for s, w in zip(starts, widths, strict=True)]
        axis.plot(middles, values, marker="o", markersize=3, color="#2b5d8a", label="mean scale")
        return
    for start, width, value in zip(starts, widths, values, strict=True):
        axis.plot([start, start + width], [value, value], color="#2b5d8a", alpha=0.5, linewidth=3,
                  solid_capstyle="butt")


def plot_ties(frame, path: Path, a: str, b: str) -> None:
    """Draw :func:`ties_figure` to a PNG file."""
    import matplotlib.pyplot as plt

    fig = ties_figure(frame, a, b)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def ties_figure(frame, a: str, b: str):
    """A chart: events per quad class both ways (bars) and the mean event scale (line), over time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    by = frame.attrs.get("by", "month")
    fine, coarse = frame[frame["precision"] == by], frame[frame["precision"] != by]
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6.5), layout="constrained",
                                      height_ratios=(2, 1))
    _bars(top, coarse, fine=False)
    _bars(top, fine, fine=True)
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.yaxis.set_major_formatter(lambda value, _: f"{abs(value):g}")
    top.axhline(0, color="black", linewidth=0.5)
    top.set_ylabel(f"events per {by}\n({a}→{b} up, {b}→{a} down)")
    _scale(bottom, coarse, fine=False)
    _scale(bottom, fine, fine=True)
    bottom.axhline(0, color="grey", linewidth=0.5)
    bottom.set_ylabel("mean event scale")
    locator = mdates.AutoDateLocator()
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    handles, labels = top.get_legend_handles_labels()
    if not coarse.empty:
        handles.append(Patch(facecolor="#bbbbbb", hatch="//", alpha=0.5))
        labels.append("dated only to a coarser period (drawn across it)")
    fig.legend(handles, labels, loc="outside lower center", ncols=3, fontsize="small", frameon=False)
    fig.suptitle(f"{a} and {b}, by the events' own dates")
    return fig
