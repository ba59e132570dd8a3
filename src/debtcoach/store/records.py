"""What the store keeps, as plain values, and how a lesson's action log becomes text and back.

A log is the player's list of action tuples (``("quiz", [0, 2], None)``). It is stored as JSON:
each action an array whose first item names it, the rest JSON scalars or lists. Only values that
come back *exactly* (same types, same floats) are accepted, so a resumed lesson is the lesson left.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

AnswerKind = Literal["quiz", "predict"]
AnswerValue = float | list[int] | None
Action = tuple[Any, ...]


@dataclass(frozen=True)
class Progress:
    """One lesson's saved place: the log to replay, the step it shows, and whether it is done."""

    log: list[Action]
    step_id: str
    finished: bool
    updated_at: datetime


@dataclass(frozen=True)
class Answer:
    """One quiz answer or prediction, kept for statistics and a later self-assessment."""

    lesson_id: str
    step_id: str
    kind: AnswerKind
    value: AnswerValue
    correct: bool | None
    expected: float | None
    answered_at: datetime


def plain(value: object) -> bool:
    """A value JSON gives back unchanged: None, bool, int, finite float, str, or a list of them."""
    if value is None or isinstance(value, bool | int | str):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(plain(item) for item in value)
    return False


def is_action(value: object) -> bool:
    """A named action: a non-empty sequence whose first item is text and the rest plain values."""
    return (isinstance(value, tuple | list) and len(value) > 0 and isinstance(value[0], str)
            and all(plain(item) for item in value[1:]))


def finite_number(value: object) -> bool:
    """An int or finite float, not a bool (JSON and SQLite keep true and 1 apart; so do we)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def answer_value_ok(value: object) -> bool:
    """An answer's value: a typed number, the picked choice indexes, or nothing."""
    if isinstance(value, list):
        return all(isinstance(item, int) and not isinstance(item, bool) for item in value)
    return value is None or finite_number(value)


def encode_log(log: list[Action]) -> str:
    """The log as JSON text; raises ValueError for anything that would not come back exactly."""
    for index, action in enumerate(log):
        if not (isinstance(action, tuple) and is_action(action)):
            raise ValueError(f"log[{index}] cannot be saved exactly: {action!r}")
    return json.dumps(log, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def decode_log(actions: list[list[Any]]) -> list[Action]:
    """Decoded JSON arrays back to the player's action tuples (inner lists stay lists)."""
    return [tuple(action) for action in actions]
