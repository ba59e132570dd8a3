"""What a simulation produces: month reports per path as integer arrays, and an event log.

Both engines fill the same structure, so tests can compare them array by array. The month record
names what it counts: ``*_incurred`` is charged in the month whether paid or not, ``*_paid`` is
paid in the month (docs/engine.md, "Reports").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from debtcoach.sim.scenario import Policy, Scenario

STATES = ("ok", "multi_lending", "stacking", "overdue", "collections", "default")
OK, MULTI_LENDING, STACKING, OVERDUE, COLLECTIONS, DEFAULT = range(len(STATES))

# Sums over the month, kept by the engines.
FLOWS = ("cash_received", "cash_paid", "principal_paid", "interest_paid", "fees_paid",
         "penalties_paid", "interest_incurred", "fees_incurred", "penalties_incurred",
         "paid_from_new_loans", "new_loans", "income", "spending")
# Values at the month's end, kept by the engines.
LEVELS = ("debt", "principal_received_outstanding", "costs_owed", "cash", "active_loans",
          "active_lenders", "days_overdue")
METRICS = FLOWS + LEVELS
# Worked out from the above on first use (``Metrics``).
DERIVED = ("paid", "costs", "costs_to_date", "costs_paid", "paid_to_date", "paid_from_income")


_DERIVE: dict[str, Callable[[dict[str, np.ndarray]], np.ndarray]] = {
    "paid": lambda m: m["principal_paid"] + m["costs_paid"],
    "costs": lambda m: m["interest_incurred"] + m["fees_incurred"] + m["penalties_incurred"],
    "costs_to_date": lambda m: np.cumsum(m["costs"], axis=1),
    "costs_paid": lambda m: m["interest_paid"] + m["fees_paid"] + m["penalties_paid"],
    "paid_to_date": lambda m: np.cumsum(m["costs_paid"], axis=1),
    "paid_from_income": lambda m: m["paid"] - m["paid_from_new_loans"],
}


class Metrics(dict[str, np.ndarray]):
    """A result's engine METRICS; the DERIVED totals are worked out on first use, so a large
    Monte Carlo run holds only what it reads."""

    def __missing__(self, name: str) -> np.ndarray:
        if name not in _DERIVE:
            raise KeyError(name)
        value = _DERIVE[name](self)
        self[name] = value
        return value


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
    """``metrics[name][path, month]`` in fen (or counts); ``state[path, month]`` indexes STATES.

    ``metrics`` holds the engines' METRICS and gives the DERIVED totals on first use."""

    scenario: Scenario
    start_cash: np.ndarray  # (paths,) fen at day 0, before anything happens
    metrics: dict[str, np.ndarray]
    state: np.ndarray
    events: list[SimEvent] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.metrics = Metrics(self.metrics)

    @property
    def paths(self) -> int:
        return int(self.state.shape[0])

    @property
    def months(self) -> int:
        return int(self.state.shape[1])

    def debt_to_income(self) -> np.ndarray:
        """What the borrower paid lenders from their own money in each month ÷ their usual
        monthly income (payments made with new loans are ``paid_from_new_loans``)."""
        income = self.scenario.borrower.monthly_income_fen
        paid = self.metrics["paid_from_income"].astype(np.float64)
        return paid / income if income else np.where(paid > 0, np.inf, 0.0)


class Engine(Protocol):
    """One simulation in progress; ``advance`` runs whole months, optionally under a new policy
    (a lesson's decision), and ``result`` reports every month simulated so far."""

    def advance(self, months: int = 1, policy: Policy | None = None) -> None: ...

    def result(self) -> SimResult: ...
