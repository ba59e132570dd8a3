"""Strategies side by side as a small table of text: what each cost (incurred, paid, still
owed) and the month its debt was gone. Text, not a widget table, so it sits in the step's own
prose and scrolls with it; columns are aligned by terminal cells (Chinese counts two)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.markup import escape

from debtcoach.i18n import Lang, money
from debtcoach.i18n.linebreak import cell_width

if TYPE_CHECKING:
    from debtcoach.lessons.compare import Totals

Translate = Callable[..., str]


def compare_markup(rows: Sequence[Totals], t: Translate, lang: Lang) -> str:
    header = [t("compare.strategy"), t("compare.costs"), t("compare.paid"), t("compare.owed"),
              t("compare.debt_free")]
    body = [[row.label.text(lang), money(row.costs, lang), money(row.paid, lang),
             money(row.owed, lang),
             t("compare.month", month=row.debt_free) if row.debt_free is not None
             else t("compare.not_yet", months=row.months)]
            for row in rows]
    widths = [max(cell_width(line[column]) for line in [header, *body])
              for column in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [escape(cells[0]) + " " * (widths[0] - cell_width(cells[0]))]
        padded += [" " * (width - cell_width(cell)) + escape(cell)
                   for cell, width in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join(padded)

    return "\n".join([f"[b]{line(header)}[/b]", *(line(cells) for cells in body)])
