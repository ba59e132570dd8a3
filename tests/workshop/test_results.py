"""The room's numbers: statistics against numpy, histograms that count every answer once,
per-question tallies against the lesson's own answer key, and the room's fan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.lessons.schema import DecisionStep, QuizStep
from debtcoach.store.rooms import RoomStore
from debtcoach.ui.catalog import load, scan
from debtcoach.workshop.paths import play_through, room_fan
from debtcoach.workshop.results import histogram, percentile, room_results
from tests.workshop import rooms

LESSONS = Path(__file__).parents[2] / "lessons"
TODAY = date(2026, 3, 1)
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    entry = next(e for e in scan(LESSONS) if e.id == rooms.LESSON)
    return load(entry)


@settings(deadline=None)
@given(st.lists(finite, min_size=1, max_size=40), st.sampled_from([10, 25, 50, 75, 90]))
def test_percentile_agrees_with_numpy(values: list[float], q: int) -> None:
    assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)), abs=1e-6)


@settings(deadline=None)
@given(st.lists(finite, max_size=40), st.one_of(st.none(), finite))
def test_histogram_counts_every_value_once_in_its_bin(values: list[float],
                                                     include: float | None) -> None:
    result = histogram(values, include=include)
    assert sum(result.counts) == len(values)
    if values:
        assert result.edges[0] <= min(values) and max(values) <= result.edges[-1]
        assert len(result.edges) == len(result.counts) + 1
    if include is not None and values:
        assert result.edges[0] <= include <= result.edges[-1]


def test_room_results_follow_the_answer_key(tmp_path: Path, loaded) -> None:  # type: ignore[no-untyped-def]
    quiz = next(s for s in loaded.lesson.steps if s.id == "why-refused")
    assert isinstance(quiz, QuizStep)
    right = {i for i, choice in enumerate(quiz.choices) if choice.correct}
    rooms.seed(tmp_path, right)
    with RoomStore.open(tmp_path) as store:
        results = room_results(store.require_room(rooms.ROOM), store.participants(rooms.ROOM),
                               store.room_answers(rooms.ROOM), store.reveals(rooms.ROOM),
                               loaded)
    by_step = {q.step_id: q for q in results.questions}
    answered = [p for p in rooms.PEOPLE if p[2] is not None]
    tally = [sum(i in p[2] for p in answered) for i in range(len(quiz.choices))]
    assert [c.count for c in by_step["why-refused"].choices] == tally
    assert by_step["why-refused"].correct == sum(set(p[2]) == right for p in answered)
    guesses = sorted(p[1] for p in answered)
    assert by_step["guess-month-6"].summary is not None
    assert by_step["guess-month-6"].summary.median == pytest.approx(np.median(guesses))
    assert by_step["guess-month-6"].expected == loaded.answers["guess-month-6"]
    decision = by_step["choose"]
    assert [c.count for c in decision.choices] == [
        sum(p[3] == i for p in answered) for i in range(len(decision.choices))]
    assert dict(results.steps)["choose"] == len(answered)
    assert dict(results.steps)["intro"] == 1
    assert not any(q.revealed for q in results.questions)


def test_the_fan_spans_the_rooms_paths(loaded) -> None:  # type: ignore[no-untyped-def]
    step = next(s for s in loaded.lesson.steps if isinstance(s, DecisionStep))
    paths = [[int(v) for v in play_through(loaded, {step.id: c}, TODAY,
                                           step.scenario).metrics["debt"][0]]
             for c in range(len(step.choices))]
    fan = room_fan(loaded, [{step.id: c} for c in range(len(step.choices))] + [{}], TODAY)
    assert fan is not None and fan.paths == len(step.choices)  # nobody-decided is no path
    for month in range(len(fan.p50)):
        at = sorted(path[month] for path in paths)
        assert fan.p50[month] == round(float(np.median(at)))
        assert min(at) <= fan.p10[month] <= fan.p50[month] <= fan.p90[month] <= max(at)
    same = room_fan(loaded, [{step.id: 1}] * 3, TODAY)
    assert same is not None and same.p10 == same.p50 == same.p90 == paths[1]
    assert room_fan(loaded, [{}, {}], TODAY) is None
