"""Lesson 04's decision, as a learner plays it: the choice comes before the first overdue payment,
so the three branches differ; every branch shows its true cost (incurred, paid or not); cutting
spending costs least, stacking more than ignoring, and ignoring keeps costing more as penalties
accrue. The summary quotes each branch's figures, and they are the engine's."""

import re

import numpy as np
import pytest

from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.player import LessonPlayer
from debtcoach.lessons.schema import DecisionStep, ScenarioStep
from debtcoach.sim.engine import DAYS_PER_MONTH
from debtcoach.sim.results import STATES
from tests.lessons.test_real_lessons import lessons, play  # noqa: F401  (fixture)

LESSON = "04-borrowing-to-repay"
STACK, CUT_SPENDING, IGNORE = range(3)


@pytest.fixture(scope="module")
def branches(lessons: dict[str, LoadedLesson]) -> dict[int, LessonPlayer]:  # noqa: F811
    return {branch: play(lessons[LESSON], branch) for branch in range(3)}


@pytest.fixture(scope="module")
def decision_month(lessons: dict[str, LoadedLesson]) -> int:  # noqa: F811
    """The month at whose end the learner decides: where the scenario step before it pauses."""
    steps = lessons[LESSON].lesson.steps
    choose = next(i for i, step in enumerate(steps) if isinstance(step, DecisionStep))
    paused = [step.until for step in steps[:choose] if isinstance(step, ScenarioStep)]
    assert isinstance(paused[-1], int)
    return paused[-1]


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


@pytest.mark.parametrize("branch", [STACK, CUT_SPENDING, IGNORE])
def test_the_decision_comes_before_the_first_overdue_day(
        branches: dict[int, LessonPlayer], decision_month: int, branch: int) -> None:
    result = branches[branch].result("spiral")
    overdue = [event.day for event in result.events if event.kind == "overdue"]
    assert overdue and min(overdue) >= decision_month * DAYS_PER_MONTH
    assert (result.state[0, :decision_month] < STATES.index("overdue")).all()


def test_only_the_stacking_branch_borrows_after_the_decision_and_it_still_ends_overdue(
        branches: dict[int, LessonPlayer], decision_month: int) -> None:
    first_day = decision_month * DAYS_PER_MONTH

    def loans_after(branch: int) -> int:
        return sum(1 for event in branches[branch].result("spiral").events
                   if event.kind == "loan" and event.day >= first_day)

    assert loans_after(STACK) > 0
    assert loans_after(CUT_SPENDING) == loans_after(IGNORE) == 0
    assert branches[STACK].result("spiral").state[0, -1] >= STATES.index("overdue")


def test_the_branches_cost_different_amounts_and_cutting_spending_costs_least(
        branches: dict[int, LessonPlayer]) -> None:
    stack, cut, ignore = (branches[b].cost_line("spiral") for b in (STACK, CUT_SPENDING, IGNORE))
    assert stack != ignore
    assert cut.costs < ignore.costs < stack.costs
    assert cut.owed == 0 < ignore.owed


def test_ignoring_the_debt_costs_more_every_month_after_the_decision(
        branches: dict[int, LessonPlayer], decision_month: int) -> None:
    ignored = branches[IGNORE].result("spiral")
    to_date = ignored.metrics["costs_to_date"][0, decision_month - 1:]
    assert (np.diff(to_date) > 0).all()
    assert (ignored.metrics["penalties_incurred"][0, decision_month:] > 0).all()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_quotes_each_branchs_figures_from_the_engine(
        lessons: dict[str, LoadedLesson], branches: dict[int, LessonPlayer],  # noqa: F811
        lang: str) -> None:
    summary = lessons[LESSON].prose[lang]["summary"]
    quoted = re.findall(r"\d{1,3}(?:,\d{3})*\.\d{2}", summary)
    expected = []
    for branch in (STACK, CUT_SPENDING, IGNORE):
        line = branches[branch].cost_line("spiral")
        expected += [line.costs] + ([line.owed] if line.owed else [])
        if branch == CUT_SPENDING:  # costs all paid; what is left of the loans themselves
            metrics = branches[branch].result("spiral").metrics
            owed = metrics["costs_owed"][0]
            assert owed[10] == 0 < owed[9], "the summary says: all paid by month 11"
            expected.append(int(metrics["debt"][0, -1]))
    assert quoted == [f"{fen / 100:,.2f}" for fen in expected]
