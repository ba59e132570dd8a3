"""Render APR results for the terminal (rich, CJK-aware column widths) and as JSON.

JSON key names are a contract other tools read: keep them. Rates are fractions, money is yuan.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from debtcoach.finance.apr import AprFigures, OfferCost
from debtcoach.finance.cashflows import CashFlows
from debtcoach.finance.legal import LegalLine
from debtcoach.i18n import Lang, money, percent, t


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def _finite(value: float | None) -> float | None:
    """JSON has no infinity: a rate too large for a float is written as null."""
    return value if value is None or math.isfinite(value) else None


def _money_totals(figures: AprFigures, cost: OfferCost | None) -> tuple[int, int]:
    """(cash received, total repaid): an offer's own figures, or the flows' sums."""
    if cost is not None:
        return cost.schedule.cash_received, cost.schedule.total_repaid
    return figures.received, figures.repaid


def apr_json(
    figures: AprFigures, cost: OfferCost | None, flows: CashFlows | None,
    crossed: list[LegalLine], loan_date: date,
) -> dict[str, Any]:
    received, repaid = _money_totals(figures, cost)
    return {
        "periodic_rate": _finite(figures.periodic_rate),
        "periods_per_year": figures.periods_per_year,
        "apr_nominal": _finite(figures.apr_nominal),
        "apr_effective": _finite(figures.apr_effective),
        "apr_simple": _finite(figures.apr_simple),
        "apr_advertised": _finite(figures.apr_advertised),
        "cash_received": _yuan(received),
        "total_repaid": _yuan(repaid),
        "total_cost": _yuan(repaid - received),
        "schedule": _schedule_rows(cost, flows, loan_date),
        "legal_lines_crossed": [
            {
                "id": line.id,
                "annual_rate": float(line.annual_rate),
                "name_zh": line.name_zh,
                "name_en": line.name_en,
                "applies_to_zh": line.applies_to_zh,
                "applies_to_en": line.applies_to_en,
                "in_force_from": line.start.isoformat(),
                "source": line.source,
            }
            for line in crossed
        ],
        "legal_lines_date": loan_date.isoformat(),
    }


def _schedule_rows(
    cost: OfferCost | None, flows: CashFlows | None, loan_date: date
) -> list[dict[str, Any]]:
    if cost is not None:
        schedule = cost.schedule
        return [
            {
                "period": row.period,
                "date": day.isoformat(),
                "principal": _yuan(row.principal),
                "interest": _yuan(row.interest),
                "fees": _yuan(row.fees + (schedule.contract - schedule.cash_received
                                          if row.period == 0 else 0)),
                "payment": _yuan(row.payment),
                "balance": _yuan(row.balance),
            }
            for row, day in zip(schedule.rows, schedule.dates(loan_date), strict=True)
        ]
    assert flows is not None
    if flows.dates is not None:
        return [{"date": d.isoformat(), "amount": _yuan(a)}
                for d, a in zip(flows.dates, flows.amounts, strict=True)]
    return [{"period": p, "amount": _yuan(a)} for p, a in zip(flows.times, flows.amounts,
                                                            strict=True)]


def print_apr_report(
    figures: AprFigures, cost: OfferCost | None, flows: CashFlows | None,
    crossed: list[LegalLine], loan_date: date, lang: Lang, console: Console | None = None,
) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    received, repaid = _money_totals(figures, cost)

    def pct(value: float) -> str:
        return percent(value, lang)

    console.print(f"[bold]{t('apr.title', lang)}[/bold]")
    advertised = figures.apr_advertised
    rates = Table(box=None, padding=(0, 2), header_style="bold")
    for key in ("apr.nominal", "apr.effective", "apr.simple", "apr.advertised"):
        rates.add_column(t(key, lang), justify="right")
    rates.add_row(
        f"[bold]{pct(figures.apr_nominal)}[/bold]", pct(figures.apr_effective),
        pct(figures.apr_simple),
        pct(advertised) if advertised is not None else t("apr.not_advertised", lang),
    )
    console.print(rates)
    totals = Table(show_header=False, box=None, padding=(0, 2))
    totals.add_column()
    totals.add_column(justify="right")
    totals.add_row(t("apr.received", lang), money(received, lang))
    totals.add_row(t("apr.repaid", lang), money(repaid, lang))
    totals.add_row(t("apr.cost", lang), money(repaid - received, lang))
    console.print(totals)
    if advertised is not None and figures.apr_nominal - advertised >= 0.00005:
        gap = percent(figures.apr_nominal - advertised, lang).rstrip("%")
        console.print("→ " + t("apr.gap", lang, gap=gap))

    console.print(f"\n[bold]{t('apr.how', lang)}[/bold]")
    for explanation in _explanations(figures, cost, flows, lang):
        console.print(f"  • {escape(explanation)}")

    console.print(f"\n[bold]{t('apr.schedule', lang)}[/bold]")
    console.print(_schedule_table(cost, flows, loan_date, lang))

    day = loan_date.isoformat()
    console.print(f"\n[bold]{t('apr.lines', lang, day=day)}[/bold]")
    if not crossed:
        console.print("  " + t("apr.lines_none", lang, day=day))
    for line in crossed:
        name = line.name_zh if lang == "zh" else line.name_en
        scope = line.applies_to_zh if lang == "zh" else line.applies_to_en
        item = t("apr.line_item", lang, rate=percent(line.annual_rate, lang), name=name,
                 scope=scope)
        console.print(f"  ⚠ {escape(item)}")
        console.print(f"    [dim]{escape(line.source)}[/dim]")
    console.print("  " + escape(t("apr.licensed_note", lang)))


def _explanations(
    figures: AprFigures, cost: OfferCost | None, flows: CashFlows | None, lang: Lang
) -> list[str]:

    def pct(value: float) -> str:
        return percent(value, lang, digits=4)

    ppy = f"{figures.periods_per_year:.4g}"
    cost_fen = figures.cost
    lines = []
    if figures.single_payment:
        lines.append(t("apr.how.nominal_single", lang, cost=money(cost_fen, lang),
                       received=money(figures.received, lang), ppy=ppy,
                       value=pct(figures.apr_nominal)))
    else:
        lines.append(t("apr.how.nominal_irr", lang, periodic=pct(figures.periodic_rate), ppy=ppy,
                       value=pct(figures.apr_nominal)))
    lines.append(t("apr.how.effective", lang, periodic=pct(figures.periodic_rate), ppy=ppy,
                   value=pct(figures.apr_effective)))
    years = _term_years(cost, flows)
    average = round(figures.principal_years / years) if years else 0
    lines.append(t("apr.how.simple", lang, cost=money(cost_fen, lang),
                   average=money(average, lang), years=f"{years:.4g}",
                   value=pct(figures.apr_simple)))
    if cost is not None and figures.apr_advertised is not None:
        rate = cost.offer.rate
        lines.append(t("apr.how.advertised", lang,
                       rate=rate.in_chinese() if lang == "zh" else str(rate),
                       value=pct(figures.apr_advertised)))
    lines.append(t("apr.principal_note", lang))
    return lines


def _term_years(cost: OfferCost | None, flows: CashFlows | None) -> float:
    """How long the loan runs, for showing the average principal behind apr_simple."""
    if cost is not None:
        return float(cost.offer.term.years)
    assert flows is not None
    return float((flows.times[-1] - flows.times[0]) / flows.per_year)


def _schedule_table(
    cost: OfferCost | None, flows: CashFlows | None, loan_date: date, lang: Lang
) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold")
    if cost is not None:
        schedule = cost.schedule
        table.add_column(t("apr.col.period", lang), justify="right")
        table.add_column(t("apr.col.date", lang))
        for key in ("principal", "interest", "fees", "payment", "balance"):
            table.add_column(t(f"apr.col.{key}", lang), justify="right")
        for row, day in zip(schedule.rows, schedule.dates(loan_date), strict=True):
            fees = row.fees
            label = str(row.period)
            if row.period == 0:
                fees += schedule.contract - schedule.cash_received
                label = t("apr.payout", lang)
            table.add_row(label, day.isoformat(), money(row.principal, lang),
                          money(row.interest, lang), money(fees, lang),
                          money(row.payment, lang), money(row.balance, lang))
        return table
    assert flows is not None
    dated = flows.dates is not None
    table.add_column(t("apr.col.date" if dated else "apr.col.period", lang), justify="right")
    table.add_column(t("apr.col.amount", lang), justify="right")
    keys = [d.isoformat() for d in flows.dates] if flows.dates else [str(p) for p in flows.times]
    for key, amount in zip(keys, flows.amounts, strict=True):
        table.add_row(key, money(amount, lang, sign=True))
    return table
