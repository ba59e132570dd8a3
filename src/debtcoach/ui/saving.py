"""The app's store: a save that fails mid-session (disk full, file locked) is told to the user
and the session goes on; what was saved before stays as it was."""

from __future__ import annotations

from collections.abc import Callable

from debtcoach.errors import InputError
from debtcoach.store import Action, AnswerKind, AnswerValue, Store


class SessionStore(Store):
    """A :class:`Store` whose background saves report failures to ``on_failure`` instead of
    raising, and tell ``on_kept_other`` when another window's further progress was kept."""

    on_failure: Callable[[InputError], None] | None = None
    on_kept_other: Callable[[], None] | None = None

    def _failed(self, error: InputError) -> None:
        if self.on_failure is None:
            raise error
        self.on_failure(error)

    def save_progress(self, lesson_id: str, log: list[Action], step_id: str,
                      finished: bool) -> bool:
        try:
            saved = super().save_progress(lesson_id, log, step_id, finished)
        except InputError as error:
            self._failed(error)
            return False
        if not saved and self.on_kept_other is not None:
            self.on_kept_other()
        return saved

    def record_answer(self, lesson_id: str, step_id: str, kind: AnswerKind, value: AnswerValue,
                      correct: bool | None, expected: float | None) -> None:
        try:
            super().record_answer(lesson_id, step_id, kind, value, correct, expected)
        except InputError as error:
            self._failed(error)

    def set_setting(self, key: str, value: str) -> None:
        try:
            super().set_setting(key, value)
        except InputError as error:
            self._failed(error)
