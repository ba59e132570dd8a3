"""Debt by month against the amount first needed: a plotext chart, or text bars in plain mode;
for many paths, their median with the 10th and 90th percentiles (a fan).

Wrapped here so screens never touch the chart library directly (and tests can swap it)."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual.app import RenderResult
from textual.content import Content, Span
from textual.style import Style
from textual.widgets import Static
from textual_plotext import PlotextPlot

from debtcoach.i18n import Lang, money, t
from debtcoach.textbars import bar

# A run of plotext's picture: the colour codes before it, then its text.
_RUN = re.compile(r"((?:\x1b\[[0-9;]*m)*)([^\x1b]*)")
_RESET = "\x1b[0m"
_LINE_ENDS = re.compile(r"(?<=\n)")


class DebtChart(PlotextPlot):
    """Debt (yuan) per reported month, with a flat line at the amount first needed."""

    _shown: tuple[object, ...] | None = None  # what the chart was last plotted from
    _styles: dict[str, Style | None] | None = None  # colour codes → style, in the theme below
    _styles_theme: TerminalTheme | None = None

    def render(self) -> RenderResult:
        """PlotextPlot's own render (the plot fitted to the widget, in the app's theme), but
        its picture read by :meth:`_content` rather than ``Text.from_ansi``, which took as long
        as plotting it."""
        plot, (width, height) = self.plt, self.size
        plot.plotsize(width, height)
        plot._set_size(width, height)  # as PlotextPlot does: plotsize alone is not enough
        plot.theme(self._get_plotext_theme_name(self.app.theme))
        return self._content(plot.build())

    def _content(self, ansi: str) -> Content:
        """Plotext's picture as the Content Textual makes of ``Text.from_ansi(ansi)``: one span
        a coloured run, each distinct run of colour codes turned into a style only once."""
        theme = self.app.ansi_theme
        if self._styles is None or theme is not self._styles_theme:
            self._styles, self._styles_theme = {}, theme
        styles = self._styles
        texts: list[str] = []
        spans: list[Span] = []
        at, codes = 0, ""  # the codes in force, from the last reset on (lines too carry them)
        for line in _LINE_ENDS.split(ansi):  # as Rich splits it: a final newline, a last line
            for run in _RUN.finditer(line.rstrip("\n")):
                sgr, text = run.groups()
                codes = codes + sgr if _RESET not in sgr else sgr.rsplit(_RESET, 1)[1]
                if text:
                    if codes not in styles:
                        styles[codes] = self._style(codes)
                    style = styles[codes]
                    if style is not None:
                        spans.append(Span(at, at + len(text), style))
                    texts.append(text)
                    at += len(text)
            texts.append("\n")
            at += 1
        return Content("".join(texts)[:-1], spans)

    def _style(self, codes: str) -> Style | None:
        """The style Textual reads from these colour codes."""
        spans = Content.from_rich_text(Text.from_ansi(codes + "x"), console=self.app.console).spans
        style = spans[0].style if spans else None
        return style if isinstance(style, Style) else None

    def show(self, debts_fen: list[int], need_fen: int, lang: Lang) -> None:
        self.show_fan(None, debts_fen, None, need_fen, lang)

    def show_fan(self, low_fen: list[int] | None, debts_fen: list[int],
                 high_fen: list[int] | None, need_fen: int, lang: Lang,
                 story_fen: list[int] | None = None) -> None:
        """``debts_fen`` drawn solid; the 10th and 90th percentiles, when given, dotted; a
        story to compare with (the lesson's own run), crosses. Plotted only when they changed:
        a chart costs more to draw than the rest of the step."""
        shown = (low_fen, debts_fen, high_fen, need_fen, story_fen)
        if shown == self._shown:
            return
        self._shown = shown
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        months = list(range(1, len(debts_fen) + 1))
        # Drawn first to last, each over the one before: story, band, then the median.
        lines = [(story_fen or [], "x"), (low_fen or [], "dot"), (high_fen or [], "dot")]
        for values, marker in lines:
            if values:
                plt.plot(list(range(1, len(values) + 1)), [d / 100 for d in values],
                         marker=marker)
        if months:
            plt.plot(months, [d / 100 for d in debts_fen], marker="braille")
            ticks = months if len(months) <= 12 else months[:: max(1, len(months) // 12)]
            plt.xticks([float(m) for m in ticks])
        everything = [*debts_fen, *(fen for values, _ in lines for fen in values)]
        top = max([need_fen, *everything])
        if need_fen:
            plt.hline(need_fen / 100)
        plt.xlim(0.5, max(len(months), 1) + 0.5)
        bottom = axis_bottom(need_fen, everything)
        plt.ylim(bottom / 100, (top + (top - bottom) * 0.08) / 100 or 1)
        ticks = y_ticks(bottom, need_fen, top)
        plt.yticks([v / 100 for v in ticks], [f"{v / 100:,.0f}" for v in ticks])
        self.refresh()


def axis_bottom(need_fen: int, debts_fen: list[int]) -> int:
    """Where the y axis starts: zero when debt fell that low, else a round number below the
    lowest of the need and the debt, so growth gets the chart's height instead of its top row."""
    low = min([need_fen, *debts_fen])
    if low <= 0 or not debts_fen:
        return 0
    step = _round_step(max([need_fen, *debts_fen]) - low or low)
    return max(0, (int(low * 0.9) // step) * step)


def y_ticks(bottom: int, need_fen: int, top: int) -> list[int]:
    """The axis start, the need (the flat line), the peak, and round values between them."""
    ticks = {bottom, need_fen, top} if need_fen else {bottom, top}
    step = _round_step(top - bottom)
    value = (bottom // step + 1) * step
    while value < top:
        if all(abs(value - t) > step // 2 for t in ticks):
            ticks.add(value)
        value += step
    return sorted(ticks)


def _round_step(span: int) -> int:
    """A round step (1, 2 or 5 × a power of ten, in fen) giving at most four steps over ``span``."""
    step = 100
    while span / step > 4:
        for factor in (2, 5 / 2, 2):
            step = int(step * factor)
            if span / step <= 4:
                break
    return step


class TextDebtChart(Static):
    """Plain mode: one line a month, bars in eighths of a character, figures spelled out."""

    def show(self, debts_fen: list[int], need_fen: int, lang: Lang) -> None:
        self.show_fan(None, debts_fen, None, need_fen, lang)

    def show_fan(self, low_fen: list[int] | None, debts_fen: list[int],
                 high_fen: list[int] | None, need_fen: int, lang: Lang) -> None:
        """The amount needed (a row named so, always shown), then the median's bar by month
        with the 10th–90th percentile range in figures; the last 11 months."""
        top = float(max([need_fen, *debts_fen], default=0))
        need = t("chart.need_row", lang)
        width = max(4, cell_len(need))
        lines = [f"{' ' * (width - cell_len(need))}{need} {bar(need_fen, top, 24)} "
                 f"{money(need_fen, lang)}"]
        months = []
        for index, debt in enumerate(debts_fen):
            line = f"{index + 1:>{width}} {bar(debt, top, 24)} {money(debt, lang)}"
            if low_fen and high_fen:
                line += f" ({money(low_fen[index], lang)}–{money(high_fen[index], lang)})"
            months.append(line)
        self.update("\n".join(lines + months[-11:]))
