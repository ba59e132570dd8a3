"""Numeric answers computed from a lesson's own offers and scenarios, never typed by hand."""

from __future__ import annotations

import numpy as np

from debtcoach.finance.apr import cost_of
from debtcoach.finance.offers import LoanOffer
from debtcoach.finance.rates import parse_rate
from debtcoach.lessons.schema import (
    Answer,
    AprOf,
    AtMonth,
    CostOf,
    CostsAt,
    DebtAt,
    RatePerYear,
    ReceivedOf,
    ShareStacking,
)
from debtcoach.sim.results import OK, SimResult
from debtcoach.sim.run import simulate
from debtcoach.sim.scenario import Scenario


def answer_value(
    answer: Answer, offers: dict[str, LoanOffer], scenarios: dict[str, tuple[Scenario, int, int]]
) -> float:
    """The number an answer names. ``scenarios`` maps id → (scenario, paths, seed)."""
    if isinstance(answer, AprOf):
        return cost_of(offers[answer.apr_of]).figures.apr_nominal
    if isinstance(answer, CostOf):
        return cost_of(offers[answer.cost_of]).schedule.total_cost / 100
    if isinstance(answer, ReceivedOf):
        return cost_of(offers[answer.received_of]).schedule.cash_received / 100
    if isinstance(answer, RatePerYear):
        return float(parse_rate(answer.rate_per_year).annual)
    if isinstance(answer, DebtAt):
        result = _run(scenarios, answer.debt_at)
        return float(np.mean(result.metrics["debt"][:, answer.debt_at.month - 1])) / 100
    if isinstance(answer, CostsAt):
        result = _run(scenarios, answer.costs_at)
        return float(np.mean(paid_costs(result)[:, answer.costs_at.month - 1])) / 100
    if isinstance(answer, ShareStacking):
        result = _run(scenarios, answer.share_stacking)
        stacked = (result.state[:, : answer.share_stacking.month] != OK).any(axis=1)
        return float(stacked.mean())
    raise TypeError(answer)


def paid_costs(result: SimResult) -> np.ndarray:
    """Interest, fees and penalties paid so far, per path and month (fen, cumulative)."""
    m = result.metrics
    return np.cumsum(m["paid_interest"] + m["paid_fees"] + m["paid_penalties"], axis=1)


def _run(scenarios: dict[str, tuple[Scenario, int, int]], at: AtMonth) -> SimResult:
    scenario, paths, seed = scenarios[at.scenario]
    if at.month > scenario.months:
        raise ValueError(f"month {at.month} is after the scenario's {scenario.months} months")
    return simulate(scenario, paths=paths, seed=seed)
