"""The figures of one month of a scenario: a title, then a label and an amount a line.

Drawn on every month step, so drawn cheaply: the lines are laid out here as a borderless Rich
table would lay them out (label left, amount right, a space of padding at each side of each
column, the title in italics over the table's width), without building and measuring a Table
each month. Only when the two columns do not fit the panel's width is a Table used, to shrink
and wrap them as it does. The panel's size is the screen's (fixed height), never its figures':
a new month is drawn again without laying the screen out again.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.content import Content
from textual.widgets import Static

Row = tuple[str, str]  # label, amount (plain text, no markup)


class MonthFigures(Static):
    """A month's figures, or a line of text before there is any month."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = ""
        self.rows: tuple[Row, ...] = ()

    def show(self, title: str, rows: Sequence[Row] = ()) -> None:
        """``title`` over ``rows``; with no rows, ``title`` alone, as a paragraph."""
        figures = (title, tuple(rows))
        if figures != (self.title, self.rows):
            self.title, self.rows = figures
            self.refresh()

    def render(self) -> RenderResult:
        if not self.rows:
            return Content(self.title)
        label_width = max(cell_len(label) for label, _ in self.rows)
        amount_width = max(cell_len(amount) for _, amount in self.rows)
        width = label_width + amount_width + 4  # one space each side of each column
        if max(width, cell_len(self.title)) > self.content_size.width:
            return self._table()
        title = self.title + " " * max(0, width - cell_len(self.title))
        lines = [Content.styled(title, "italic")]
        for label, amount in self.rows:
            lines.append(Content(
                f" {label}{' ' * (label_width - cell_len(label))}  "
                f"{' ' * (amount_width - cell_len(amount))}{amount} "))
        return Content("\n").join(lines)

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), title=self.title,
                      title_justify="left")
        table.add_column()
        table.add_column(justify="right")
        for label, amount in self.rows:
            table.add_row(Text(label), Text(amount))
        return table
