"""Timeline charts: the points of `pipeline.store.timeline` drawn with matplotlib, as SVG, PNG or an HTML page.

Matplotlib rather than Vega-Lite: it writes SVG and PNG itself, in this process, with no browser and
no JavaScript to ship or fetch, so `query timeline --plot` and the browser's entity pages draw the same
chart offline; Vega-Lite needs its JavaScript in the page (or a bundled renderer) to draw anything. One
panel per unit (a currency or %); each figure is a line across its period, ended by a dot, and the
latest figure of each period is joined to the next. Where articles disagree on a period, each of their
figures is drawn, and the ones the line does not take are marked as conflicting.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.store.timeline import Point, figure_text

FORMATS = ("svg", "png", "html")
_SERIES, _OTHER = "#1f5fa8", "#c0392b"


class PlotError(PipelineError):
    """A chart that cannot be drawn as asked (no points, an unknown file type)."""


def plot_format(path: Path) -> str:
    """The format a file name asks for; `PlotError` for any other."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise PlotError(f"cannot draw a chart as {path.name!r}: name a .svg, .png or .html file")
    return suffix


def write_plot(points: Sequence[Point], path: Path, *, title: str) -> None:
    """Draw the points into `path`, in the format its suffix names."""
    fmt = plot_format(path)
    if not points:
        raise PlotError("no figures to draw: the timeline is empty")
    if fmt == "html":
        path.write_text(timeline_page(points, title=title), encoding="utf-8")
    else:
        path.write_bytes(render(points, fmt=fmt, title=title))


def render(points: Sequence[Point], *, fmt: str = "svg", title: str = "") -> bytes:
    """The chart as SVG or PNG bytes; the same points give the same bytes."""
    import matplotlib
    from matplotlib.figure import Figure

    units = sorted({p.unit for p in points}, key=lambda unit: (unit == "%", unit))
    figure = Figure(figsize=(9, 2.6 * len(units) + 0.6), layout="constrained")
    axes = figure.subplots(len(units), 1, sharex=True, squeeze=False)[:, 0]
    for ax, unit in zip(axes, units):
        _draw_unit(ax, [p for p in points if p.unit == unit], unit)
    if title:
        figure.suptitle(title, fontsize=11)
    buffer = io.BytesIO()
    # No creation date and a fixed salt for SVG element ids (random otherwise): the same chart is the same file.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "belta-timeline", "svg.fonttype": "none"}):
        figure.savefig(buffer, format=fmt, metadata=metadata, dpi=100)
    return buffer.getvalue()


def timeline_page(points: Sequence[Point], *, title: str) -> str:
    """A standalone HTML page: the chart (inline SVG) and the figures as a table."""
    svg = render(points, fmt="svg", title=title).decode("utf-8")
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype, which HTML does not take
    rows = "\n".join(
        f"<tr><td>{p.first}</td><td>{p.last}</td><td>{html.escape(figure_text(p))}</td><td>{p.unit}</td>"
        f"<td>{html.escape(p.metric or '')}</td><td>{html.escape(p.title or p.article_id)}</td>"
        f"<td>{html.escape((p.published or '')[:10])}</td><td>{html.escape(p.speaker or '')}</td></tr>"
        for p in points)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}table{border-collapse:collapse}"
            "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n{svg}\n<table><thead><tr><th>from</th><th>to</th><th>value</th>"
            "<th>unit</th><th>metric</th><th>article</th><th>published</th><th>speaker</th></tr></thead>"
            f"<tbody>\n{rows}\n</tbody></table>\n</body></html>\n")


def _draw_unit(ax, points: list[Point], unit: str) -> None:  # noqa: ANN001 (a matplotlib Axes)
    series_x, series_y = [], []
    period = lambda p: (p.first, p.last)  # noqa: E731
    for (first, last), group in groupby(sorted(points, key=period), key=period):
        given = sorted(group, key=lambda p: (p.published or "", p.article_id), reverse=True)
        start, end = date.fromisoformat(first), date.fromisoformat(last) + timedelta(days=1)
        for index, point in enumerate(given):
            colour = _SERIES if index == 0 or point.high == given[0].high else _OTHER
            ax.plot([start, end], [point.high, point.high], color=colour, linewidth=2.5, alpha=0.6)
            if point.low != point.high:
                ax.fill_between([start, end], point.low, point.high, color=colour, alpha=0.15, linewidth=0)
            ax.plot([end], [point.high], "o", color=colour, markersize=5,
                    label="conflicting figure" if colour == _OTHER else None)
        series_x.append(end)
        series_y.append(given[0].high)
    ax.plot(series_x, series_y, color=_SERIES, linewidth=1, linestyle="--")
    ax.set_ylabel(unit)
    ax.yaxis.set_major_formatter(lambda value, _: _short(value))
    ax.grid(True, alpha=0.3)
    handles, labels = ax.get_legend_handles_labels()
    if labels:
        ax.legend(handles[:1], labels[:1], loc="best", fontsize=8)


def _short(value: float) -> str:
    """Axis labels a reader takes in at a glance: 300M, 1.2bn."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"
