"""The export file: one JSON document a learner can keep, move to another computer and import.

Importing checks the whole document first and names the first problem by its path
(``progress[2].log[5]``), so a bad or foreign file never half-replaces someone's progress.
"""

from __future__ import annotations

import json
import sys
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NoReturn, cast

from debtcoach.errors import InputError
from debtcoach.store.records import (
    Answer,
    AnswerKind,
    Progress,
    answer_value_ok,
    decode_log,
    finite_number,
    is_action,
)

FORMAT = "debtcoach-progress"
VERSION = 1
_KINDS = ("quiz", "predict")
_TOP = ("format", "version", "settings", "progress", "answers")
_PROGRESS = ("lesson_id", "step_id", "finished", "updated_at", "log")
_ANSWER = ("lesson_id", "step_id", "kind", "value", "correct", "expected", "answered_at")


@dataclass(frozen=True)
class Document:
    """Everything an export holds; ``progress`` is in save order, the last one most recent."""

    progress: dict[str, Progress]
    answers: list[Answer]
    settings: dict[str, str]


def to_text(document: Document) -> str:
    """The document as JSON, one lesson or answer a line (long logs stay readable and diffable)."""
    progress = [
        {"lesson_id": lesson_id, "step_id": p.step_id, "finished": p.finished,
         "updated_at": p.updated_at.isoformat(), "log": p.log}
        for lesson_id, p in document.progress.items()
    ]
    answers = [
        {"lesson_id": a.lesson_id, "step_id": a.step_id, "kind": a.kind, "value": a.value,
         "correct": a.correct, "expected": a.expected, "answered_at": a.answered_at.isoformat()}
        for a in document.answers
    ]
    return (f'{{\n "format": {_json(FORMAT)},\n "version": {VERSION},\n'
            f' "settings": {_json(document.settings)},\n'
            f' "progress": {_lines(progress)},\n "answers": {_lines(answers)}\n}}\n')


def parse(text: str, source: str) -> Document:
    """The checked document in ``text``; the first fault raises InputError at ``source: path``."""
    return _Parser(source).document(text)


def check_progress(item: Any) -> tuple[str, Progress]:
    """One progress entry as an export holds it, checked as an import would (InputError at
    ``progress.<field>``)."""
    return _Parser("").progress(item, "progress")


def check_answer(item: Any) -> Answer:
    """One answer entry as an export holds it, checked as an import would."""
    return _Parser("").answer(item, "answers")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _lines(items: list[dict[str, Any]]) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(f"  {_json(item)}" for item in items) + "\n ]"


def _shown(value: Any) -> str:
    """A short rendering of a bad value for the message (whole documents would flood a line)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # bytes or nan from a damaged database row
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source

    def at(self, path: str) -> str:
        """The error field: the file, then the path inside it."""
        if not self.source:
            return path
        return f"{self.source}: {path}" if path else self.source

    def document(self, text: str) -> Document:
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except ValueError as exc:  # JSONDecodeError, NaN/Infinity
            raise InputError(self.at(""), "export_not_json", detail=str(exc)) from None
        except RecursionError:
            raise InputError(self.at(""), "nesting_too_deep",
                             limit=sys.getrecursionlimit()) from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            shown = data.get("format") if isinstance(data, dict) else data
            raise InputError(self.at("format"), "export_format", value=_shown(shown))
        version = data.get("version")
        if type(version) is not int or version != VERSION:
            raise InputError(self.at("version"), "export_version", value=_shown(version),
                             supported=VERSION)
        self.keys(data, "", _TOP)
        settings = {
            self.text(key, "settings"): self.text(value, f"settings.{key}", empty=True)
            for key, value in self.object(data["settings"], "settings").items()
        }
        progress: dict[str, Progress] = {}
        for index, item in enumerate(self.array(data["progress"], "progress")):
            lesson_id, saved = self.progress(item, f"progress[{index}]")
            if lesson_id in progress:
                raise InputError(self.at(f"progress[{index}].lesson_id"), "progress_duplicate",
                                 value=lesson_id)
            progress[lesson_id] = saved
        answers = [self.answer(item, f"answers[{index}]")
                   for index, item in enumerate(self.array(data["answers"], "answers"))]
        return Document(progress, answers, settings)

    def progress(self, item: Any, path: str) -> tuple[str, Progress]:
        item = self.keys(self.object(item, path), path, _PROGRESS)
        log = self.array(item["log"], f"{path}.log")
        for index, action in enumerate(log):
            if not is_action(action):
                raise InputError(self.at(f"{path}.log[{index}]"), "action_invalid",
                                 value=_shown(action))
        return self.text(item["lesson_id"], f"{path}.lesson_id"), Progress(
            log=decode_log(log),
            step_id=self.text(item["step_id"], f"{path}.step_id"),
            finished=self.flag(item["finished"], f"{path}.finished"),
            updated_at=self.moment(item["updated_at"], f"{path}.updated_at"),
        )

    def answer(self, item: Any, path: str) -> Answer:
        item = self.keys(self.object(item, path), path, _ANSWER)
        kind, value = item["kind"], item["value"]
        if kind not in _KINDS:
            raise InputError(self.at(f"{path}.kind"), "choice_invalid", value=_shown(kind),
                             allowed=", ".join(_KINDS))
        if not answer_value_ok(value):
            raise InputError(self.at(f"{path}.value"), "value_invalid", value=_shown(value))
        correct = item["correct"]
        expected = item["expected"]
        if expected is not None and not finite_number(expected):
            raise InputError(self.at(f"{path}.expected"), "number_invalid", value=_shown(expected))
        return Answer(
            lesson_id=self.text(item["lesson_id"], f"{path}.lesson_id"),
            step_id=self.text(item["step_id"], f"{path}.step_id"),
            kind=cast(AnswerKind, kind),
            value=value,
            correct=None if correct is None else self.flag(correct, f"{path}.correct"),
            expected=None if expected is None else float(expected),
            answered_at=self.moment(item["answered_at"], f"{path}.answered_at"),
        )

    # --- one value each -------------------------------------------------------------------

    def keys(self, data: dict[str, Any], path: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        prefix = f"{path}." if path else ""
        for key in allowed:
            if key not in data:
                raise InputError(self.at(prefix + key), "field_missing")
        for key in data:
            if key not in allowed:
                raise InputError(self.at(prefix + key), "field_unknown")
        return data

    def object(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise InputError(self.at(path), "object_invalid", value=_shown(value))
        return value

    def array(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            raise InputError(self.at(path), "array_invalid", value=_shown(value))
        return value

    def text(self, value: Any, path: str, empty: bool = False) -> str:
        if not isinstance(value, str):
            raise InputError(self.at(path), "text_invalid", value=_shown(value))
        if not value and not empty:
            raise InputError(self.at(path), "text_empty")
        return value

    def flag(self, value: Any, path: str) -> bool:
        if not isinstance(value, bool):
            raise InputError(self.at(path), "bool_invalid", value=_shown(value))
        return value

    def moment(self, value: Any, path: str) -> datetime:
        """An ISO time with its UTC offset (what exports write), normalised to UTC."""
        moment = None
        if isinstance(value, str):
            with suppress(ValueError):
                moment = datetime.fromisoformat(value)
        if moment is None or moment.tzinfo is None:
            raise InputError(self.at(path), "datetime_invalid", value=_shown(value))
        return moment.astimezone(UTC)
