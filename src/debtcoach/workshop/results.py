"""The room's answers per question, as the dashboard and the exports show them.

Built from what the store kept and the lesson the room plays; no I/O here. Quiz answers are
counted per choice with the share correct; numbers (predictions, numeric quizzes) get a median,
a spread (the middle half of the room) and a small histogram against the true value; decisions
get the room's split and what each branch cost in the lesson's simulation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from debtcoach.coach.quiz import from_typed
from debtcoach.lessons.loader import LoadedLesson
from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep
from debtcoach.sim.scenario import Localized
from debtcoach.store.rooms import Participant, Room, RoomAnswer
from debtcoach.workshop.paths import BranchCosts

QuestionKind = Literal["single", "multiple", "numeric", "predict", "decision"]
HISTOGRAM_BINS = 8


@dataclass(frozen=True)
class Histogram:
    edges: list[float]  # len(counts) + 1 bin edges, lowest first
    counts: list[int]


@dataclass(frozen=True)
class NumberSummary:
    count: int
    median: float
    low: float  # 25th percentile
    high: float  # 75th percentile
    histogram: Histogram


@dataclass(frozen=True)
class ChoiceCount:
    label: Localized
    count: int
    correct: bool | None  # quizzes: whether this choice is a right one; decisions: None
    cost_fen: int | None = None  # decisions: interest, fees and penalties paid on this branch
    owed_fen: int | None = None  # decisions: debt still owed at the end of this branch


@dataclass(frozen=True)
class QuestionResult:
    step_id: str
    index: int  # 0-based step index in the lesson
    kind: QuestionKind
    question: Localized
    unit: str
    answered: int
    choices: list[ChoiceCount] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)  # in the unit answers are computed in
    summary: NumberSummary | None = None
    expected: float | None = None  # the true value (predictions, numeric quizzes)
    correct: int | None = None  # quizzes: how many answered right
    revealed: bool = False

    @property
    def share_correct(self) -> float | None:
        if self.correct is None or self.answered == 0:
            return None
        return self.correct / self.answered


@dataclass(frozen=True)
class RoomResults:
    room: Room
    lesson_id: str | None
    title: Localized | None
    steps: list[tuple[str, int]]  # (step id, participants there now), in lesson order
    participants: list[Participant]
    questions: list[QuestionResult]
    answers: int

    @property
    def connected(self) -> int:
        return sum(p.connected for p in self.participants)


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), for 0 ≤ q ≤ 100."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = (len(ordered) - 1) * q / 100
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def histogram(values: Sequence[float], bins: int = HISTOGRAM_BINS,
              include: float | None = None) -> Histogram:
    """Equal-width bins over the values (and ``include``, the true value, so it is on the
    chart); every value counted once, the highest in the last bin."""
    points = [*values, *([include] if include is not None else [])]
    if not points:
        return Histogram([], [])
    low, high = min(points), max(points)
    if high == low:
        return Histogram([low, high], [len(values)])
    width = (high - low) / bins
    counts = [0] * bins
    for value in values:
        counts[min(int((value - low) / width), bins - 1)] += 1
    return Histogram([low + width * i for i in range(bins)] + [high], counts)


def summarize(values: Sequence[float], include: float | None = None) -> NumberSummary | None:
    if not values:
        return None
    return NumberSummary(len(values), percentile(values, 50), percentile(values, 25),
                         percentile(values, 75), histogram(values, include=include))


def room_results(room: Room, participants: list[Participant], answers: list[RoomAnswer],
                 reveals: set[tuple[str, str]], loaded: LoadedLesson | None,
                 branch_costs: BranchCosts | None = None) -> RoomResults:
    """Everything the dashboard shows about ``room`` playing ``loaded`` (None: no lesson set)."""
    if loaded is None:
        return RoomResults(room, room.lesson_id, None, [], participants, [], len(answers))
    lesson = loaded.lesson
    here: dict[str, int] = {}
    for person in participants:
        if person.lesson_id == lesson.id and person.step_id is not None:
            here[person.step_id] = here.get(person.step_id, 0) + 1
    by_step: dict[str, list[RoomAnswer]] = {}
    for answer in answers:
        if answer.lesson_id == lesson.id:
            by_step.setdefault(answer.step_id, []).append(answer)
    questions = []
    for index, step in enumerate(lesson.steps):
        given = by_step.get(step.id, [])
        revealed = (lesson.id, step.id) in reveals
        if isinstance(step, QuizStep):
            questions.append(_quiz(step, index, given, loaded, revealed))
        elif isinstance(step, PredictStep):
            numbers = [float(a.value) for a in given if isinstance(a.value, int | float)]
            expected = loaded.answers.get(step.id)
            questions.append(QuestionResult(
                step.id, index, "predict", step.question, step.unit, len(given),
                numbers=numbers, summary=summarize(numbers, expected), expected=expected,
                revealed=revealed))
        elif isinstance(step, DecisionStep):
            counts = [0] * len(step.choices)
            for answer in given:
                if isinstance(answer.value, list) and answer.value and \
                        0 <= answer.value[0] < len(counts):
                    counts[answer.value[0]] += 1
            costs = (branch_costs or {}).get(step.id)
            questions.append(QuestionResult(
                step.id, index, "decision", step.prompt, "yuan", len(given),
                choices=[ChoiceCount(choice.label, count, None,
                                     *(costs[i] if costs and i < len(costs) else (None, None)))
                         for i, (choice, count) in enumerate(zip(step.choices, counts,
                                                                 strict=True))],
                revealed=revealed))
    return RoomResults(room, lesson.id, lesson.title, [(s.id, here.get(s.id, 0))
                                                       for s in lesson.steps],
                       participants, questions, len(answers))


def _quiz(step: QuizStep, index: int, given: list[RoomAnswer], loaded: LoadedLesson,
          revealed: bool) -> QuestionResult:
    correct = sum(1 for a in given if a.correct)
    if step.kind == "numeric":
        numbers = [from_typed(float(a.value), step.unit) for a in given
                   if isinstance(a.value, int | float)]
        expected = loaded.answers.get(step.id)
        return QuestionResult(step.id, index, "numeric", step.question, step.unit, len(given),
                              numbers=numbers, summary=summarize(numbers, expected),
                              expected=expected, correct=correct, revealed=revealed)
    counts = [0] * len(step.choices)
    for answer in given:
        for picked in answer.value if isinstance(answer.value, list) else []:
            if 0 <= picked < len(counts):
                counts[picked] += 1
    return QuestionResult(
        step.id, index, step.kind, step.question, step.unit, len(given),
        choices=[ChoiceCount(choice.text, count, choice.correct)
                 for choice, count in zip(step.choices, counts, strict=True)],
        correct=correct, revealed=revealed)
