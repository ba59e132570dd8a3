"""Debt by month against the amount first needed: a plotext chart, or text bars in plain mode.

Wrapped here so screens never touch the chart library directly (and tests can swap it)."""

from __future__ import annotations

from textual.widgets import Static
from textual_plotext import PlotextPlot

from debtcoach.i18n import Lang, money
from debtcoach.textbars import bar


class DebtChart(PlotextPlot):
    """Debt (yuan) per reported month, with a flat line at the amount first needed."""

    def show(self, debts_fen: list[int], need_fen: int, lang: Lang) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        months = list(range(1, len(debts_fen) + 1))
        if months:
            plt.plot(months, [d / 100 for d in debts_fen], marker="braille")
            ticks = months if len(months) <= 12 else months[:: max(1, len(months) // 12)]
            plt.xticks([float(m) for m in ticks])
        top = max([need_fen, *debts_fen])
        if need_fen:
            plt.hline(need_fen / 100)
        plt.xlim(0.5, max(len(months), 1) + 0.5)
        plt.ylim(0, top / 100 * 1.1 or 1)
        # Exactly three labels: nothing, what was first needed (the flat line) and the peak.
        ticks = sorted({0, need_fen, top})
        plt.yticks([v / 100 for v in ticks], [f"{v / 100:,.0f}" for v in ticks])
        self.refresh()


class TextDebtChart(Static):
    """Plain mode: one line a month, bars in eighths of a character, figures spelled out."""

    def show(self, debts_fen: list[int], need_fen: int, lang: Lang) -> None:
        top = float(max([need_fen, *debts_fen], default=0))
        lines = [f"{'0':>3} {bar(need_fen, top, 24)} {money(need_fen, lang)}"]
        lines += [f"{m:>3} {bar(d, top, 24)} {money(d, lang)}"
                  for m, d in enumerate(debts_fen, start=1)]
        self.update("\n".join(lines[-12:]))
