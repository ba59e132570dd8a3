"""Workshop rooms in the facilitator's store: who joined, where each participant is, what they
answered, and how the facilitator paces the room.

Dozens of participant processes write the same file at once. Every write is one ``BEGIN
IMMEDIATE`` transaction with a busy timeout (see :class:`Store`), and answers are idempotent: the
first answer of a participant to a step is the room's, a repeated write changes nothing.
Participants are anonymous (a random id and a join number) unless they give a nickname.

A participant counts as connected while their app says so (it joined and has not left) and was
seen lately: a running app writes a heartbeat every HEARTBEAT_SECONDS, so one whose terminal was
killed (no chance to say goodbye) drops out of the room after STALE_AFTER. A heartbeat, not a
process id, because a process id means nothing on another machine sharing the folder.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import unicodedata
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, Self, cast

from debtcoach.errors import InputError
from debtcoach.store.db import Store, _check_ids, _reported
from debtcoach.store.records import (
    Action,
    AnswerKind,
    AnswerValue,
    Progress,
    answer_value_ok,
    decode_log,
    encode_log,
)

RoomAnswerKind = Literal["quiz", "predict", "decision"]

HEARTBEAT_SECONDS = 5.0  # how often a participant's running app says it is still there
STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_SECONDS)  # silent longer: gone (two beats missed)

# Room codes are read aloud and typed: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 4
_CODE = re.compile(r"^[A-Z0-9]{3,12}$")
_PARTICIPANT = re.compile(r"^[0-9a-f]{16,64}$")
NICKNAME_MAX = 20

@dataclass(frozen=True)
class Room:
    code: str
    lesson_id: str | None
    paced: bool
    open_step: int
    closed: bool
    created_at: datetime


@dataclass(frozen=True)
class Participant:
    participant: str
    number: int
    nickname: str | None
    connected: bool
    lesson_id: str | None
    step_id: str | None
    seen_at: datetime

    @property
    def label(self) -> str:
        """What the room sees: the nickname, else the anonymous join number."""
        return self.nickname or f"P{self.number}"


@dataclass(frozen=True)
class RoomAnswer:
    participant: str
    lesson_id: str
    step_id: str
    kind: RoomAnswerKind
    value: AnswerValue
    correct: bool | None
    expected: float | None
    answered_at: datetime


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_participant_id() -> str:
    return secrets.token_hex(8)


def parse_code(text: str, field: str = "--room") -> str:
    """A room code as typed (any case, spaces around) or an InputError saying what is allowed."""
    code = text.strip().upper()
    if not _CODE.match(code):
        raise InputError(field, "room_code", value=text)
    return code


def participant_ok(text: str) -> bool:
    return bool(_PARTICIPANT.match(text))


def clean_nickname(text: str) -> str | None:
    """A nickname safe to show: control and format characters dropped, spaces squeezed, at most
    NICKNAME_MAX characters; None when nothing is left (anonymous)."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "C")
    squeezed = " ".join(kept.split())[:NICKNAME_MAX].strip()
    return squeezed or None


def _now() -> datetime:
    return datetime.now(UTC)


class RoomStore(Store):
    """The facilitator's side: open, pace, reveal, close and read rooms."""

    def create_room(self, code: str, lesson_id: str | None, paced: bool = False) -> Room:
        """Open the room ``code`` (kept as it is if it already exists, so a restarted server
        continues the same room)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO rooms (code, lesson_id, paced, open_step, closed, created_at) "
                "VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (code) DO UPDATE SET "
                "lesson_id = COALESCE(excluded.lesson_id, rooms.lesson_id)",
                (code, lesson_id, paced, _now().isoformat()))
        room = self.room(code)
        assert room is not None
        return room

    def room(self, code: str) -> Room | None:
        with _reported(self.path):
            row = self._db.execute(
                "SELECT code, lesson_id, paced, open_step, closed, created_at FROM rooms "
                "WHERE code = ?", (code,)).fetchone()
        if row is None:
            return None
        code, lesson_id, paced, open_step, closed, created_at = row
        return Room(code, lesson_id, bool(paced), int(open_step), bool(closed),
                    datetime.fromisoformat(created_at))

    def require_room(self, code: str, field: str = "--room") -> Room:
        room = self.room(code)
        if room is None:
            raise InputError(field, "room_unknown", room=code, path=str(self.path.parent))
        return room

    def rooms(self) -> list[str]:
        with _reported(self.path):
            return [str(row[0]) for row in
                    self._db.execute("SELECT code FROM rooms ORDER BY created_at")]

    def set_pacing(self, code: str, paced: bool) -> None:
        self._update_room(code, "paced = ?", paced)

    def open_step(self, code: str, index: int) -> None:
        """With pacing: let the room go up to step ``index`` (0-based)."""
        self._update_room(code, "open_step = ?", max(0, index))

    def set_closed(self, code: str, closed: bool) -> None:
        self._update_room(code, "closed = ?", closed)

    def reveal(self, code: str, lesson_id: str, step_id: str, shown: bool = True) -> None:
        """Show (or hide again) a question's share correct on the dashboard."""
        with self._transaction() as db:
            if shown:
                db.execute("INSERT OR IGNORE INTO room_reveals (room, lesson_id, step_id) "
                           "VALUES (?, ?, ?)", (code, lesson_id, step_id))
            else:
                db.execute("DELETE FROM room_reveals WHERE room = ? AND lesson_id = ? "
                           "AND step_id = ?", (code, lesson_id, step_id))

    def reveals(self, code: str) -> set[tuple[str, str]]:
        with _reported(self.path):
            rows = self._db.execute("SELECT lesson_id, step_id FROM room_reveals WHERE room = ?",
                                    (code,)).fetchall()
        return {(str(lesson), str(step)) for lesson, step in rows}

    def reset_room(self, code: str) -> None:
        """Start the room over: participants, places, answers and reveals go; the room, its
        lesson and its pacing setting stay, pacing back at the first step."""
        with self._transaction() as db:
            for table in ("room_participants", "room_progress", "room_answers", "room_reveals"):
                db.execute(f"DELETE FROM {table} WHERE room = ?", (code,))
            db.execute("UPDATE rooms SET open_step = 0, closed = 0 WHERE code = ?", (code,))

    def participants(self, code: str, now: datetime | None = None) -> list[Participant]:
        """The room's participants in join order; connected: joined, not left, and seen within
        STALE_AFTER of ``now``."""
        now = now or _now()
        with _reported(self.path):
            rows = self._db.execute(
                "SELECT participant, number, nickname, connected, lesson_id, step_id, seen_at "
                "FROM room_participants WHERE room = ? ORDER BY number", (code,)).fetchall()
        people = []
        for p, n, nick, c, lesson, step, seen in rows:
            seen_at = datetime.fromisoformat(seen)
            present = bool(c) and now - seen_at <= STALE_AFTER
            people.append(Participant(str(p), int(n), nick, present, lesson, step, seen_at))
        return people

    def room_answers(self, code: str) -> list[RoomAnswer]:
        """Every answer kept in the room, in the order given."""
        with _reported(self.path):
            rows = self._db.execute(
                "SELECT participant, lesson_id, step_id, kind, value, correct, expected, "
                "answered_at FROM room_answers WHERE room = ? ORDER BY id", (code,)).fetchall()
        return [RoomAnswer(str(p), str(lesson), str(step), cast(RoomAnswerKind, kind),
                           json.loads(value), None if correct is None else bool(correct),
                           expected, datetime.fromisoformat(at))
                for p, lesson, step, kind, value, correct, expected, at in rows]

    def count_answers(self, code: str) -> int:
        with _reported(self.path):
            return int(self._db.execute("SELECT COUNT(*) FROM room_answers WHERE room = ?",
                                        (code,)).fetchone()[0])

    def join(self, code: str, participant: str) -> int:
        """Add a participant (or welcome one back) and mark them connected; their join number."""
        if not participant_ok(participant):
            raise ValueError(f"not a participant id: {participant!r}")
        now = _now().isoformat()
        with self._transaction() as db:
            row = db.execute("SELECT number FROM room_participants WHERE room = ? AND "
                             "participant = ?", (code, participant)).fetchone()
            if row is not None:
                db.execute("UPDATE room_participants SET connected = 1, seen_at = ? "
                           "WHERE room = ? AND participant = ?", (now, code, participant))
                return int(row[0])
            number = int(db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM "
                                    "room_participants WHERE room = ?", (code,)).fetchone()[0])
            db.execute("INSERT INTO room_participants (room, participant, number, nickname, "
                       "connected, joined_at, seen_at) VALUES (?, ?, ?, NULL, 1, ?, ?)",
                       (code, participant, number, now, now))
            return number

    def set_connected(self, code: str, participant: str, connected: bool) -> None:
        with self._transaction() as db:
            db.execute("UPDATE room_participants SET connected = ?, seen_at = ? "
                       "WHERE room = ? AND participant = ?",
                       (connected, _now().isoformat(), code, participant))

    def _update_room(self, code: str, assignment: str, value: Any) -> None:
        with self._transaction() as db:
            db.execute(f"UPDATE rooms SET {assignment} WHERE code = ?", (value, code))


class ParticipantStore(RoomStore):
    """A participant's app in a room: the same calls the app makes on its own store, but progress
    and answers are kept under the room and this participant, so the room's players never
    overwrite one another, and settings saved from the app stay with the process."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        super().__init__(connection, path)
        self.room_code = ""
        self.participant = ""
        self._local_settings: dict[str, str] = {}

    @classmethod
    def enter(cls, folder: Path, code: str, participant: str) -> Self:
        """Open the facilitator's store as ``participant`` of room ``code`` (which must exist)."""
        store = cls.open(folder)
        try:
            store.require_room(code)
            store.room_code, store.participant = code, participant
            store.join(code, participant)
        except BaseException:
            store.close()
            raise
        return store

    @property
    def current_room(self) -> Room:
        room = self.room(self.room_code)
        if room is None:  # removed under us: behave as a closed room
            return Room(self.room_code, None, False, 0, True, _now())
        return room

    def nickname(self) -> str | None:
        with _reported(self.path):
            row = self._db.execute("SELECT nickname FROM room_participants WHERE room = ? AND "
                                   "participant = ?", (self.room_code, self.participant)
                                   ).fetchone()
        return None if row is None else row[0]

    def heartbeat(self, now: datetime | None = None) -> None:
        """Still here (the app calls this every HEARTBEAT_SECONDS while it runs)."""
        with self._transaction() as db:
            db.execute("UPDATE room_participants SET seen_at = ? WHERE room = ? AND "
                       "participant = ?", ((now or _now()).isoformat(), self.room_code,
                                           self.participant))

    def set_nickname(self, text: str) -> str | None:
        nickname = clean_nickname(text)
        with self._transaction() as db:
            db.execute("UPDATE room_participants SET nickname = ? WHERE room = ? AND "
                       "participant = ?", (nickname, self.room_code, self.participant))
        return nickname

    def may_enter(self, index: int) -> bool:
        """Pacing: whether step ``index`` (0-based) is open to the room."""
        room = self.current_room
        return not room.paced or index <= room.open_step

    # --- the app's calls, kept under the room ----------------------------------------------

    def save_progress(self, lesson_id: str, log: list[Action], step_id: str,
                      finished: bool) -> bool:
        """Save this participant's place (always kept: one process per participant); a
        decision just taken is kept as the room's answer."""
        _check_ids(lesson_id, step_id)
        text = encode_log(log)
        now = _now().isoformat()
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO room_progress (room, participant, lesson_id, log, "
                "step_id, finished, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (self.room_code, self.participant, lesson_id, text, step_id, finished, now))
            db.execute("UPDATE room_participants SET lesson_id = ?, step_id = ?, seen_at = ? "
                       "WHERE room = ? AND participant = ?",
                       (lesson_id, step_id, now, self.room_code, self.participant))
            if log and log[-1][0] == "decide" and len(log[-1]) == 2:
                self._put(db, lesson_id, step_id, "decision", [int(log[-1][1])], None, None)
        return True

    def load_progress(self, lesson_id: str) -> Progress | None:
        return self.all_progress().get(lesson_id)

    def all_progress(self) -> dict[str, Progress]:
        with _reported(self.path):
            rows = self._db.execute(
                "SELECT lesson_id, log, step_id, finished, updated_at FROM room_progress "
                "WHERE room = ? AND participant = ? ORDER BY updated_at",
                (self.room_code, self.participant)).fetchall()
        return {str(lesson): Progress(decode_log(json.loads(log)), str(step), bool(finished),
                                      datetime.fromisoformat(at))
                for lesson, log, step, finished, at in rows}

    def last_lesson(self) -> str | None:
        progress = self.all_progress()
        return list(progress)[-1] if progress else None

    def record_answer(self, lesson_id: str, step_id: str, kind: AnswerKind, value: AnswerValue,
                      correct: bool | None, expected: float | None) -> None:
        """Keep the participant's first answer to the step (a repeat changes nothing)."""
        _check_ids(lesson_id, step_id)
        if kind not in ("quiz", "predict") or not answer_value_ok(value):
            raise ValueError(f"not an answer: kind={kind!r} value={value!r}")
        with self._transaction() as db:
            self._put(db, lesson_id, step_id, kind, value, correct, expected)

    def reset_lesson(self, lesson_id: str) -> None:
        """Replay the lesson from the start; the room keeps the answers already given."""
        with self._transaction() as db:
            db.execute("DELETE FROM room_progress WHERE room = ? AND participant = ? AND "
                       "lesson_id = ?", (self.room_code, self.participant, lesson_id))

    def reset_all(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM room_progress WHERE room = ? AND participant = ?",
                       (self.room_code, self.participant))

    def get_setting(self, key: str) -> str | None:
        return self._local_settings.get(key, super().get_setting(key))

    def set_setting(self, key: str, value: str) -> None:
        """A participant's language or theme stays with their process: the facilitator's saved
        settings are not theirs to change."""
        _check_ids(key)
        self._local_settings[key] = value

    def close(self) -> None:
        with suppress(InputError):  # the file went away or is busy: closing must still close
            self.set_connected(self.room_code, self.participant, False)
        super().close()

    def _put(self, db: sqlite3.Connection, lesson_id: str, step_id: str, kind: RoomAnswerKind,
             value: AnswerValue, correct: bool | None, expected: float | None) -> None:
        if self.current_room.closed:
            return
        db.execute(
            "INSERT INTO room_answers (room, participant, lesson_id, step_id, kind, value, "
            "correct, expected, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (room, participant, lesson_id, step_id) DO NOTHING",
            (self.room_code, self.participant, lesson_id, step_id, kind, json.dumps(value),
             correct, expected, _now().isoformat()))
