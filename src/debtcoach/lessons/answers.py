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
from debtcoach.sim.run import Progress, simulate
from debtcoach.sim.scenario import Scenario
from debtcoach.sim.summary import paid_costs


def answer_value(
    answer: Answer,
    offers: dict[str, LoanOffer],
    scenarios: dict[str, tuple[Scenario, int, int]],
    runs: dict[str, SimResult] | None = None,
    progress: Progress | None = None,
) -> float:
    """The number an answer names. ``scenarios`` maps id → (scenario, paths, seed); ``runs``
    keeps finished simulations so several answers about one scenario run it once; ``progress``
    hears how far a long (Monte Carlo) run has come, and may raise to stop it."""
    runs = {} if runs is None else runs
    if isinstance(answer, AprOf):
        return cost_of(offers[answer.apr_of]).figures.apr_nominal
    if isinstance(answer, CostOf):
        return cost_of(offers[answer.cost_of]).schedule.total_cost / 100
    if isinstance(answer, ReceivedOf):
        return cost_of(offers[answer.received_of]).schedule.cash_received / 100
    if isinstance(answer, RatePerYear):
        return float(parse_rate(answer.rate_per_year).annual)
    if isinstance(answer, DebtAt):
        result = _run(scenarios, answer.debt_at, runs, progress)
        return float(np.mean(result.metrics["debt"][:, answer.debt_at.month - 1])) / 100
    if isinstance(answer, CostsAt):
        result = _run(scenarios, answer.costs_at, runs, progress)
        return float(np.mean(paid_costs(result)[:, answer.costs_at.month - 1])) / 100
    if isinstance(answer, ShareStacking):
        result = _run(scenarios, answer.share_stacking, runs, progress)
        stacked = (result.state[:, : answer.share_stacking.month] != OK).any(axis=1)
        return float(stacked.mean())
    raise TypeError(answer)


def _run(
    scenarios: dict[str, tuple[Scenario, int, int]],
    at: AtMonth,
    runs: dict[str, SimResult],
    progress: Progress | None,
) -> SimResult:
    scenario, paths, seed = scenarios[at.scenario]
    if at.month > scenario.months:
        raise ValueError(f"month {at.month} is after the scenario's {scenario.months} months")
    if at.scenario not in runs:
        runs[at.scenario] = simulate(scenario, paths=paths, seed=seed, progress=progress)
    return runs[at.scenario]
