"""Render an assessment for the terminal: each loan, the whole picture and risk, the four plans
side by side with their debt month by month, the negotiated terms, and where to get help."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from debtcoach.assess import HELP_LINES, WARNINGS, Assessment, PlanName
from debtcoach.i18n import Lang, money, percent, t
from debtcoach.i18n.linebreak import fit
from debtcoach.report.assessment import (
    lender_name,
    months_text,
    next_payment_text,
    unknown_penalties_note,
)
from debtcoach.textbars import bar

# Table headings and plan names are broken into lines this wide, so that every table fits 80
# columns whole in both languages (the figures are at most as wide).
HEADING_CELLS = 10
PLAN_NAME_CELLS = 16


def shown_months(count: int) -> list[int]:
    """Months to list in a table: all up to 12, then every third, always the last."""
    if count <= 12:
        return list(range(1, count + 1))
    shown = [m for m in range(1, count + 1) if m <= 6 or m % 3 == 0]
    return shown if shown[-1] == count else [*shown, count]


def print_assessment(assessment: Assessment, lang: Lang, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{escape(t('assess.title', lang))}[/bold]  "
                  f"[dim]{t('assess.as_of', lang, day=assessment.today.isoformat())}[/dim]")
    console.print(f"\n[bold]{t('assess.loans', lang)}[/bold]")
    if not assessment.loans:
        console.print("  " + t("assess.no_loans", lang))
    else:
        console.print(_loans_table(assessment, lang))
        for loan in assessment.loans:
            figures = loan.figures
            console.print("  • " + escape(t(
                "assess.how_rate", lang, lender=lender_name(loan, lang),
                value=percent(figures.apr_nominal, lang),
                periodic=percent(figures.periodic_rate, lang, digits=4),
                ppy=f"{figures.periods_per_year:.4g}", received=money(loan.received_fen, lang))))

    console.print(f"\n[bold]{t('assess.picture', lang)}[/bold]")
    for line in picture_lines(assessment, lang):
        console.print("  " + escape(line))
    risk = assessment.risk
    console.print(f"\n[bold]{t('assess.risk', lang, level=t('assess.risk.' + risk.level, lang))}"
                  "[/bold]")
    for reason in risk.reasons:
        console.print(f"  ⚠ {escape(t('assess.reason.' + reason, lang))}")

    console.print(f"\n[bold]{t('assess.plans', lang, months=assessment.months)}[/bold]")
    console.print(_plans_table(assessment, lang))
    console.print("  [dim]" + escape(t("assess.cost_note", lang)) + "[/dim]")
    unknown = unknown_penalties_note(assessment, lang)
    if unknown is not None:
        console.print("  ⚠ " + escape(unknown))
    console.print(f"\n[bold]{t('assess.chart', lang)}[/bold]")
    console.print(_debt_table(assessment, lang))
    console.print("\n" + escape(negotiated_terms_text(assessment, lang)))
    console.print(escape(t("assess.negotiated_where", lang)))

    console.print(f"\n[bold]{t('assess.help', lang)}[/bold]")
    for item in HELP_LINES:
        console.print("  • " + escape(t(item.message_key, lang)))
    for item in WARNINGS:
        console.print("  ⚠ " + escape(t(item.message_key, lang)))


def picture_lines(assessment: Assessment, lang: Lang) -> list[str]:
    payments = money(assessment.monthly_debt_payments_fen, lang)
    share = assessment.debt_payments_to_income
    lines = [
        t("assess.picture.payments", lang, payments=payments, share=percent(share, lang, 1))
        if share is not None else t("assess.picture.payments_no_income", lang, payments=payments),
        t("assess.picture.lenders", lang, count=assessment.lenders),
        t("assess.picture.owed", lang, owed=money(assessment.total_owed_fen, lang)),
    ]
    out = assessment.months_until_cash_runs_out
    lines.append(t("assess.picture.cash_out", lang, months=out) if out is not None
                 else t("assess.picture.cash_lasts", lang, months=assessment.months))
    return lines


def negotiated_terms_text(assessment: Assessment, lang: Lang) -> str:
    terms = assessment.negotiated
    waived = terms.waive_fees and terms.waive_penalties
    return t("assess.negotiated_terms", lang, months=terms.months,
             cap=percent(float(terms.rate_cap.annual), lang, 0),
             waived=t("assess.waived" if waived else "assess.not_waived", lang))


def _loans_table(assessment: Assessment, lang: Lang) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column(fit(t("assess.col.lender", lang), HEADING_CELLS))
    for key in ("apr", "advertised", "owed", "cost_remaining"):
        table.add_column(fit(t(f"assess.col.{key}", lang), HEADING_CELLS), justify="right")
    table.add_column(fit(t("assess.col.next", lang), HEADING_CELLS))
    table.add_column(fit(t("assess.col.lines", lang), HEADING_CELLS),
                     justify="right")  # the highest
    for loan in assessment.loans:
        advertised = loan.figures.apr_advertised
        table.add_row(
            escape(lender_name(loan, lang)),
            f"[bold]{percent(loan.figures.apr_nominal, lang)}[/bold]",
            percent(advertised, lang) if advertised is not None
            else t("assess.not_advertised", lang),
            money(loan.owed_fen, lang), money(loan.cost_remaining_fen, lang),
            next_payment_text(loan, lang),
            max((percent(float(line.annual_rate), lang, 0) for line in loan.legal_lines_crossed),
                default="–", key=lambda text: float(text.rstrip("%").replace(",", ""))),
        )
    return table


def _plans_table(assessment: Assessment, lang: Lang) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column(fit(t("assess.col.plan", lang), PLAN_NAME_CELLS))
    for heading in (t("assess.col.total_cost", lang), t("assess.col.debt_free", lang),
                    t("assess.col.debt_at", lang, months=assessment.months),
                    t("assess.col.new_loans", lang)):
        table.add_column(fit(heading, HEADING_CELLS), justify="right")
    for name, plan in assessment.plans.items():
        table.add_row(fit(t(f"assess.plan.{name}", lang), PLAN_NAME_CELLS),
                      money(plan.total_cost_fen, lang),
                      months_text(plan.months_to_debt_free, lang),
                      money(plan.debt_by_month[-1], lang), str(plan.new_loans))
    return table


def _debt_table(assessment: Assessment, lang: Lang) -> Table:
    """Debt by month for each plan, with a bar for keeping going (against the largest debt in
    the table), headed as such."""
    table = Table(box=None, padding=(0, 1), header_style="bold")
    table.add_column(t("sim.col.month", lang), justify="right")
    for name in assessment.plans:
        table.add_column(t(f"assess.plan_short.{name}", lang), justify="right")
    table.add_column(t(f"assess.plan_short.{PlanName.KEEP_GOING}", lang))
    plans = assessment.plans
    top = max((max(plan.debt_by_month, default=0) for plan in plans.values()), default=0)
    for month in shown_months(assessment.months):
        row = [str(month)]
        row += [money(plan.debt_by_month[month - 1], lang) for plan in plans.values()]
        keep = plans[PlanName.KEEP_GOING].debt_by_month[month - 1]
        row.append(bar(float(keep), float(top), width=16))
        table.add_row(*row)
    return table
