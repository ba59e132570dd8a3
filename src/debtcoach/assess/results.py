"""What an assessment returns: per-loan figures, the whole picture, four plans and the risk level.

Plain frozen dataclasses, money in fen, rates as fractions; :mod:`debtcoach.assess.export` turns
them into the JSON other tools read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from debtcoach.assess.models import NegotiatedTerms
from debtcoach.finance.apr import AprFigures
from debtcoach.finance.legal import LegalLine


class PlanName(StrEnum):
    KEEP_GOING = "keep_going"  # borrow to cover shortfalls (the engine's stacking policy)
    AVALANCHE = "avalanche"  # stop borrowing; pay the highest real rate first
    SNOWBALL = "snowball"  # stop borrowing; pay the smallest balance first
    NEGOTIATED = "negotiated"  # 个性化分期 / 协商还款 on the negotiated terms


PLAN_NAMES: tuple[PlanName, ...] = tuple(PlanName)


class RiskLevel(StrEnum):
    LOW = "low"
    RISING = "rising"
    SPIRAL = "spiral"


@dataclass(frozen=True)
class Instalment:
    """One row of a loan's schedule: ``due`` is None when only period numbers are known."""

    number: int
    due: date | None
    principal: int
    interest: int
    fees: int
    paid: bool
    overdue: bool

    @property
    def payment(self) -> int:
        return self.principal + self.interest + self.fees


@dataclass(frozen=True)
class NextPayment:
    number: int
    due: date | None  # None when the plan has only period numbers
    amount_fen: int
    overdue: bool  # already late: pay this now


@dataclass(frozen=True)
class LoanResult:
    index: int  # position in Situation.loans (disabled loans keep their index)
    lender: str
    contract_fen: int  # 借款金额 (cash received when only a pasted plan is known)
    received_fen: int  # 到账金额
    contract_date: date  # from ``start`` or worked back from the instalments paid
    figures: AprFigures  # apr_nominal (IRR × periods), apr_effective, apr_simple, advertised
    instalments: tuple[Instalment, ...]
    paid_instalments: int
    principal_left_fen: int  # contract principal not yet fallen due
    overdue_fen: int  # instalments fallen due and not paid (principal, interest, fees)
    penalties_fen: int  # late fees and penalty interest accrued so far
    owed_fen: int  # principal_left + overdue + penalties: what clears the loan today
    cost_remaining_fen: int  # interest, fees and penalties still to pay from today
    monthly_payment_fen: int  # scheduled payments falling due in the coming month
    next_payment: NextPayment | None
    legal_lines_crossed: tuple[LegalLine, ...]
    kind: str


@dataclass(frozen=True)
class FinalState:
    month: int  # the last month simulated
    state: str  # debt_free, ok, stacking, overdue, collections, default
    debt_fen: int
    cash_fen: int


@dataclass(frozen=True)
class PlanResult:
    name: PlanName
    total_cost_fen: int  # interest, fees and penalties incurred over the whole run
    interest_fen: int
    fees_fen: int
    penalties_fen: int
    months_to_debt_free: int | None  # None if debt remains after MAX_PLAN_MONTHS
    debt_by_month: tuple[int, ...]  # month-end debt, months 1..horizon
    cash_by_month: tuple[int, ...]
    paid_by_month: tuple[int, ...]  # paid to lenders each month
    costs_by_month: tuple[int, ...]  # interest, fees and penalties incurred each month
    new_loans: int  # loans taken during the run (keep going only)
    final_state: FinalState
    # Fell behind on a loan whose late terms are not known: its penalties are counted as 0.
    behind_without_late_terms: bool = False


@dataclass(frozen=True)
class Risk:
    level: RiskLevel
    reasons: tuple[str, ...]  # stable codes, most serious first


@dataclass(frozen=True)
class Assessment:
    today: date
    months: int  # the horizon shown (debt_by_month has this many entries)
    loans: tuple[LoanResult, ...]  # switched-on loans, in input order
    monthly_income_fen: int
    monthly_expenses_fen: int
    savings_fen: int
    monthly_debt_payments_fen: int
    debt_payments_to_income: float | None  # None when income is 0
    lenders: int
    total_owed_fen: int
    months_until_cash_runs_out: int | None  # None if not within the horizon
    plans: dict[PlanName, PlanResult]
    risk: Risk
    negotiated: NegotiatedTerms  # the terms the negotiated plan ran on
