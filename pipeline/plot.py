"""Timeline charts: the points of `pipeline.store.timeline` drawn as a static SVG (or an HTML page holding it).

The SVG is written here, by hand, rather than by matplotlib or Vega-Lite. The browser's entity pages draw
one per request and must answer in under 200 ms: matplotlib took 0.5-1 s for a chart of three panels
with date axes (its layout and tick machinery), and brings 40 MB of dependencies; Vega-Lite draws only
with its JavaScript in the page or a bundled renderer. This needs none of it, draws in about a
millisecond, works offline, and the same points give the same bytes. PNG is left to any SVG converter.

One panel per unit (a currency, or %). Each figure is a line across its period ended by a dot; a range
is a band. The latest article's figure of each period is joined to the next period's by a dashed line;
figures other articles give for the same period that differ from it are drawn in red, as conflicting.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.store.timeline import Point, figure_text

FORMATS = ("svg", "html")
_WIDTH, _PANEL, _LEFT, _RIGHT, _TOP, _BOTTOM = 900, 200, 70, 20, 34, 26
_SERIES, _CONFLICT, _GRID, _TEXT = "#1f5fa8", "#c0392b", "#e5e7eb", "#374151"


class PlotError(PipelineError):
    """A chart that cannot be drawn as asked (no points, an unknown file type)."""


def plot_format(path: Path) -> str:
    """The format a file name asks for; `PlotError` for any other."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise PlotError(f"cannot draw a chart as {path.name!r}: name a .svg or .html file")
    return suffix


def write_plot(points: Sequence[Point], path: Path, *, title: str) -> None:
    """Draw the points into `path`, in the format its suffix names."""
    fmt = plot_format(path)
    if not points:
        raise PlotError("no figures to draw: the timeline is empty")
    path.write_text(timeline_page(points, title=title) if fmt == "html" else render_svg(points, title=title),
                    encoding="utf-8")


def render_svg(points: Sequence[Point], *, title: str = "") -> str:
    """The chart as an SVG document (`svg#timeline`, one `g.figure` per point)."""
    units = sorted({p.unit for p in points}, key=lambda unit: (unit == "%", unit))
    first = min(date.fromisoformat(p.first) for p in points)
    last = max(date.fromisoformat(p.last) for p in points) + timedelta(days=1)
    if last - first < timedelta(days=31):
        first -= timedelta(days=15)
        last += timedelta(days=15)
    height = _TOP + len(units) * (_PANEL + _BOTTOM)
    span = (last - first).days

    def x(day: date) -> float:
        return _LEFT + (day - first).days / span * (_WIDTH - _LEFT - _RIGHT)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" id="timeline" class="timeline" width="{_WIDTH}" '
             f'height="{height}" viewBox="0 0 {_WIDTH} {height}" font-family="sans-serif" font-size="11">',
             f'<text x="{_WIDTH / 2}" y="18" text-anchor="middle" font-size="13" fill="{_TEXT}">'
             f'{html.escape(title)}</text>']
    for index, unit in enumerate(units):
        top = _TOP + index * (_PANEL + _BOTTOM)
        parts += _panel([p for p in points if p.unit == unit], unit, top, x, _time_ticks(first, last))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def timeline_page(points: Sequence[Point], *, title: str) -> str:
    """A standalone HTML page: the chart (inline SVG) and the figures as a table."""
    rows = "\n".join(
        f"<tr><td>{p.first}</td><td>{p.last}</td><td>{html.escape(figure_text(p))}</td><td>{p.unit}</td>"
        f"<td>{html.escape(p.metric or '')}</td><td>{html.escape(p.title or p.article_id)}</td>"
        f"<td>{html.escape((p.published or '')[:10])}</td><td>{html.escape(p.speaker or '')}</td></tr>"
        for p in points)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;max-width:960px;margin:2em auto}table{border-collapse:collapse}"
            "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}</style></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n{render_svg(points, title='')}<table><thead><tr><th>from</th><th>to</th>"
            "<th>value</th><th>unit</th><th>metric</th><th>article</th><th>published</th><th>speaker</th></tr>"
            f"</thead><tbody>\n{rows}\n</tbody></table>\n</body></html>\n")


def _panel(points: list[Point], unit: str, top: int, x, ticks: list[date]) -> list[str]:  # noqa: ANN001
    low = min(0.0, *(p.low for p in points)) if unit != "%" else min(p.low for p in points)
    high = max(p.high for p in points)
    values = _value_ticks(low, high)
    bottom_value, top_value = values[0], values[-1]

    def y(value: float) -> float:
        return top + _PANEL - (value - bottom_value) / (top_value - bottom_value) * _PANEL

    out = [f'<g class="panel" data-unit="{html.escape(unit)}">',
           f'<text x="14" y="{top + _PANEL / 2}" transform="rotate(-90 14 {top + _PANEL / 2})" text-anchor="middle" '
           f'fill="{_TEXT}">{html.escape(unit)}</text>']
    for value in values:
        out.append(f'<line x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                   f'stroke="{_GRID}"/><text x="{_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" '
                   f'fill="{_TEXT}">{_short(value)}</text>')
    for day in ticks:
        label = str(day.year) if (day.month, day.day) == (1, 1) else day.strftime("%b")
        out.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{top}" y2="{top + _PANEL}" stroke="{_GRID}"/>'
                   f'<text x="{x(day):.1f}" y="{top + _PANEL + 15}" text-anchor="middle" fill="{_TEXT}">{label}</text>')
    series: list[tuple[float, float]] = []
    period = lambda p: (p.first, p.last)  # noqa: E731
    for _, group in groupby(sorted(points, key=period), key=period):
        given = sorted(group, key=lambda p: (p.published or "", p.article_id), reverse=True)
        for point in given:
            colour = _SERIES if (point.low, point.high) == (given[0].low, given[0].high) else _CONFLICT
            out.append(_figure(point, colour, x, y))
        end = date.fromisoformat(given[0].last) + timedelta(days=1)
        series.append((x(end), y(given[0].high)))
    joined = " ".join(f"{a:.1f},{b:.1f}" for a, b in sorted(series))  # in the order the periods end
    out.append(f'<polyline points="{joined}" fill="none" stroke="{_SERIES}" stroke-dasharray="4 3"/>')
    out.append("</g>")
    return out


def _figure(point: Point, colour: str, x, y) -> str:  # noqa: ANN001
    start, end = x(date.fromisoformat(point.first)), x(date.fromisoformat(point.last) + timedelta(days=1))
    about = (f"{point.first} – {point.last}: {figure_text(point)} {point.unit} "
             f"({point.title or point.article_id}, {(point.published or '')[:10]}"
             f"{'; ' + point.speaker if point.speaker else ''})")
    band = (f'<rect x="{start:.1f}" y="{y(point.high):.1f}" width="{max(end - start, 1):.1f}" '
            f'height="{y(point.low) - y(point.high):.1f}" fill="{colour}" opacity="0.15"/>'
            if point.low != point.high else "")
    conflict = ' data-conflict="true"' if colour == _CONFLICT else ""
    return (f'<g class="figure"{conflict}><title>{html.escape(about)}</title>{band}'
            f'<line x1="{start:.1f}" x2="{end:.1f}" y1="{y(point.high):.1f}" y2="{y(point.high):.1f}" '
            f'stroke="{colour}" stroke-width="3" opacity="0.6"/>'
            f'<circle cx="{end:.1f}" cy="{y(point.high):.1f}" r="4" fill="{colour}"/></g>')


def _value_ticks(low: float, high: float) -> list[float]:
    """Four to eight round values from at or below `low` to at or above `high`."""
    if high == low:
        low, high = (low - 1, high + 1) if low == 0 else (low - abs(low) * 0.1, high + abs(high) * 0.1)
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in (1, 2, 2.5, 5, 10) if s * magnitude >= raw)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(math.ceil((high - start) / step) + 1)]


def _time_ticks(first: date, last: date) -> list[date]:
    """1 January of each year in the span, or the first of every third month when it is under three years."""
    years = range(first.year, last.year + 1)
    if last.year - first.year >= 3:
        return [date(year, 1, 1) for year in years if first <= date(year, 1, 1) <= last]
    return [date(year, month, 1) for year in years for month in (1, 4, 7, 10) if first <= date(year, month, 1) <= last]


def _short(value: float) -> str:
    """Axis labels a reader takes in at a glance: 300M, 1.2bn."""
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"
