"""The progress database: one SQLite file in WAL mode, short transactions, private to the user.

Every write is one ``BEGIN IMMEDIATE`` transaction, so two open stores (two terminals) take turns
instead of corrupting the file. SQLite failures become an :class:`InputError` naming the file:
a damaged or foreign file is reported and left exactly as it was, never recreated over.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast

from debtcoach.errors import InputError
from debtcoach.store import exchange
from debtcoach.store.paths import db_path
from debtcoach.store.records import (
    Action,
    Answer,
    AnswerKind,
    AnswerValue,
    Progress,
    answer_value_ok,
    decode_log,
    encode_log,
)

# Each entry upgrades the schema by one version (PRAGMA user_version = its position + 1).
# Append, never edit: files in the wild are at every earlier version.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE progress (
            lesson_id TEXT PRIMARY KEY,
            log TEXT NOT NULL,          -- JSON array of actions, see records.encode_log
            step_id TEXT NOT NULL,
            finished INTEGER NOT NULL,
            updated_at TEXT NOT NULL,   -- ISO 8601, UTC
            saved INTEGER NOT NULL      -- save order: the highest is the lesson to continue
        )""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('quiz', 'predict')),
            value TEXT NOT NULL,        -- JSON: a number, a list of choice indexes, or null
            correct INTEGER,
            expected REAL,
            answered_at TEXT NOT NULL
        )""",
        "CREATE INDEX answers_by_lesson ON answers (lesson_id, id)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    (  # workshop rooms (see rooms.py): answers are unique per participant and step
        """CREATE TABLE rooms (
            code TEXT PRIMARY KEY,
            lesson_id TEXT,                 -- the lesson everyone plays; NULL: participants choose
            paced INTEGER NOT NULL,         -- 1: nobody moves past open_step
            open_step INTEGER NOT NULL,     -- with pacing: the last step index open to the room
            closed INTEGER NOT NULL,        -- 1: no one joins and no answer is kept
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE room_participants (
            room TEXT NOT NULL,
            participant TEXT NOT NULL,      -- random id from the browser's cookie or the terminal
            number INTEGER NOT NULL,        -- anonymous id shown to the room: P1, P2, …
            nickname TEXT,                  -- only when given
            connected INTEGER NOT NULL,
            lesson_id TEXT,
            step_id TEXT,                   -- where the participant is now
            joined_at TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (room, participant)
        )""",
        """CREATE TABLE room_progress (
            room TEXT NOT NULL,
            participant TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            log TEXT NOT NULL,
            step_id TEXT NOT NULL,
            finished INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (room, participant, lesson_id)
        )""",
        """CREATE TABLE room_answers (
            id INTEGER PRIMARY KEY,
            room TEXT NOT NULL,
            participant TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('quiz', 'predict', 'decision')),
            value TEXT NOT NULL,            -- JSON: a number, a list of choice indexes, or null
            correct INTEGER,
            expected REAL,
            answered_at TEXT NOT NULL,
            UNIQUE (room, participant, lesson_id, step_id)
        )""",
        """CREATE TABLE room_reveals (
            room TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            PRIMARY KEY (room, lesson_id, step_id)
        )""",
    ),
]

# How long a store waits for another one's write to finish before reporting the file busy.
_BUSY_SECONDS = 5.0


@contextmanager
def _reported(path: Path) -> Iterator[None]:
    """SQLite's failures as InputErrors about ``path``; programming errors pass through."""
    try:
        yield
    except sqlite3.OperationalError as exc:  # locked too long, disk full, read-only, …
        raise InputError(str(path), "store_unavailable", detail=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if type(exc) is not sqlite3.DatabaseError:  # IntegrityError, ProgrammingError, …
            raise
        raise InputError(str(path), "store_corrupt") from exc  # not a database, malformed


def _now() -> datetime:
    return datetime.now(UTC)


class Store:
    """Saved lessons, answers and settings in ``<data dir>/progress.sqlite3``.

    Open with :meth:`open` (creating the folder and file, private to the user) and close when
    done, or use it as a context manager. One store belongs to the thread that opened it.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, folder: Path) -> Self:
        """The store in ``folder``, created (0700 folder, 0600 file) and upgraded as needed.
        A folder that already existed keeps its permissions (it may be the user's home); the
        database file is always private."""
        path = db_path(folder)
        try:
            if not folder.exists():
                folder.mkdir(mode=0o700, parents=True)
                folder.chmod(0o700)
            os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
            path.chmod(0o600)
        except OSError as exc:
            raise InputError(str(path), "store_unavailable",
                             detail=exc.strerror or str(exc)) from exc
        with _reported(path):
            connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
        store = cls(connection, path)
        try:
            with _reported(path):
                connection.execute("PRAGMA journal_mode = WAL")
                # Safe from corruption in WAL mode; a power cut may only lose the latest saves.
                connection.execute("PRAGMA synchronous = NORMAL")
                if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise InputError(str(path), "store_corrupt")
            store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with _reported(self.path):
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # --- lessons --------------------------------------------------------------------------

    def save_progress(self, lesson_id: str, log: list[Action], step_id: str,
                      finished: bool) -> None:
        """Save a lesson's place; it becomes the :meth:`last_lesson`.

        Raises ValueError (writing nothing) for an empty id or a log that would not come back
        exactly: what is saved must survive an export and import.
        """
        _check_ids(lesson_id, step_id)
        with self._transaction() as db:
            saved = db.execute("SELECT COALESCE(MAX(saved), 0) + 1 FROM progress").fetchone()[0]
            _put_progress(db, lesson_id, Progress(log, step_id, finished, _now()), saved)

    def load_progress(self, lesson_id: str) -> Progress | None:
        with _reported(self.path):
            row = self._db.execute(f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE lesson_id = ?",
                                   (lesson_id,)).fetchone()
        return None if row is None else _progress(row)[1]

    def all_progress(self) -> dict[str, Progress]:
        """Every saved lesson, in save order (the most recent last)."""
        with _reported(self.path):
            rows = self._db.execute(
                f"SELECT {_PROGRESS_COLUMNS} FROM progress ORDER BY saved").fetchall()
        return dict(_progress(row) for row in rows)

    def last_lesson(self) -> str | None:
        """The lesson saved most recently, finished or not: "continue where you left off"."""
        with _reported(self.path):
            row = self._db.execute(
                "SELECT lesson_id FROM progress ORDER BY saved DESC LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    # --- answers --------------------------------------------------------------------------

    def record_answer(self, lesson_id: str, step_id: str, kind: AnswerKind, value: AnswerValue,
                      correct: bool | None, expected: float | None) -> None:
        """Keep one quiz answer or prediction (a retry is a new row, not a replacement)."""
        _check_ids(lesson_id, step_id)
        if kind not in ("quiz", "predict") or not answer_value_ok(value):
            raise ValueError(f"not an answer: kind={kind!r} value={value!r}")
        with self._transaction() as db:
            _put_answer(db, Answer(lesson_id, step_id, kind, value, correct, expected, _now()))

    def answers(self, lesson_id: str | None = None) -> list[Answer]:
        """Answers of one lesson (or of all, for ``None``) in the order they were given."""
        where, params = ("WHERE lesson_id = ?", (lesson_id,)) if lesson_id is not None else ("", ())
        with _reported(self.path):
            rows = self._db.execute(
                "SELECT lesson_id, step_id, kind, value, correct, expected, answered_at "
                f"FROM answers {where} ORDER BY id", params).fetchall()
        return [Answer(lesson_id, step_id, cast(AnswerKind, kind), json.loads(value),
                       None if correct is None else bool(correct), expected,
                       datetime.fromisoformat(answered_at))
                for lesson_id, step_id, kind, value, correct, expected, answered_at in rows]

    # --- settings -------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        with _reported(self.path):
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        _check_ids(key)
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def settings(self) -> dict[str, str]:
        with _reported(self.path):
            rows = self._db.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        return {str(key): str(value) for key, value in rows}

    # --- starting over, moving --------------------------------------------------------------

    def reset_lesson(self, lesson_id: str) -> None:
        """Start one lesson over: its progress and its answers go."""
        with self._transaction() as db:
            db.execute("DELETE FROM progress WHERE lesson_id = ?", (lesson_id,))
            db.execute("DELETE FROM answers WHERE lesson_id = ?", (lesson_id,))

    def reset_all(self) -> None:
        """Start every lesson over; settings (language, theme) stay."""
        with self._transaction() as db:
            db.execute("DELETE FROM progress")
            db.execute("DELETE FROM answers")

    def export_progress(self) -> str:
        """Progress, answers and settings as one JSON document (see :mod:`.exchange`)."""
        with self._transaction("BEGIN"):  # one snapshot, even while another store saves
            document = exchange.Document(self.all_progress(), self.answers(), self.settings())
        return exchange.to_text(document)

    def import_progress(self, text: str, source: str = "import") -> None:
        """Replace all progress and answers with an export's, and take its settings.

        The whole document is checked first (errors name ``source`` and the path inside it);
        then one transaction swaps the data, so a bad file changes nothing.
        """
        document = exchange.parse(text, source)
        with self._transaction() as db:
            db.execute("DELETE FROM progress")
            db.execute("DELETE FROM answers")
            for saved, (lesson_id, progress) in enumerate(document.progress.items(), start=1):
                _put_progress(db, lesson_id, progress, saved)
            for answer in document.answers:
                _put_answer(db, answer)
            db.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                           document.settings.items())

    # --- internals ------------------------------------------------------------------------

    @contextmanager
    def _transaction(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One short transaction. Writes take the lock at once (IMMEDIATE), so concurrent
        stores queue for up to ``_BUSY_SECONDS`` instead of failing halfway."""
        with _reported(self.path):
            self._db.execute(begin)
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _migrate(self) -> None:
        """Bring the file to the newest schema; refuse (untouched) one made by a newer version."""
        with self._transaction() as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > len(MIGRATIONS):
                raise InputError(str(self.path), "store_too_new", version=version,
                                 supported=len(MIGRATIONS))
            for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in statements:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")


_PROGRESS_COLUMNS = "lesson_id, log, step_id, finished, updated_at"


def _check_ids(*ids: str) -> None:
    """Ids and setting keys are never empty: an export holding one could not be imported."""
    if not all(ids):
        raise ValueError(f"empty id in {ids!r}")


def _progress(row: tuple[Any, ...]) -> tuple[str, Progress]:
    lesson_id, log, step_id, finished, updated_at = row
    return str(lesson_id), Progress(decode_log(json.loads(log)), str(step_id), bool(finished),
                                    datetime.fromisoformat(updated_at))


def _put_progress(db: sqlite3.Connection, lesson_id: str, progress: Progress, saved: int) -> None:
    db.execute(
        "INSERT OR REPLACE INTO progress (lesson_id, log, step_id, finished, updated_at, saved) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (lesson_id, encode_log(progress.log), progress.step_id, progress.finished,
         progress.updated_at.isoformat(), saved),
    )


def _put_answer(db: sqlite3.Connection, answer: Answer) -> None:
    db.execute(
        "INSERT INTO answers (lesson_id, step_id, kind, value, correct, expected, answered_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (answer.lesson_id, answer.step_id, answer.kind, json.dumps(answer.value),
         answer.correct, answer.expected, answer.answered_at.isoformat()),
    )
