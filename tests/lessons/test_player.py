"""Playing a lesson without the TUI: the pure state machine."""

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from debtcoach.lessons.loader import LoadedLesson, load_lesson, load_sources
from debtcoach.lessons.player import LessonPlayer
from debtcoach.lessons.schema import (
    DecisionStep,
    OfferStep,
    PredictStep,
    QuizStep,
    ScenarioStep,
    SummaryStep,
    policy_with,
)
from debtcoach.sim.results import STACKING
from debtcoach.sim.run import start

ROOT = Path(__file__).parents[1] / "data" / "lessons"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def loaded() -> LoadedLesson:
    return load_lesson(ROOT / "01-mini", load_sources(ROOT))


def play_to(player: LessonPlayer, step_id: str) -> None:
    while player.step.id != step_id:
        step = player.step
        if isinstance(step, PredictStep):
            player.predict(1000)
        elif isinstance(step, QuizStep):
            player.answer_quiz({0}, 1.0)
            player.give_up()
        elif isinstance(step, DecisionStep):
            player.decide(0)
        player.next()


def test_offer_reveals_before_moving_on_and_its_warning_fires_at_once(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    player.next()
    assert isinstance(player.step, OfferStep)
    assert not player.step_done()
    player.next()  # reveal
    assert player.step_done()
    cost = player.offer_cost("ad")
    assert cost.figures.apr_nominal == pytest.approx(0.25 * 365 / 7)
    banners = player.next()
    assert [b.step_id for b in banners] == ["warn-apr"]
    assert banners[0].month is None
    assert player.step.id == "warn-apr"


def test_prediction_reveals_the_computed_debt_and_the_gap(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "guess")
    reveal = player.predict(2500)
    assert reveal.actual == pytest.approx(loaded.answers["guess"])
    assert reveal.actual > 2500 and reveal.underestimated


def test_scenario_runs_by_the_month_and_the_stacking_warning_fires_in_its_month(
    loaded: LoadedLesson,
) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "run")
    assert isinstance(player.step, ScenarioStep)
    fired = []
    for month in range(1, 4):
        assert not player.step_done()
        fired += player.next()
        result = player.result("spiral")
        assert result is not None and result.months == month
    assert player.step_done()
    result = player.result("spiral")
    first = int((result.state[0] == STACKING).argmax()) + 1
    assert [(b.step_id, b.month) for b in fired] == [("warn-stack", first)]


def test_decision_changes_the_policy_from_that_month(loaded: LoadedLesson) -> None:
    stop = LessonPlayer(loaded, today=TODAY)
    play_to(stop, "choose")
    stop.decide(1)
    keep = LessonPlayer(loaded, today=TODAY)
    play_to(keep, "choose")
    keep.decide(0)
    for player in (stop, keep):
        player.next()
        while not player.step_done():
            player.next()
    stopped, kept = stop.result("spiral"), keep.result("spiral")
    assert stopped is not None and kept is not None
    assert stopped.metrics["new_loans"][0, 3:].sum() == 0
    assert kept.metrics["new_loans"][0, 3:].sum() > 0
    assert stopped.metrics["days_overdue"][0, -1] > 0


@pytest.mark.parametrize(("typed", "right"), [(1303.57, True), (1300, True), (25, False)])
def test_numeric_quiz_is_graded_against_the_computed_answer(
    loaded: LoadedLesson, typed: float, right: bool
) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q")
    assert player.hint() is not None
    assert player.hint() is not None
    assert player.hint() is None
    assert player.answer_quiz(number=typed).correct is right


def test_single_choice_quiz_without_hints_gives_a_second_try(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q2")
    assert not player.answer_quiz({0}).correct
    assert not player.step_done()
    result = player.answer_quiz({1})
    assert result.correct and result.picked == (1,) and player.step_done()


def test_two_wrong_tries_without_hints_end_with_the_answer(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q2")
    player.answer_quiz({0})
    player.answer_quiz({0})
    assert player.step_done() and player.quiz_results["q2"].picked == (0,)
    assert not player.quiz_results["q2"].correct


def test_wrong_tries_bring_the_hints_one_at_a_time_then_the_answer(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q")
    step = player.step
    assert isinstance(step, QuizStep) and len(step.hints) == 2
    for shown in (1, 2):
        assert not player.answer_quiz(number=25).correct
        assert player.hints_shown["q"] == shown and not player.step_done()
    assert not player.answer_quiz(number=25).correct
    assert player.step_done()
    result = player.quiz_results["q"]
    assert result.expected == pytest.approx(loaded.answers["q"]) and result.number == 25
    assert len(player.tries["q"]) == 3
    with pytest.raises(ValueError, match="already answered"):
        player.answer_quiz(number=1303.57)


def test_the_answer_on_request_before_any_try(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q")
    result = player.give_up()
    assert result is not None and not result.correct and player.step_done()
    assert player.give_up() is None
    assert player.hint() is None  # no hints after the answer


def test_replay_keeps_tries_hints_and_a_request_for_the_answer(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "q")
    player.answer_quiz(number=25)
    player.give_up()
    resumed = LessonPlayer.replay(loaded, list(player.log), TODAY)
    assert resumed.tries == player.tries and resumed.hints_shown == player.hints_shown
    assert resumed.quiz_results == player.quiz_results


@pytest.mark.parametrize(("typed", "verdict"), [(2000, "under"), (9999999, "over")])
def test_prediction_verdict(loaded: LoadedLesson, typed: float, verdict: str) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "guess")
    assert player.predict(typed).verdict == verdict


def test_a_prediction_within_the_tolerance_is_right(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "guess")
    step = player.step
    assert isinstance(step, PredictStep)
    actual = loaded.answers["guess"]
    reveal = player.predict(actual * (1 + step.tolerance * 0.9))
    assert reveal.verdict == "close" and not reveal.underestimated


def test_summary_shows_costs_paid_against_the_first_need(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "sum")
    assert isinstance(player.step, SummaryStep)
    line = player.summary()
    assert line.need == 200_000
    assert line.costs > 0 and line.costs == line.paid + line.owed
    assert player.finished


def test_replaying_the_log_resumes_at_the_exact_place(loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    play_to(player, "rest")
    player.next()
    player.back()
    player.next()
    resumed = LessonPlayer.replay(loaded, list(player.log), TODAY)
    assert resumed.step.id == player.step.id
    assert resumed.predictions == player.predictions
    assert resumed.decisions == player.decisions
    assert [b.step_id for b in resumed.banners] == [b.step_id for b in player.banners]
    a, b = resumed.result("spiral"), player.result("spiral")
    assert a is not None and b is not None
    assert (a.metrics["debt"] == b.metrics["debt"]).all()


def branch_run(loaded: LoadedLesson, choice: int, decided_at: int) -> np.ndarray:
    """The engine alone: the scenario to ``decided_at`` months, then ``choice``'s policy."""
    step = next(s for s in loaded.lesson.steps if s.id == "choose")
    assert isinstance(step, DecisionStep)
    scenario, _, seed = loaded.scenarios["spiral"]
    engine = start(scenario, paths=1, seed=seed, record_events=True)
    engine.advance(decided_at)
    engine.advance(0, policy=policy_with(scenario.policy, step.choices[choice].policy))
    engine.advance(scenario.months - decided_at)
    return engine.result().metrics["debt"][0]


def test_another_choice_reruns_the_branch_and_keeps_the_first_answer(
        loaded: LoadedLesson) -> None:
    player = LessonPlayer(loaded, today=TODAY)
    while not (player.index == len(player.steps) - 1 and player.step_done()):
        step = player.step
        if isinstance(step, PredictStep) and not player.step_done():
            player.predict(1000)
        elif isinstance(step, QuizStep) and not player.step_done():
            player.give_up()
        elif isinstance(step, DecisionStep) and not player.step_done():
            player.decide(0)
        player.next()  # a running scenario advances a month
    assert player.finished
    kept_answers = dict(player.quiz_results)
    stayed = player.result("spiral")
    assert stayed is not None
    np.testing.assert_array_equal(stayed.metrics["debt"][0], branch_run(loaded, 0, 3))
    while player.step.id != "choose":
        player.back()

    player.explore(1)
    assert player.decisions["choose"] == 1 and player.first_decisions["choose"] == 0
    assert player.explored == {"choose": [1]} and player.quiz_results == kept_answers
    assert player.finished  # going back and trying another branch never unfinishes
    player.next()
    assert player.step.id == "rest" and not player.step_done()  # the branch runs again
    while not player.step_done():
        player.next()
    other = player.result("spiral")
    assert other is not None
    np.testing.assert_array_equal(other.metrics["debt"][0], branch_run(loaded, 1, 3))
    assert not np.array_equal(other.metrics["debt"][0], stayed.metrics["debt"][0])

    resumed = LessonPlayer.replay(loaded, list(player.log), TODAY)
    assert resumed.first_decisions == {"choose": 0} and resumed.decisions == {"choose": 1}
    assert resumed.finished and resumed.step.id == "rest"
    np.testing.assert_array_equal(resumed.result("spiral").metrics["debt"][0],
                                  other.metrics["debt"][0])


def test_an_answer_still_being_worked_out_is_not_given_up_and_leaves_no_trace(
        loaded: LoadedLesson) -> None:
    from dataclasses import replace

    from debtcoach.lessons.player import AnswerPending

    quiz = next(step for step in loaded.lesson.steps if step.id == "q")
    assert isinstance(quiz, QuizStep) and quiz.answer is not None
    waiting = replace(loaded, pending={"q": quiz.answer}, answers=dict(loaded.answers))
    waiting.answers.pop("q")
    player = LessonPlayer(waiting, today=TODAY)
    play_to(player, "q")
    log = list(player.log)
    with pytest.raises(AnswerPending):
        player.give_up()
    with pytest.raises(AnswerPending):
        player.answer_quiz(number=25)
    assert player.log == log and "q" not in player.quiz_results
