"""Warning rules: when a simulation (or an offer) crosses a line worth stopping for.

Each rule answers "from which month does this hold?" so a screen can raise its banner the moment
the month is shown, and a lesson check can tell a rule that never fires.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from debtcoach.finance.apr import cost_of
from debtcoach.finance.legal import lines_in_force
from debtcoach.finance.offers import LoanOffer
from debtcoach.sim.results import STACKING, SimResult

SIMULATION_RULES = ("debt_to_income_above", "lenders_at_least", "borrowing_to_repay",
                    "first_overdue")


def first_month(rule: str, result: SimResult, threshold: float | None = None,
                path: int = 0) -> int | None:
    """The first month index (0-based) in which ``rule`` holds for ``path``, or None."""
    if rule == "debt_to_income_above":
        holds = result.debt_to_income()[path] > (threshold or 0)
    elif rule == "lenders_at_least":
        holds = result.metrics["active_lenders"][path] >= (threshold or 0)
    elif rule == "borrowing_to_repay":
        holds = result.state[path] == STACKING
    elif rule == "first_overdue":
        holds = result.metrics["days_overdue"][path] > 0
    else:
        raise ValueError(f"not a simulation rule: {rule}")
    months = np.flatnonzero(holds)
    return int(months[0]) if months.size else None


def offer_above_line(offer: LoanOffer, line_id: str, on: date) -> bool:
    """Whether the offer's real APR (IRR method) is above the legal line ``line_id`` in force
    on ``on``. A line not in force that day is never crossed."""
    apr = cost_of(offer).figures.apr_nominal
    return any(line.id == line_id and apr > line.annual_rate for line in lines_in_force(on))


def known_line(line_id: str, on: date) -> bool:
    return any(line.id == line_id for line in lines_in_force(on))
