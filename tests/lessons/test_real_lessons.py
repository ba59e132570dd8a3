"""The shipped lessons: all check out, and each plays to its end through the pure player, on every
decision branch, with every warning firing on some branch and every quiz accepting its answer."""

from datetime import date
from pathlib import Path

import pytest

from debtcoach.coach.quiz import to_shown
from debtcoach.lessons.loader import LoadedLesson, check_lessons
from debtcoach.lessons.player import LessonPlayer
from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep, WarningStep

LESSONS = Path(__file__).parents[2] / "lessons"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def lessons() -> dict[str, LoadedLesson]:
    loaded, problems = check_lessons(LESSONS)
    assert problems == []
    return {lesson.lesson.id: lesson for lesson in loaded}


def test_eight_lessons_in_two_parts(lessons: dict[str, LoadedLesson]) -> None:
    parts = sorted((lesson.lesson.part, lesson.lesson.order) for lesson in lessons.values())
    assert parts == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 5), (2, 6), (2, 7), (2, 8)]


def play(loaded: LoadedLesson, branch: int) -> LessonPlayer:
    """To the end, taking choice ``branch`` (or the last one) at every decision, answering every
    question right."""
    player = LessonPlayer(loaded, today=TODAY)
    for _ in range(2000):
        step = player.step
        if isinstance(step, QuizStep) and step.id not in player.quiz_results:
            if step.kind == "numeric":
                typed = to_shown(loaded.answers[step.id], step.unit)
                assert player.answer_quiz(number=typed).correct, step.id
            else:
                right = {i for i, c in enumerate(step.choices) if c.correct}
                assert player.answer_quiz(right).correct, step.id
        elif isinstance(step, PredictStep) and step.id not in player.predictions:
            player.predict(1.0)
        elif isinstance(step, DecisionStep) and step.id not in player.decisions:
            player.decide(min(branch, len(step.choices) - 1))
        if player.finished:
            return player
        player.next()
    raise AssertionError(f"{loaded.lesson.id} did not finish")


@pytest.mark.parametrize("lesson_id", [
    "01-first-loan", "02-upfront-fees", "03-hidden-fees", "04-borrowing-to-repay",
    "05-when-you-cant-pay", "06-what-the-app-asks-for", "07-the-way-out", "08-people-like-you",
])
def test_each_lesson_plays_to_the_end_and_every_warning_fires(
    lessons: dict[str, LoadedLesson], lesson_id: str
) -> None:
    loaded = lessons[lesson_id]
    branches = max([len(s.choices) for s in loaded.lesson.steps if isinstance(s, DecisionStep)],
                   default=1)
    fired: set[str] = set()
    for branch in range(branches):
        player = play(loaded, branch)
        fired |= {banner.step_id for banner in player.banners}
    warnings = {s.id for s in loaded.lesson.steps if isinstance(s, WarningStep)}
    assert warnings and warnings <= fired


def test_every_prose_section_exists_in_both_languages(lessons: dict[str, LoadedLesson]) -> None:
    for loaded in lessons.values():
        assert set(loaded.prose["zh"]) == set(loaded.prose["en"]), loaded.lesson.id


def test_a_warning_not_yet_fired_is_passed_over_both_ways_and_fires_once(
    lessons: dict[str, LoadedLesson],
) -> None:
    """Lesson 08 arms its borrowing-to-repay warning before the rider's year starts: until that
    month, neither → nor ← shows its banner ("this month's loan pays off another one")."""
    loaded = lessons["08-people-like-you"]
    player = LessonPlayer(loaded, today=TODAY)
    while player.step.id != "students":
        if isinstance(player.step, QuizStep):
            player.give_up()
        player.next()
    player.next()
    assert player.step.id == "one-rider"
    player.back()
    assert player.step.id == "students"
    player.next()
    assert player.step.id == "one-rider"
    while not player.step_done():
        player.next()
    assert [b.step_id for b in player.banners] == ["stacking-warning"]
    player.back()
    assert player.step.id == "stacking-warning"  # fired: now it is there to reread
    player.back()
    player.next()
    assert player.step.id == "stacking-warning"
    assert [b.step_id for b in player.banners] == ["stacking-warning"]
    resumed = LessonPlayer.replay(loaded, player.log, TODAY)
    assert (resumed.step.id, resumed.banners) == (player.step.id, player.banners)
