"""Strategies side by side (a ``compare`` step): each scenario run to its end with the policy its
file gives, its interest, fees and penalties incurred, paid and still owed, and the month its debt
is gone. Figures come from the simulation, never from the lesson text."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.schema import CompareStep
from debtcoach.sim.results import SimResult
from debtcoach.sim.run import simulate
from debtcoach.sim.scenario import Localized
from debtcoach.sim.summary import cost_line


@dataclass(frozen=True)
class Totals:
    label: Localized
    costs: int  # fen: interest, fees and penalties incurred over the whole run
    paid: int
    owed: int
    debt_free: int | None  # 1-based month the debt is gone for good, None if it never is
    months: int  # months the scenario runs


def debt_free_month(result: SimResult, path: int = 0) -> int | None:
    """The first month (1-based) from which the path owes nothing to the end of the run."""
    owing = np.flatnonzero(result.metrics["debt"][path] > 0)
    if owing.size == 0:
        return 1
    last = int(owing[-1])
    return last + 2 if last + 1 < result.months else None


def compare(loaded: LoadedLesson, step: CompareStep) -> list[Totals]:
    """One row per strategy. Full runs are kept in ``loaded.runs``, shared with the answers
    (a Monte Carlo row is its median path by costs, as in the cost line)."""
    rows = []
    for row in step.rows:
        if row.scenario not in loaded.runs:
            scenario, paths, seed = loaded.scenarios[row.scenario]
            loaded.runs[row.scenario] = simulate(scenario, paths=paths, seed=seed)
        result = loaded.runs[row.scenario]
        costs = result.metrics["costs_to_date"][:, -1]
        path = int(np.argsort(costs, kind="stable")[(result.paths - 1) // 2])
        line = cost_line(result)
        rows.append(Totals(row.label, line.costs, line.paid, line.owed,
                           debt_free_month(result, path), result.months))
    return rows
