"""The spread of a Monte Carlo run by month: how much the paths owe (p10, median, p90) and how
many have fallen behind or defaulted, so a lesson shows more than one share per run."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from debtcoach.lessons.answers import content_key
from debtcoach.sim.results import DEFAULT, STACKING, SimResult
from debtcoach.sim.scenario import Scenario


@dataclass(frozen=True)
class Spread:
    """Per month (index 0 = month 1): debt percentiles over the paths in fen, and shares of
    paths (0–1) that have ever borrowed to repay or fallen behind, ever been overdue, and are
    in default at the month's end."""

    paths: int
    debt_p10: list[int]
    debt_p50: list[int]
    debt_p90: list[int]
    stacking_ever: list[float]
    overdue_ever: list[float]
    in_default: list[float]

    @property
    def months(self) -> int:
        return len(self.debt_p50)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Spread | None:
        """The spread kept in a cache, or None when the entry is not one."""
        try:
            spread = cls(**data)  # type: ignore[arg-type]
        except TypeError:
            return None
        lengths = {len(getattr(spread, name)) for name in (
            "debt_p10", "debt_p50", "debt_p90", "stacking_ever", "overdue_ever", "in_default")}
        return spread if len(lengths) == 1 and isinstance(spread.paths, int) else None


def spread_of(result: SimResult) -> Spread:
    """The spread of every path of ``result`` (numpy's linear percentile, rounded to the fen)."""
    debt = result.metrics["debt"]
    low, middle, high = np.percentile(debt, [10, 50, 90], axis=0)
    stacking = np.maximum.accumulate(result.state >= STACKING, axis=1)
    overdue = np.maximum.accumulate(result.metrics["days_overdue"] > 0, axis=1)
    return Spread(
        paths=result.paths,
        debt_p10=[round(float(v)) for v in low],
        debt_p50=[round(float(v)) for v in middle],
        debt_p90=[round(float(v)) for v in high],
        stacking_ever=[float(v) for v in stacking.mean(axis=0)],
        overdue_ever=[float(v) for v in overdue.mean(axis=0)],
        in_default=[float(v) for v in (result.state == DEFAULT).mean(axis=0)],
    )


def spread_key(scenario: Scenario, paths: int, seed: int, namespace: str) -> str:
    """What a spread depends on: the scenario's content, its paths and seed, the engine."""
    return content_key(namespace, "spread", scenario, paths, seed)
