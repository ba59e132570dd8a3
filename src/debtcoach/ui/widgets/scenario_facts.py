"""The numbers a scenario is played with: the borrower's pay, spending, savings and cash needs,
and each lender's terms (line, term, rate with its period, fees, late terms, who it refuses and
why), so a learner can check what a lesson says ("more than half his pay") against them."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from rich.markup import escape
from textual.widgets import Static

from debtcoach.finance.rates import format_percent
from debtcoach.i18n import Lang, money, percent
from debtcoach.sim.scenario import Event, Lender, Scenario
from debtcoach.ui.widgets.wrapped_text import WrappedText

Translate = Callable[..., str]


def term_text(t: Translate, count: int, unit: str) -> str:
    """``12 months`` / ``12个月``: a term with its unit in words."""
    return t(f"term.{unit}", count=count)


def rate_text(t: Translate, value: Fraction, unit: str, count: int) -> str:
    """A rate with its period in words: ``0.05% a day`` / ``每天 0.05%``."""
    share = format_percent(value)
    if count != 1:
        return t("rate.every", rate=share, period=term_text(t, count, unit))
    return t(f"rate.per.{unit}", rate=share)


def _need(t: Translate, event: Event, lang: Lang) -> str:
    label = escape(event.label.text(lang)) or t("facts.need_unnamed")
    text = t("facts.need", month=event.month + 1, label=label, amount=money(event.amount_fen, lang))
    if event.every:
        text += t("facts.need_every", every=event.every,
                  until=(event.until + 1) if event.until is not None else "∞")
    return text


def _lender(t: Translate, lender: Lender, lang: Lang) -> list[str]:
    rate = lender.rate
    lines = [f"[b]{escape(lender.name.text(lang))}[/b]",
             t("facts.terms", line=money(lender.amount_fen, lang),
               term=term_text(t, lender.term.count, lender.term.unit.value),
               rate=rate_text(t, rate.value, rate.period.unit.value, rate.period.count),
               method=t(f"repayment.{lender.repayment.value}"))]
    if lender.repeat_rate is not None:
        repeat = lender.repeat_rate
        lines.append(t("facts.repeat_rate", rate=rate_text(
            t, repeat.value, repeat.period.unit.value, repeat.period.count)))
    for name, fee in lender.fees():
        parts = []
        if fee.share:
            parts.append(t("offer.fee_share", share=percent(float(fee.share), lang)))
        if fee.fixed_fen:
            parts.append(money(fee.fixed_fen, lang))
        lines.append(t("offer.fee", name=t(f"offer.fee.{name}"), amount=" + ".join(parts),
                       when=t(f"offer.when.{fee.timing.value}")))
    if lender.late is not None:
        late = lender.late
        lines.append(t("facts.late", rate=rate_text(t, late.penalty_rate.value,
                                                     late.penalty_rate.period.unit.value,
                                                     late.penalty_rate.period.count),
                       fee=money(late.late_fee_fen, lang), grace=late.grace_days))
    if lender.line_growth:
        lines.append(t("facts.line_growth", share=percent(lender.line_growth, lang, digits=0),
                       most=money(lender.max_line_fen or lender.amount_fen, lang)))
    if lender.invite_bonus_fen:
        lines.append(t("facts.invite_bonus", amount=money(lender.invite_bonus_fen, lang)))
    if lender.rollover_fee is not None:
        fee = lender.rollover_fee
        amount = (t("offer.fee_share", share=percent(float(fee.share), lang)) if fee.share
                  else money(fee.fixed_fen, lang))
        lines.append(t("facts.rollover", fee=amount, times=lender.max_rollovers))
    refusals = []
    if lender.max_lenders is not None:
        refusals.append(t("facts.refuses_lenders", count=lender.max_lenders))
    if lender.max_debt_to_income is not None:
        refusals.append(t("facts.refuses_dti",
                          share=percent(lender.max_debt_to_income, lang, digits=0)))
    if lender.refuse_when_overdue:
        refusals.append(t("facts.refuses_overdue"))
    if refusals:
        lines.append(t("facts.refuses", reasons=t("facts.list_sep").join(refusals)))
    return lines


def facts_markup(scenario: Scenario, t: Translate, lang: Lang) -> str:
    """The scenario's numbers as console markup, in ``lang``."""
    borrower = scenario.borrower
    spare = borrower.monthly_income_fen - borrower.monthly_expenses_fen
    lines = [f"[b]{t('facts.borrower')}[/b]",
             t("facts.money", income=money(borrower.monthly_income_fen, lang),
               spending=money(borrower.monthly_expenses_fen, lang),
               spare=money(spare, lang)),
             t("facts.savings", savings=money(borrower.savings_fen, lang),
               half=money(borrower.monthly_income_fen // 2, lang)),
             *[_need(t, event, lang) for event in scenario.events],
             "", f"[b]{t('facts.lenders', count=len(scenario.lenders))}[/b]"]
    for lender in scenario.lenders:
        lines += _lender(t, lender, lang)
        lines.append("")
    lines.append(t("facts.months", months=scenario.months))
    return "\n".join(lines)


class ScenarioFacts(Static):
    """The scenario's numbers, wrapped as Chinese is typeset."""

    DEFAULT_CSS = """
    ScenarioFacts {
        height: auto;
    }
    """

    def show(self, scenario: Scenario, t: Translate, lang: Lang) -> None:
        self.update(WrappedText.from_markup(facts_markup(scenario, t, lang)))
