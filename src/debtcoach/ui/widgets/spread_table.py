"""A Monte Carlo run's spread as a small table by month, for a lesson's reveal: what the paths
owe (10th, 50th and 90th percentile) and the shares that borrowed to repay, fell behind or
defaulted; optionally the last month against another run of the lesson."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len

from debtcoach.i18n import Lang, money, percent
from debtcoach.lessons.spread import Spread

COLUMNS = ("month", "p10", "p50", "p90", "stacking", "overdue", "default")


def spread_text(spread: Spread, lang: Lang, t: Callable[..., str],
                base: Spread | None = None) -> str:
    """Rows of right-aligned figures under a header; money in whole yuan so a row fits 80
    columns; shares with one decimal."""
    rows = [[t(f"spread.col.{name}") for name in COLUMNS]]
    for month in range(spread.months):
        rows.append([str(month + 1), *(money(values[month], lang, whole=True) for values in (
            spread.debt_p10, spread.debt_p50, spread.debt_p90)), *(
            percent(values[month], lang, digits=1) for values in (
                spread.stacking_ever, spread.overdue_ever, spread.in_default))])
    widths = [max(cell_len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [t("spread.title", paths=f"{spread.paths:,}"), t("spread.legend")]
    for number, row in enumerate(rows):
        cells = [" " * (width - cell_len(cell)) + cell for cell, width in zip(row, widths,
                                                                               strict=True)]
        line = "  ".join(cells)
        lines.append(f"[b]{line}[/b]" if number == 0 else line)
    if base is not None and base.months == spread.months:
        last = spread.months - 1
        lines.append(t("spread.against_first", month=spread.months,
                       overdue_before=percent(base.overdue_ever[last], lang, digits=1),
                       overdue=percent(spread.overdue_ever[last], lang, digits=1),
                       default_before=percent(base.in_default[last], lang, digits=1),
                       default=percent(spread.in_default[last], lang, digits=1),
                       stacking_before=percent(base.stacking_ever[last], lang, digits=1),
                       stacking=percent(spread.stacking_ever[last], lang, digits=1)))
    return "\n".join(lines)
