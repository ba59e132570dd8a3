"""Line charts as inline SVG: no script, no fonts or images fetched. Each series has its own
dash pattern and an end label, so the chart reads in black and white and without colour."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

WIDTH, HEIGHT = 680, 280
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 14, 30
_DASHES = ("", "6 3", "2 3", "10 3 2 3", "1 2")
_GREYS = ("#000", "#333", "#555", "#222", "#777")


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float, ...]  # one per x label, in the chart's unit (yuan)


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * step:
            return float(factor * step)
    return float(10 * step)


def _tick(value: float) -> str:
    return f"{value:,.0f}"


def line_chart(x_labels: tuple[str, ...], series: tuple[Series, ...], value_label: str) -> str:
    count = max(len(x_labels), 1)
    top = _nice_top(max((max(s.values, default=0) for s in series), default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - max(v, 0) / top)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'role="img" aria-label="{html.escape(value_label)}" font-size="11" '
           'font-family="sans-serif">']
    for k in range(5):
        value = top * k / 4
        gy = y(value)
        out.append(f'<line x1="{LEFT}" y1="{gy:.1f}" x2="{LEFT + plot_w}" y2="{gy:.1f}" '
                   'stroke="#ccc" stroke-width="0.6"/>')
        out.append(f'<text x="{LEFT - 4}" y="{gy + 4:.1f}" text-anchor="end">{_tick(value)}</text>')
    step = max(1, math.ceil(count / 12))
    for i, label in enumerate(x_labels):
        if i % step == 0 or i == count - 1:
            out.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">'
                       f"{html.escape(label)}</text>")
    out.append(f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" '
               'stroke="#000" stroke-width="0.8"/>')
    out.append(f'<text x="4" y="{TOP + 2}" dominant-baseline="hanging" font-size="10">'
               f"{html.escape(value_label)}</text>")
    ends: list[float] = []
    for n, one in enumerate(series):
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(one.values))
        dash = _DASHES[n % len(_DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<polyline fill="none" stroke="{_GREYS[n % len(_GREYS)]}" '
                   f'stroke-width="{2.2 if n == 0 else 1.6}"{dash_attr} points="{points}"/>')
        end_y = y(one.values[-1]) if one.values else TOP + plot_h
        while any(abs(end_y - other) < 12 for other in ends):
            end_y -= 12
        ends.append(end_y)
        out.append(f'<line x1="{LEFT + plot_w + 4}" y1="{end_y:.1f}" x2="{LEFT + plot_w + 22}" '
                   f'y2="{end_y:.1f}" stroke="{_GREYS[n % len(_GREYS)]}" stroke-width="1.6"'
                   f"{dash_attr}/>")
        out.append(f'<text x="{LEFT + plot_w + 26}" y="{end_y + 4:.1f}">'
                   f"{html.escape(one.label)}</text>")
    out.append("</svg>")
    return "".join(out)
