"""Income per path and month: the only randomness, drawn once so both engines see the same."""

from __future__ import annotations

import numpy as np

from debtcoach.sim.scenario import Scenario


def draw_incomes(scenario: Scenario, paths: int, seed: int = 0) -> np.ndarray:
    """round(income × max(0, 1 + volatility × z)), z standard normal from a seeded generator;
    exactly the monthly income when volatility is 0."""
    income = scenario.borrower.monthly_income_fen
    volatility = scenario.borrower.income_volatility
    shape = (paths, scenario.months)
    if volatility == 0:
        return np.full(shape, income, dtype=np.int64)
    z = np.random.default_rng(seed).standard_normal(shape)
    return np.floor(income * np.maximum(0.0, 1.0 + volatility * z) + 0.5).astype(np.int64)
