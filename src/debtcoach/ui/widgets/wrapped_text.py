"""Text that wraps as Chinese is typeset: lines break by :mod:`debtcoach.i18n.linebreak`
(no closing punctuation at a line start, no opening one at a line end, Latin words and numbers
whole) at whatever width the widget has, instead of Textual's word wrap, which treats a Chinese
paragraph as one long word and cuts it anywhere ("Ap/p", a line starting with "，").

:class:`WrappedText` is a Textual ``Visual`` around a ``Content``: it puts the line breaks in
and leaves styling, alignment and padding to the ``Content``. :class:`LessonMarkdown` is a
``Markdown`` whose paragraphs, headings and table cells use it; :class:`WrappingButton` a button
whose label does.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Button, Markdown
from textual.widgets._markdown import (
    MarkdownTable,
    MarkdownTableCellContents,
    MarkdownTableContent,
)
from textual.widgets.markdown import MarkdownBlock

from debtcoach.i18n.linebreak import break_offsets, cell_width, units


class WrappedText(Visual):
    """A ``Content`` with line breaks chosen by the rules of Chinese typesetting."""

    def __init__(self, content: Content, prefix: Content | None = None) -> None:
        """``prefix`` (a choice's "( ) ") starts the first line; the lines after it are
        indented as far, so the text hangs under itself."""
        self.content = content
        self.prefix = prefix
        self._broken: tuple[int, Content] | None = None

    @classmethod
    def from_markup(cls, markup: str) -> WrappedText:
        return cls(Content.from_markup(markup))

    @classmethod
    def from_rich_text(cls, text: Text) -> WrappedText:
        return cls(Content.from_rich_text(text))

    def __str__(self) -> str:
        return (self.prefix.plain if self.prefix is not None else "") + self.content.plain

    def at_width(self, width: int) -> Content:
        """The content with a line break wherever a line of ``width`` cells must end."""
        if self._broken is not None and self._broken[0] == width:
            return self._broken[1]
        indent = self.prefix.cell_length if self.prefix is not None else 0
        lines: list[Content] = []
        for line in self.content.split("\n", allow_blank=True):
            offsets = break_offsets(line.plain, max(width - indent, 1))
            lines += [part.rstrip() for part in line.divide(offsets)] if offsets else [line]
        if self.prefix is not None:
            lines = [self.prefix + lines[0], *(Content(" " * indent) + line for line in lines[1:])]
        broken = Content("\n").join(lines)
        self._broken = (width, broken)
        return broken

    def _wraps(self, rules: RulesMap) -> bool:
        return rules.get("text_wrap", "wrap") != "nowrap"

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        rules = options.rules
        if not self._wraps(rules):
            return self.content.render_strips(width, height, style, options)
        inner = width - 2 * rules.get("line_pad", 0)
        return self.at_width(inner).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        content = self.content if self.prefix is None else self.prefix + self.content
        return content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        """The widest piece a line may not break inside."""
        plain = self.content.plain
        widest = max((cell_width(plain[start:end].rstrip()) for start, end in units(plain)),
                     default=0)
        return widest + 2 * rules.get("line_pad", 0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if not self._wraps(rules):
            return self.content.get_height(rules, width)
        inner = width - 2 * rules.get("line_pad", 0)
        return self.at_width(inner).get_height(rules, width)


class _WrappedBlock(MarkdownBlock):
    """A Markdown block whose text wraps as Chinese is typeset."""

    def set_content(self, content: Content) -> None:
        self._content = content
        self.update(WrappedText(content))


def _wrapping(block: type[MarkdownBlock]) -> type[MarkdownBlock]:
    """``block`` (Markdown's own paragraph or heading) with text that wraps as Chinese. The
    block comes first among the bases: Textual styles a widget by its first base's line, so the
    subclass keeps the block's look (margins, heading styles) and gets ``set_content`` from
    :class:`_WrappedBlock`, which sits before ``MarkdownBlock`` in the method order."""
    name = "Wrapped" + block.__name__.removeprefix("Markdown")
    wrapped: type[MarkdownBlock] = type(name, (block, _WrappedBlock), {})
    assert wrapped.set_content is _WrappedBlock.set_content
    return wrapped


class _WrappedCell(MarkdownTableCellContents):
    """A table cell whose text wraps as Chinese is typeset."""

    def render(self) -> WrappedText:
        content = self.content
        return WrappedText(content if isinstance(content, Content) else Content(str(content)))


class _WrappedTableContent(MarkdownTableContent):
    """Markdown's table grid, built of cells that wrap as Chinese (Textual's own compose, with
    the cell class swapped)."""

    def compose(self) -> ComposeResult:
        for header in self.headers:
            yield _WrappedCell(header, classes="header")
        for row_index, row in enumerate(self.rows, 1):
            for cell_index, cell in enumerate(row, 1):
                yield _WrappedCell(cell, classes=f"row{row_index} cell",
                                   name=f"cell{row_index}.{cell_index}")
            self.last_row = row_index


class _WrappedTable(MarkdownTable):
    def compose(self) -> ComposeResult:
        self._headers, self._rows = self._get_headers_and_rows()
        yield _WrappedTableContent(self._headers, self._rows)


class LessonMarkdown(Markdown):
    """Lesson prose: Markdown whose paragraphs, headings and table cells wrap as Chinese is
    typeset."""

    BLOCKS: dict[str, type[MarkdownBlock]] = {  # noqa: RUF012 (Markdown's own annotation)
        **Markdown.BLOCKS,
        **{name: _wrapping(Markdown.BLOCKS[name])
           for name in ("paragraph_open", "h1", "h2", "h3", "h4", "h5", "h6")},
        "table_open": _WrappedTable,
    }


class WrappingButton(Button):
    """A button whose label wraps as Chinese is typeset (a long choice is never cut)."""

    def render(self) -> WrappedText:
        assert isinstance(self.label, Content)
        return WrappedText(self.label)
