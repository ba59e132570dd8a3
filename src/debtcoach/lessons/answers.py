"""Numeric answers computed from a lesson's own offers and scenarios, never typed by hand."""

from __future__ import annotations

import hashlib
import json
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

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
from debtcoach.sim.results import STACKING, SimResult
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
        stacked = (result.state[:, : answer.share_stacking.month] >= STACKING).any(axis=1)
        return float(stacked.mean())
    raise TypeError(answer)


@dataclass(frozen=True)
class Working:
    """How an answer is worked out, for the reveal: a formula (``kind``, a message key) and its
    numbers. Names ending in ``_fen`` are money in fen, in ``_share`` fractions (0.1825)."""

    kind: str
    numbers: dict[str, float | int | str]


def answer_working(
    answer: Answer,
    offers: dict[str, LoanOffer],
    scenarios: dict[str, tuple[Scenario, int, int]],
    runs: dict[str, SimResult],
) -> Working:
    """The formula behind ``answer_value`` with this lesson's numbers (runs already made)."""
    if isinstance(answer, RatePerYear):
        rate = parse_rate(answer.rate_per_year)
        return Working("rate_per_year", {
            "rate_share": float(rate.value), "unit": rate.period.unit.value,
            "count": float(rate.period.per_year), "annual_share": float(rate.annual)})
    if isinstance(answer, AprOf | CostOf | ReceivedOf):
        offer_id = (answer.apr_of if isinstance(answer, AprOf) else
                    answer.cost_of if isinstance(answer, CostOf) else answer.received_of)
        cost = cost_of(offers[offer_id])
        schedule, figures = cost.schedule, cost.figures
        numbers: dict[str, float | int | str] = {
            "amount_fen": schedule.contract, "received_fen": schedule.cash_received,
            "at_payout_fen": schedule.contract - schedule.cash_received,
            "repaid_fen": schedule.total_repaid, "cost_fen": schedule.total_cost,
            "payments": len(schedule.rows) - 1, "apr_share": figures.apr_nominal,
            "periodic_share": figures.periodic_rate, "per_year": figures.periods_per_year}
        kind = ("apr_of" if isinstance(answer, AprOf) else
                "cost_of" if isinstance(answer, CostOf) else "received_of")
        return Working(kind, numbers)
    if isinstance(answer, DebtAt | CostsAt | ShareStacking):
        at = (answer.debt_at if isinstance(answer, DebtAt) else
              answer.costs_at if isinstance(answer, CostsAt) else answer.share_stacking)
        result = _run(scenarios, at, runs, None)
        month = at.month - 1
        m = result.metrics
        if isinstance(answer, DebtAt):
            return Working("debt_at", {"month": at.month, "paths": result.paths,
                                       "debt_fen": round(float(np.mean(m["debt"][:, month])))})
        if isinstance(answer, CostsAt):
            def total(name: str) -> int:
                return round(float(np.mean(np.sum(m[name][:, : month + 1], axis=1))))

            interest, fees, penalties = (total("interest_paid"), total("fees_paid"),
                                         total("penalties_paid"))
            return Working("costs_at", {"month": at.month, "paths": result.paths,
                                        "interest_fen": interest, "fees_fen": fees,
                                        "penalties_fen": penalties,
                                        "total_fen": interest + fees + penalties})
        stacked = int((result.state[:, : at.month] >= STACKING).any(axis=1).sum())
        return Working("share_stacking", {"month": at.month, "paths": result.paths,
                                          "stacked": stacked,
                                          "share_share": stacked / result.paths})
    raise TypeError(answer)


AnswerCache = MutableMapping[str, Any]
"""Computed answers kept between openings: key → {"value": …, "working": {...}} (JSON-able)."""


def scenario_of(answer: Answer) -> str:
    """The scenario a simulated answer is about ("" for answers about offers)."""
    if not isinstance(answer, DebtAt | CostsAt | ShareStacking):
        return ""
    at = (answer.debt_at if isinstance(answer, DebtAt) else
          answer.costs_at if isinstance(answer, CostsAt) else answer.share_stacking)
    return at.scenario


def content_key(namespace: str, kind: object, scenario: Scenario, *rest: object) -> str:
    """A cache key for what a run of ``scenario`` gave: ``kind`` of result, the scenario's
    content, the run's parameters (``rest``) and ``namespace`` (the engine's version)."""
    content = json.dumps([namespace, kind, scenario.model_dump(mode="json"), *rest],
                         sort_keys=True, default=str)
    return hashlib.sha256(content.encode()).hexdigest()


def answer_key(answer: Answer, scenarios: dict[str, tuple[Scenario, int, int]],
               namespace: str) -> str | None:
    """What a simulated answer depends on: the question, the scenario's content, its paths and
    seed, and ``namespace`` (the engine's version). None for answers about offers (cheap)."""
    scenario_id = scenario_of(answer)
    if scenario_id not in scenarios:
        return None
    scenario, paths, seed = scenarios[scenario_id]
    return content_key(namespace, answer.model_dump(mode="json"), scenario, paths, seed)


def is_monte_carlo(answer: Answer, scenarios: dict[str, tuple[Scenario, int, int]]) -> bool:
    """Whether the answer needs a many-path run (seconds of work, so worth doing off the UI)."""
    scenario_id = scenario_of(answer)
    return scenario_id in scenarios and scenarios[scenario_id][1] > 1


def kept_answer(
    answer: Answer,
    scenarios: dict[str, tuple[Scenario, int, int]],
    cache: AnswerCache | None,
    namespace: str = "",
) -> tuple[float, Working] | None:
    """The answer and its working from ``cache``, if the same question about the same scenario
    was worked out before; else None."""
    key = None if cache is None else answer_key(answer, scenarios, namespace)
    if cache is None or key is None:
        return None
    hit = cache.get(key)
    if not isinstance(hit, dict) or not isinstance(hit.get("value"), float):
        return None
    working = hit.get("working", {})
    return hit["value"], Working(str(working.get("kind")), dict(working.get("numbers")))


def cached_answer(
    answer: Answer,
    offers: dict[str, LoanOffer],
    scenarios: dict[str, tuple[Scenario, int, int]],
    runs: dict[str, SimResult],
    progress: Progress | None,
    cache: AnswerCache | None,
    namespace: str = "",
) -> tuple[float, Working]:
    """The answer and its working, from ``cache`` when the same question about the same
    scenario was worked out before (Monte Carlo runs take seconds), else computed and kept."""
    kept = kept_answer(answer, scenarios, cache, namespace)
    if kept is not None:
        return kept
    value = answer_value(answer, offers, scenarios, runs, progress)
    working = answer_working(answer, offers, scenarios, runs)
    key = None if cache is None else answer_key(answer, scenarios, namespace)
    if cache is not None and key is not None:
        cache[key] = {"value": value, "working": {"kind": working.kind,
                                                  "numbers": working.numbers}}
    return value, working


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
