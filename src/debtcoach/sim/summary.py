"""Month-by-month summaries of a run: one path's figures, or percentiles and state shares over many.

The names here are the `simulate --json` and `--csv` contract (README, "debtcoach simulate"):
``RECORD`` in that order, then `state`. Money is yuan; with several paths each number is the
mean and has `_p10`, `_p50`, `_p90` variants, and `state` becomes the share of paths in each state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from debtcoach.sim.results import STATES, SimResult
from debtcoach.sim.scenario import Scenario

# The month record's numbers, in output order; money in fen in the arrays.
MONEY = ("debt", "principal_received_outstanding", "cash_received", "paid", "principal_paid",
         "interest_incurred", "interest_paid", "fees_incurred", "fees_paid",
         "penalties_incurred", "penalties_paid", "costs", "costs_to_date", "paid_to_date",
         "costs_owed", "paid_from_income", "paid_from_new_loans", "cash")
COUNTS = ("new_loans", "active_loans", "active_lenders", "days_overdue")
RECORD = (*MONEY, "debt_to_income", *COUNTS)
PERCENTILES = (10, 50, 90)
EVENTS_UP_TO_PATHS = 100  # --json lists events for runs this small


def first_need_fen(result: SimResult) -> int:
    """The cash need that started it all: the events of the first month that has any."""
    return scenario_need_fen(result.scenario)


def scenario_need_fen(scenario: Scenario) -> int:
    """The events of the scenario's first month that has any (a need in month 2 is still the
    first need while month 1 is shown), or 0 when it has none."""
    for month in range(scenario.months):
        total = sum(e.amount_fen for e in scenario.events if e.falls_in(month))
        if total:
            return total
    return 0


def paid_costs(result: SimResult) -> np.ndarray:
    """Interest, fees and penalties paid so far, per path and month (fen, cumulative)."""
    return result.metrics["paid_to_date"]


def monthly_figures(result: SimResult) -> dict[str, np.ndarray]:
    """(paths, months) arrays under their public names (``RECORD``); money in fen."""
    figures = {name: result.metrics[name] for name in MONEY + COUNTS}
    figures["debt_to_income"] = result.debt_to_income()
    return {name: figures[name] for name in RECORD}


@dataclass(frozen=True)
class CostLine:
    """Interest, fees and penalties incurred up to a month, split into paid and still owed,
    against the cash need that started the borrowing (fen)."""

    need: int
    costs: int
    paid: int
    owed: int


def cost_line(result: SimResult, month: int | None = None) -> CostLine:
    """The cost line at the end of ``month`` (1-based; the last month by default). With several
    paths it is the median path's by costs incurred, so its parts still add up."""
    if result.months == 0:
        return CostLine(first_need_fen(result), 0, 0, 0)
    column = (result.months if month is None else month) - 1
    costs = result.metrics["costs_to_date"][:, column]
    path = int(np.argsort(costs, kind="stable")[(result.paths - 1) // 2])
    incurred, paid = int(costs[path]), int(result.metrics["paid_to_date"][path, column])
    return CostLine(first_need_fen(result), incurred, paid, incurred - paid)


def cost_sentence(line: CostLine, say: Callable[..., str], money: Callable[[int], str]) -> str:
    """The cost line in words: ``say(key, **params)`` is the caller's ``t`` in its language,
    ``money(fen)`` its money format."""
    key = "sim.costs_owed" if line.owed else "sim.costs_paid"
    if not line.need:
        key += "_no_need"
    return say(key, need=money(line.need), costs=money(line.costs), paid=money(line.paid),
               owed=money(line.owed))


def _number(value: float, money: bool) -> float | int:
    if money:
        return round(value / 100, 2)
    return int(value) if float(value).is_integer() else round(value, 4)


def _describe(name: str, values: np.ndarray, money: bool) -> dict[str, float | int]:
    """One path: its value. Several: the mean and the 10th, 50th and 90th percentiles."""
    if values.size == 1:
        return {name: _number(float(values[0]), money)}
    out = {name: _number(float(values.mean()), money)}
    for p, value in zip(PERCENTILES, np.percentile(values, PERCENTILES), strict=True):
        out[f"{name}_p{p}"] = _number(float(value), money)
    return out


def state_shares(result: SimResult, month: int) -> dict[str, float]:
    counts = np.bincount(result.state[:, month], minlength=len(STATES))
    return {state: round(float(c) / result.paths, 4) for state, c in zip(STATES, counts,
                                                                        strict=True)}


def months_json(result: SimResult) -> list[dict[str, Any]]:
    figures = monthly_figures(result)
    rows: list[dict[str, Any]] = []
    for month in range(result.months):
        row: dict[str, Any] = {"month": month + 1}
        for name, values in figures.items():
            row.update(_describe(name, values[:, month], name in MONEY))
        if result.paths == 1:
            row["state"] = STATES[int(result.state[0, month])]
        else:
            row["state"] = state_shares(result, month)
        rows.append(row)
    return rows


def ever_in(result: SimResult, state: int) -> float:
    """The share of paths that were in ``state`` at the end of any month."""
    if result.months == 0:
        return 0.0
    return float((result.state == state).any(axis=1).mean())


def totals_json(result: SimResult) -> dict[str, Any]:
    """Over the whole run: money borrowed and paid, the costs, and where debt ended up."""
    m = result.metrics
    money = {
        "cash_received": m["cash_received"].sum(axis=1),
        "paid": m["paid"].sum(axis=1),
        "interest_incurred": m["interest_incurred"].sum(axis=1),
        "interest_paid": m["interest_paid"].sum(axis=1),
        "fees_incurred": m["fees_incurred"].sum(axis=1),
        "fees_paid": m["fees_paid"].sum(axis=1),
        "penalties_incurred": m["penalties_incurred"].sum(axis=1),
        "penalties_paid": m["penalties_paid"].sum(axis=1),
        "costs": m["costs"].sum(axis=1),
        "costs_paid": m["costs_paid"].sum(axis=1),
        "costs_owed": m["costs_owed"][:, -1],
        "paid_from_income": m["paid_from_income"].sum(axis=1),
        "paid_from_new_loans": m["paid_from_new_loans"].sum(axis=1),
        "final_debt": m["debt"][:, -1],
        "peak_debt": m["debt"].max(axis=1),
    }
    counts = {
        "new_loans": m["new_loans"].sum(axis=1),
        "peak_active_lenders": m["active_lenders"].max(axis=1),
    }
    out: dict[str, Any] = {"paths": result.paths, "months": result.months,
                           "need": _number(first_need_fen(result), money=True)}
    for name, values in money.items():
        out.update(_describe(name, values, money=True))
    for name, values in counts.items():
        out.update(_describe(name, values, money=False))
    out["final_state"] = (STATES[int(result.state[0, -1])] if result.paths == 1
                          else state_shares(result, result.months - 1))
    out["ever_default"] = round(ever_in(result, STATES.index("default")), 4)
    return out


def events_json(result: SimResult) -> list[dict[str, Any]]:
    """The event log: day, kind, lender, amount (yuan) and reason; the path when there are
    several."""
    rows = []
    for event in result.events:
        row: dict[str, Any] = {"day": event.day, "month": event.month + 1, "kind": event.kind,
                               "lender": event.lender, "amount": _number(event.amount, True),
                               "reason": event.reason}
        if result.paths > 1:
            row = {"path": event.path, **row}
        rows.append(row)
    return rows
