"""Render a simulation for the terminal (month table, debt chart, cumulative cost) and as CSV."""

from __future__ import annotations

import csv
import io

import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from debtcoach.i18n import Lang, money, percent, t
from debtcoach.sim.results import STATES, SimResult
from debtcoach.sim.summary import (
    cost_line,
    cost_sentence,
    first_need_fen,
    monthly_figures,
    months_json,
)
from debtcoach.textbars import bar


def state_word(index: int, lang: Lang) -> str:
    return t(f"state.{STATES[index]}", lang)


def print_simulation(result: SimResult, title: str, lang: Lang,
                     console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    figures = monthly_figures(result)
    heading = t("sim.title", lang, name=title, months=result.months, paths=result.paths)
    console.print(f"[bold]{escape(heading)}[/bold]")
    console.print(_single_table(figures, result, lang) if result.paths == 1
                  else _percentile_table(figures, result, lang))
    need = first_need_fen(result)
    debt = figures["debt"]
    column = debt[0] if result.paths == 1 else np.percentile(debt, 50, axis=0)
    console.print(f"\n[bold]{t('sim.chart', lang, need=money(need, lang))}[/bold]")
    top = float(max(column.max(initial=0), need))
    if need:
        console.print(f"  {t('sim.need', lang):>6} {bar(need, top)} {money(need, lang)}")
    for month, value in enumerate(column, start=1):
        console.print(f"  {month:>6} {bar(float(value), top)} {money(round(value), lang)}")
    sentence = cost_sentence(cost_line(result), lambda key, **params: t(key, lang, **params),
                             lambda fen: money(fen, lang))
    console.print("\n" + escape(sentence))


def _single_table(figures: dict[str, np.ndarray], result: SimResult, lang: Lang) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column(t("sim.col.month", lang), justify="right")
    for key in ("debt", "cash_received", "paid", "interest", "fees", "penalties"):
        table.add_column(t(f"sim.col.{key}", lang), justify="right")
    columns = ("debt", "cash_received", "paid", "interest_incurred", "fees_incurred",
               "penalties_incurred")
    table.add_column(t("sim.col.lenders", lang), justify="right")
    table.add_column(t("sim.col.state", lang))
    for month in range(result.months):
        row = [str(month + 1)]
        row += [money(int(figures[key][0, month]), lang) for key in columns]
        row.append(str(int(figures["active_lenders"][0, month])))
        row.append(state_word(int(result.state[0, month]), lang))
        table.add_row(*row)
    return table


def _percentile_table(figures: dict[str, np.ndarray], result: SimResult, lang: Lang) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column(t("sim.col.month", lang), justify="right")
    for p in (10, 50, 90):
        table.add_column(t("sim.col.debt_p", lang, p=p), justify="right")
    for state in STATES[1:]:
        table.add_column(t(f"state.{state}", lang), justify="right")
    debt = figures["debt"]
    for month in range(result.months):
        shares = np.bincount(result.state[:, month], minlength=len(STATES)) / result.paths
        row = [str(month + 1)]
        row += [money(round(v), lang) for v in np.percentile(debt[:, month], (10, 50, 90))]
        row += [percent(float(share), lang, digits=1) for share in shares[1:]]
        table.add_row(*row)
    return table


def simulation_csv(result: SimResult) -> str:
    """One row a month with the same names as --json (state shares as state_<name> columns)."""
    rows = months_json(result)
    flat = []
    for row in rows:
        out = {k: v for k, v in row.items() if k != "state"}
        if isinstance(row["state"], dict):
            out.update({f"state_{k}": v for k, v in row["state"].items()})
        else:
            out["state"] = row["state"]
        flat.append(out)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(flat[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
    return buffer.getvalue()
