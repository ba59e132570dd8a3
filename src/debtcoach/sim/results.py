"""What a simulation produces: month-end reports per path as integer arrays, and an event log.

Both engines fill the same structure, so tests can compare them array by array.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from debtcoach.sim.scenario import Policy, Scenario

STATES = ("ok", "stacking", "overdue", "collections", "default")
OK, STACKING, OVERDUE, COLLECTIONS, DEFAULT = range(5)

# Sums over the month.
FLOWS = ("cash_received", "cash_paid", "paid_principal", "paid_interest", "paid_fees",
         "paid_penalties", "costs", "new_loans", "income", "spending")
# Values at the month's end.
LEVELS = ("debt", "cash", "active_loans", "active_lenders", "days_overdue")
METRICS = FLOWS + LEVELS


@dataclass(frozen=True)
class SimEvent:
    day: int
    path: int
    kind: str  # loan, repaid, closed, rolled, refused, overdue, credit_mark, cut_spending, ...
    lender: str = ""
    amount: int = 0  # fen
    reason: str = ""

    @property
    def month(self) -> int:
        return self.day // 30


@dataclass
class SimResult:
    """``metrics[name][path, month]`` in fen (or counts); ``state[path, month]`` indexes STATES."""

    scenario: Scenario
    start_cash: np.ndarray  # (paths,) fen at day 0, before anything happens
    metrics: dict[str, np.ndarray]
    state: np.ndarray
    events: list[SimEvent] = field(default_factory=list)

    @property
    def paths(self) -> int:
        return int(self.state.shape[0])

    @property
    def months(self) -> int:
        return int(self.state.shape[1])

    def debt_to_income(self) -> np.ndarray:
        """Money paid to lenders in each month ÷ the borrower's usual monthly income."""
        income = self.scenario.borrower.monthly_income_fen
        paid = self.metrics["cash_paid"].astype(np.float64)
        return paid / income if income else np.where(paid > 0, np.inf, 0.0)


class Engine(Protocol):
    """One simulation in progress; ``advance`` runs whole months, optionally under a new policy
    (a lesson's decision), and ``result`` reports every month simulated so far."""

    def advance(self, months: int = 1, policy: Policy | None = None) -> None: ...

    def result(self) -> SimResult: ...
