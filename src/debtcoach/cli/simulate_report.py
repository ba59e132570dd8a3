"""Render a simulation for the terminal (month tables, debt chart, cost line, event log) and as
CSV. Every line fits WIDTH columns in either language: tables too wide are split into several,
each repeating the month, and sentences wrap between words, never inside a number."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import numpy as np
from rich.cells import cell_len
from rich.console import Console

from debtcoach.i18n import Lang, money, percent, t
from debtcoach.sim.results import DEFAULT, STATES, SimEvent, SimResult
from debtcoach.sim.shards import WorkerDied
from debtcoach.sim.summary import (
    cost_line,
    cost_sentence,
    ever_in,
    first_need_fen,
    monthly_figures,
    months_json,
)
from debtcoach.textbars import bar

WIDTH = 80
GAP = "  "
Column = tuple[str, list[str]]  # header, one cell a month (right-aligned)

SINGLE_SECTIONS = (
    ("sim.section.debt", ("debt", "cash_received", "paid", "paid_from_new_loans")),
    ("sim.section.costs", ("interest_incurred", "interest_paid", "fees_incurred", "fees_paid",
                           "penalties_incurred", "penalties_paid", "costs_to_date",
                           "costs_owed")),
)


def state_word(index: int, lang: Lang) -> str:
    return t(f"state.{STATES[index]}", lang)


def print_simulation(result: SimResult, title: str, lang: Lang, console: Console | None = None,
                     events: bool = False) -> None:
    console = console or Console(highlight=False, soft_wrap=True)

    def out(line: str = "") -> None:
        console.print(line, markup=False, highlight=False, soft_wrap=True)

    for line in wrap(t("sim.title", lang, name=title, months=result.months, paths=result.paths)):
        out(line)
    if result.months == 0:
        return
    sections = (_single_sections(result, lang) if result.paths == 1
                else _distribution_sections(result, lang))
    for heading, columns in sections:
        out()
        for line in wrap(heading):
            out(line)
        for line in table_lines(t("sim.col.month", lang), columns):
            out(line)
    if result.paths > 1:
        out()
        share = percent(ever_in(result, DEFAULT), lang, digits=1)
        out(t("sim.ever_default", lang, share=share))
    _print_chart(result, lang, out)
    out()
    sentence = cost_sentence(cost_line(result), lambda key, **params: t(key, lang, **params),
                             lambda fen: money(fen, lang))
    for line in wrap(sentence):
        out(line)
    if events:
        out()
        out(t("sim.events", lang))
        for event in result.events:
            for line in wrap(event_line(event, result, lang), indent="    "):
                out(line)


def _single_sections(result: SimResult, lang: Lang) -> list[tuple[str, list[Column]]]:
    figures = monthly_figures(result)
    sections = []
    for heading, keys in SINGLE_SECTIONS:
        columns: list[Column] = [
            (t(f"sim.col.{key}", lang), [money(int(v), lang) for v in figures[key][0]])
            for key in keys]
        if heading == "sim.section.debt":
            columns.append((t("sim.col.lenders", lang),
                            [str(int(v)) for v in figures["active_lenders"][0]]))
            columns.append((t("sim.col.state", lang),
                            [state_word(int(s), lang) for s in result.state[0]]))
        sections.append((t(heading, lang), columns))
    return sections


def _distribution_sections(result: SimResult, lang: Lang) -> list[tuple[str, list[Column]]]:
    debt = result.metrics["debt"]
    quantiles = np.percentile(debt, (10, 50, 90), axis=0)
    debt_columns: list[Column] = [
        (t("sim.col.debt_p", lang, p=p), [money(round(v), lang) for v in row])
        for p, row in zip((10, 50, 90), quantiles, strict=True)]
    shares = np.stack([np.bincount(result.state[:, month], minlength=len(STATES))
                       for month in range(result.months)]) / result.paths
    state_columns: list[Column] = [
        (state_word(index, lang), [percent(float(v), lang, digits=1) for v in shares[:, index]])
        for index in range(len(STATES))]
    return [(t("sim.section.debt_spread", lang), debt_columns),
            (t("sim.section.states", lang), state_columns)]


def _print_chart(result: SimResult, lang: Lang, out: Callable[..., None]) -> None:
    need = first_need_fen(result)
    debt = result.metrics["debt"]
    column = debt[0] if result.paths == 1 else np.percentile(debt, 50, axis=0)
    out()
    for line in wrap(t("sim.chart", lang, need=money(need, lang))):
        out(line)
    top = float(max(column.max(initial=0), need))
    label = t("sim.need", lang)
    pad = max(6, cell_len(label))
    if need:
        out(f"  {' ' * (pad - cell_len(label))}{label} {bar(need, top)} {money(need, lang)}")
    for month, value in enumerate(column, start=1):
        out(f"  {month:>{pad}} {bar(float(value), top)} {money(round(value), lang)}")


def table_lines(month_header: str, columns: list[Column], width: int = WIDTH) -> list[str]:
    """Columns side by side behind a month column, as many tables as it takes to keep every
    line within ``width``; cells are never cut."""
    months = [str(m) for m in range(1, len(columns[0][1]) + 1)] if columns else []
    first: Column = (month_header, months)

    def width_of(column: Column) -> int:
        return max(cell_len(text) for text in [column[0], *column[1]])

    groups: list[list[Column]] = [[]]
    used = width_of(first)
    for column in columns:
        extra = len(GAP) + width_of(column)
        if groups[-1] and used + extra > width:
            groups.append([])
            used = width_of(first)
        groups[-1].append(column)
        used += extra
    lines: list[str] = []
    for group in groups:
        if lines:
            lines.append("")
        table = [first, *group]
        widths = [width_of(column) for column in table]
        for row in range(-1, len(months)):
            cells = [column[0] if row < 0 else column[1][row] for column in table]
            lines.append(GAP.join(" " * (w - cell_len(c)) + c
                                  for c, w in zip(cells, widths, strict=True)).rstrip())
    return lines


_TOKEN = re.compile(r"\s+|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|.")
_NO_LINE_START = set("，。：；、！？）」』》,.;:!?)")


def wrap(text: str, width: int = WIDTH, indent: str = "") -> list[str]:
    """Lines of at most ``width`` cells: breaks at spaces or between Chinese characters, never
    inside a number or word, and never before closing punctuation."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and token[0] in _NO_LINE_START:
            tokens[-1] += token  # closing punctuation stays with what it closes
        else:
            tokens.append(" " if token.isspace() else token)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if cell_len(line + token) <= width or not line.strip():
            line += token
            continue
        lines.append(line.rstrip())
        line = indent + ("" if token == " " else token)
    if line.strip():
        lines.append(line.rstrip())
    return lines


def event_line(event: SimEvent, result: SimResult, lang: Lang) -> str:
    """'day 180: App C refused: 3 other lenders' in the user's language."""
    names = {lender.id: lender.name.text(lang) for lender in result.scenario.lenders}
    params = {"day": event.day, "lender": names.get(event.lender, event.lender),
              "amount": money(event.amount, lang)}
    if event.kind == "refused":
        params["reason"] = t(f"sim.reason.{event.reason}", lang)
    line = t(f"sim.event.{event.kind}", lang, **params)
    if result.paths > 1:
        line = t("sim.event.path", lang, path=event.path + 1, line=line)
    return line


def worker_died_line(died: WorkerDied, lang: Lang) -> str:
    """A process of a split run that died, in words, with what to try instead."""
    start, stop = died.paths
    how = (t("sim.worker_killed", lang, signal=died.signal_name) if died.signal_name
           else t("sim.worker_exited", lang, code=died.exit_code))
    if died.signal_name == "SIGKILL":
        how += t("sim.worker_out_of_memory", lang)
    return t("sim.worker_died", lang, number=died.number, first=f"{start:,}",
             last=f"{stop - 1:,}", how=how)


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
