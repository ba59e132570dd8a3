"""Month-by-month summaries of a run: one path's figures, or percentiles and state shares over many.

The names here are the `simulate --json` contract: `debt`, `cash_received`, `paid`, `principal`,
`interest`, `fees`, `penalties`, `new_loans`, `active_loans`, `active_lenders`, `debt_to_income`,
`days_overdue`, `state`. Money is yuan; with several paths each number is the mean and has
`_p10`, `_p50`, `_p90` variants, and `state` becomes the share of paths in each state.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from debtcoach.sim.results import STATES, SimResult

MONEY = ("debt", "cash_received", "paid", "principal", "interest", "fees", "penalties")
COUNTS = ("new_loans", "active_loans", "active_lenders", "days_overdue")
PERCENTILES = (10, 50, 90)


def first_need_fen(result: SimResult) -> int:
    """The cash need that started it all: the events of the first month that has any."""
    events = result.scenario.events
    for month in range(result.months):
        total = sum(e.amount_fen for e in events if e.falls_in(month))
        if total:
            return total
    return 0


def paid_costs(result: SimResult) -> np.ndarray:
    """Interest, fees and penalties paid so far, per path and month (fen, cumulative)."""
    m = result.metrics
    return np.cumsum(m["paid_interest"] + m["paid_fees"] + m["paid_penalties"], axis=1)


def monthly_figures(result: SimResult) -> dict[str, np.ndarray]:
    """(paths, months) arrays under their public names; money in fen."""
    m = result.metrics
    paid = m["paid_principal"] + m["paid_interest"] + m["paid_fees"] + m["paid_penalties"]
    return {
        "debt": m["debt"],
        "cash_received": m["cash_received"],
        "paid": paid,
        "principal": m["paid_principal"],
        "interest": m["paid_interest"],
        "fees": m["paid_fees"],
        "penalties": m["paid_penalties"],
        "new_loans": m["new_loans"],
        "active_loans": m["active_loans"],
        "active_lenders": m["active_lenders"],
        "days_overdue": m["days_overdue"],
        "debt_to_income": result.debt_to_income(),
    }


def _number(value: float, money: bool) -> float:
    return round(value / 100, 2) if money else round(value, 4)


def _describe(name: str, values: np.ndarray, money: bool) -> dict[str, float]:
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


def totals_json(result: SimResult) -> dict[str, Any]:
    """Over the whole run: money borrowed and paid, the cost, and where debt ended up."""
    figures = monthly_figures(result)
    money = {
        "cash_received": figures["cash_received"].sum(axis=1),
        "paid": figures["paid"].sum(axis=1),
        "interest": figures["interest"].sum(axis=1),
        "fees": figures["fees"].sum(axis=1),
        "penalties": figures["penalties"].sum(axis=1),
        "costs": result.metrics["costs"].sum(axis=1),
        "final_debt": figures["debt"][:, -1],
        "peak_debt": figures["debt"].max(axis=1),
    }
    counts = {
        "new_loans": figures["new_loans"].sum(axis=1),
        "peak_active_lenders": figures["active_lenders"].max(axis=1),
    }
    out: dict[str, Any] = {"paths": result.paths, "months": result.months}
    for name, values in money.items():
        out.update(_describe(name, values, money=True))
    for name, values in counts.items():
        out.update(_describe(name, values, money=False))
    out["final_state"] = (STATES[int(result.state[0, -1])] if result.paths == 1
                          else state_shares(result, result.months - 1))
    return out
