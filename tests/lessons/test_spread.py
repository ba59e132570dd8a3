"""The spread of a Monte Carlo run by month, checked against a slow per-month recount."""

from pathlib import Path

import numpy as np

from debtcoach.lessons.spread import Spread, spread_of
from debtcoach.sim.loader import parse_toml, scenario_from_dict
from debtcoach.sim.results import DEFAULT, STACKING
from debtcoach.sim.run import simulate

RIDER = Path(__file__).parents[2] / "lessons" / "scenarios" / "part2-rider.toml"


def linear_percentile(values: list[int], q: float) -> float:
    """The textbook linear-interpolation percentile (numpy's default), written out."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def test_the_spread_matches_a_recount_of_the_raw_paths() -> None:
    scenario = scenario_from_dict(parse_toml(RIDER.read_text(encoding="utf-8"), str(RIDER)),
                                  str(RIDER))
    result = simulate(scenario, paths=300, seed=7)
    spread = spread_of(result)
    debt = result.metrics["debt"].tolist()
    state = result.state.tolist()
    overdue = result.metrics["days_overdue"].tolist()
    assert spread.paths == 300 and spread.months == scenario.months
    for month in range(scenario.months):
        column = [row[month] for row in debt]
        for q, shown in ((10, spread.debt_p10), (50, spread.debt_p50), (90, spread.debt_p90)):
            assert shown[month] == round(linear_percentile(column, q))
        ever_behind = sum(any(d > 0 for d in row[: month + 1]) for row in overdue) / 300
        ever_stacked = sum(any(s >= STACKING for s in row[: month + 1]) for row in state) / 300
        defaulted = sum(row[month] == DEFAULT for row in state) / 300
        assert spread.overdue_ever[month] == ever_behind
        assert spread.stacking_ever[month] == ever_stacked
        assert spread.in_default[month] == defaulted
    # the runs the lesson asks about spread out: someone owes nothing, someone owes a lot
    assert spread.debt_p10[-1] <= spread.debt_p50[-1] <= spread.debt_p90[-1]
    assert spread.debt_p90[-1] > 0 and np.all(np.diff(spread.overdue_ever) >= 0)


def test_a_kept_spread_reads_back_and_a_foreign_entry_does_not() -> None:
    spread = Spread(10, [0, 1], [2, 3], [4, 5], [0.1, 0.2], [0.0, 0.1], [0.0, 0.0])
    assert Spread.from_json(spread.as_json()) == spread
    assert Spread.from_json({"value": 0.5}) is None
    assert Spread.from_json({**spread.as_json(), "debt_p10": [0]}) is None
