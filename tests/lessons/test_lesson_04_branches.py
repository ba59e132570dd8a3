"""Lesson 04's decision, as a learner plays it: every branch shows its true cost (incurred, paid
or not), and ignoring the debt keeps costing more as penalties accrue."""

import numpy as np
import pytest

from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.player import LessonPlayer
from tests.lessons.test_real_lessons import lessons, play  # noqa: F401  (fixture)

STACK, CUT_SPENDING, IGNORE = range(3)
DECISION_MONTH = 6


@pytest.fixture(scope="module")
def branches(lessons: dict[str, LoadedLesson]) -> dict[int, LessonPlayer]:  # noqa: F811
    return {branch: play(lessons["04-borrowing-to-repay"], branch) for branch in range(3)}


@pytest.mark.parametrize("branch", [STACK, CUT_SPENDING, IGNORE])
def test_each_branch_shows_what_was_incurred_split_into_paid_and_owed(
        branches: dict[int, LessonPlayer], branch: int) -> None:
    player = branches[branch]
    result = player.result("spiral")
    line = player.cost_line("spiral")
    metrics = result.metrics
    costs = metrics["interest_incurred"] + metrics["fees_incurred"] + metrics["penalties_incurred"]
    assert line.costs == int(costs[0].sum())
    assert line.paid == int((metrics["interest_paid"] + metrics["fees_paid"]
                             + metrics["penalties_paid"])[0].sum())
    assert line.owed == line.costs - line.paid == int(metrics["costs_owed"][0, -1])


def test_ignoring_the_debt_costs_more_every_month_and_more_than_cutting_spending(
        branches: dict[int, LessonPlayer]) -> None:
    ignored = branches[IGNORE].result("spiral")
    to_date = ignored.metrics["costs_to_date"][0, DECISION_MONTH - 1:]
    assert (np.diff(to_date) > 0).all()
    assert (ignored.metrics["penalties_incurred"][0, DECISION_MONTH:] > 0).all()
    ignored_line = branches[IGNORE].cost_line("spiral")
    cut_line = branches[CUT_SPENDING].cost_line("spiral")
    assert ignored_line.owed > 0
    assert ignored_line.costs > cut_line.costs
