"""Grading quiz answers and predictions. Numbers the learner types are in the unit shown to them
(18.25 for 18.25%), so the conversion lives here, in one place."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Unit = Literal["percent", "yuan", "share", "number"]
Verdict = Literal["under", "close", "over"]


def from_typed(value: float, unit: Unit) -> float:
    """What the learner typed → the value answers are computed in (18.25 % → 0.1825)."""
    return value / 100 if unit in ("percent", "share") else value


def to_shown(value: float, unit: Unit) -> float:
    return value * 100 if unit in ("percent", "share") else value


def grade_choices(selected: set[int], correct: set[int]) -> bool:
    """Right only when exactly the correct choices are picked (no partial credit)."""
    return selected == correct


def grade_number(value: float, expected: float, tolerance: float) -> bool:
    """Within ``tolerance`` of the expected value, relative (0.01 = within 1%)."""
    if expected == 0:
        return abs(value) <= tolerance
    return abs(value - expected) <= tolerance * abs(expected)


@dataclass(frozen=True)
class Reveal:
    """A prediction next to the real value: teaching by the size of the surprise. A guess
    within ``tolerance`` (relative, as for numeric quizzes) counts as right."""

    guess: float
    actual: float
    tolerance: float = 0.0

    @property
    def gap(self) -> float:
        return self.actual - self.guess

    @property
    def relative_gap(self) -> float:
        """How far off, as a share of the real value (0.5 = the guess was half too low)."""
        return self.gap / self.actual if self.actual else math.inf if self.gap else 0.0

    @property
    def verdict(self) -> Verdict:
        if grade_number(self.guess, self.actual, self.tolerance):
            return "close"
        return "under" if self.guess < self.actual else "over"

    @property
    def underestimated(self) -> bool:
        return self.verdict == "under"
