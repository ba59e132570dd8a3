"""The risk level and the reasons that set it, as stable codes other tools can read.

Signs a debt counsellor looks for, each a reason:
- ``spiral`` on its own: payments above half of income, a loan taken to repay a loan (以贷养贷),
  any instalment more than 30 days overdue;
- ``rising``: any overdue, three or more lenders, a real annual rate above 36%, cash running out
  within the horizon. Two or more of these together also make ``spiral``;
- ``low``: none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from debtcoach.assess.results import Risk, RiskLevel

HALF_INCOME = Fraction(1, 2)
MANY_LENDERS = 3
HIGH_RATE = 0.36  # the 2017 cash-loan line (finance.legal, cash-loan-2017-36)
LONG_OVERDUE_DAYS = 30  # the engine's "collections"

SPIRAL_REASONS = ("payments_over_half_income", "borrowed_to_repay", "overdue_over_30_days")
RISING_REASONS = ("overdue", "three_or_more_lenders", "real_rate_over_36",
                  "cash_runs_out")
REASONS = SPIRAL_REASONS + RISING_REASONS


@dataclass(frozen=True)
class RiskFacts:
    monthly_debt_payments_fen: int
    monthly_income_fen: int
    lenders: int
    borrowed_to_repay: bool
    max_days_overdue: int
    max_real_rate: float
    cash_runs_out: bool


def risk_of(facts: RiskFacts) -> Risk:
    reasons: list[str] = []
    payments, income = facts.monthly_debt_payments_fen, facts.monthly_income_fen
    if payments > 0 and (income == 0 or Fraction(payments, income) > HALF_INCOME):
        reasons.append("payments_over_half_income")
    if facts.borrowed_to_repay:
        reasons.append("borrowed_to_repay")
    if facts.max_days_overdue > LONG_OVERDUE_DAYS:
        reasons.append("overdue_over_30_days")
    elif facts.max_days_overdue > 0:
        reasons.append("overdue")
    if facts.lenders >= MANY_LENDERS:
        reasons.append("three_or_more_lenders")
    if facts.max_real_rate > HIGH_RATE:
        reasons.append("real_rate_over_36")
    if facts.cash_runs_out:
        reasons.append("cash_runs_out")
    spiral = any(reason in SPIRAL_REASONS for reason in reasons)
    rising = sum(reason in RISING_REASONS for reason in reasons)
    if spiral or rising >= 2:
        level = RiskLevel.SPIRAL
    elif rising:
        level = RiskLevel.RISING
    else:
        level = RiskLevel.LOW
    return Risk(level, tuple(reasons))
