"""The figures behind a warning, said with it: "28.60% real, line 24.00%", "3 lenders at once",
"¥3,294.00 repaid this month, ¥0.00 of it from pay", so the banner can be checked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from debtcoach.i18n import Lang, money, percent

if TYPE_CHECKING:
    from debtcoach.lessons.player import LessonPlayer

Translate = Callable[..., str]


def warning_figures(player: LessonPlayer, step_id: str, t: Translate, lang: Lang) -> str:
    """The numbers that made the warning of step ``step_id`` fire ("" when it has none, such as
    an app asking for contacts, or has not fired)."""
    from debtcoach.finance.legal import lines_in_force
    from debtcoach.lessons.schema import WarningStep

    step = next((s for s in player.steps if s.id == step_id), None)
    if not isinstance(step, WarningStep):
        return ""
    if step.rule == "apr_above_line" and step.offer is not None:
        apr = player.offer_cost(step.offer).figures.apr_nominal
        line = next((ln for ln in lines_in_force(player.today) if ln.id == step.line), None)
        if line is None:
            return ""
        return t("warning.figures.apr", apr=percent(apr, lang),
                 line=percent(float(line.annual_rate), lang))
    banner = next((b for b in player.banners if b.step_id == step_id), None)
    result = player.result(step.scenario) if step.scenario is not None else None
    if banner is None or banner.month is None or result is None or banner.month > result.months:
        return ""
    m, month = result.metrics, banner.month - 1
    if step.rule == "lenders_at_least":
        figures = t("warning.figures.lenders", count=int(m["active_lenders"][0, month]))
    elif step.rule == "borrowing_to_repay":
        figures = t("warning.figures.stacking", paid=money(int(m["paid"][0, month]), lang),
                    from_pay=money(int(m["paid_from_income"][0, month]), lang))
    elif step.rule == "first_overdue":
        figures = t("warning.figures.overdue", days=int(m["days_overdue"][0, month]),
                    penalties=money(int(m["penalties_incurred"][0, month]), lang))
    elif step.rule == "debt_to_income_above":
        share = float(result.debt_to_income()[0, month])
        figures = t("warning.figures.dti", share=percent(share, lang),
                    line=percent(step.threshold or 0, lang, digits=0))
    else:
        return ""
    return t("warning.figures.month", month=banner.month, figures=figures)
