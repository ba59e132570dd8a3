"""The progress database: one SQLite file in WAL mode, short transactions, private to the user.

Every write is one ``BEGIN IMMEDIATE`` transaction, so two open stores (two terminals) take turns
instead of corrupting the file. SQLite failures become an :class:`InputError` naming the file:
a damaged or foreign file is reported and left exactly as it was, never recreated over.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from debtcoach.errors import InputError
from debtcoach.store import exchange
from debtcoach.store.files import make_private_folders
from debtcoach.store.paths import db_path
from debtcoach.store.records import (
    Action,
    Answer,
    AnswerKind,
    AnswerValue,
    Progress,
    answer_value_ok,
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
    (
        # Rows that could not be read back (damaged by hand or by a bug): moved here whole,
        # reported once, never deleted but by a wipe.
        """CREATE TABLE set_aside (
            id INTEGER PRIMARY KEY,
            from_table TEXT NOT NULL,
            row TEXT NOT NULL,          -- JSON object of the row's columns
            reason TEXT NOT NULL,       -- the field at fault, as an import would name it
            set_aside_at TEXT NOT NULL,
            reported INTEGER NOT NULL DEFAULT 0
        )""",
        # What progress looked like before an import or a reset replaced it (an export document).
        """CREATE TABLE backups (
            id INTEGER PRIMARY KEY,
            made_at TEXT NOT NULL,
            reason TEXT NOT NULL,       -- 'import', 'restore' or 'reset'
            document TEXT NOT NULL
        )""",
        # Export files written, so that a wipe can remove them too.
        "CREATE TABLE exports (path TEXT PRIMARY KEY, written_at TEXT NOT NULL)",
    ),
    (  # self-assessments the person chose to save, and knowledge checks (store/assessments.py)
        """CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            form TEXT NOT NULL,         -- JSON: the form's fields as typed, see assessments.py
            saved_at TEXT NOT NULL      -- ISO 8601, UTC
        )""",
        """CREATE TABLE knowledge_checks (
            id INTEGER PRIMARY KEY,
            moment TEXT NOT NULL CHECK (moment IN ('before', 'after', 'any')),
            taken_at TEXT NOT NULL
        )""",
        """CREATE TABLE knowledge_answers (
            check_id INTEGER NOT NULL REFERENCES knowledge_checks (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            choice INTEGER NOT NULL,    -- index of the option, -1 for "don't know"
            PRIMARY KEY (check_id, question_id)
        )""",
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
# The tables every debtcoach file has from schema 1 on: a file without them is not ours.
_OUR_TABLES = {"progress", "answers", "settings"}
# Backups kept: the oldest go first.
BACKUPS_KEPT = 5

# How long a store waits for another one's write to finish before reporting the file busy
# (writes take milliseconds; the margin is for a machine so loaded that a writer is descheduled).
_BUSY_SECONDS = 15.0


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
        # lesson id -> the save stamp this store last read or wrote (see save_progress)
        self._seen: dict[str, int] = {}

    @classmethod
    def open(cls, folder: Path) -> Self:
        """The store in ``folder``, created (0700 folders, 0600 file) and upgraded as needed.

        A folder that already existed keeps its permissions (it may be the user's home). A file
        that is damaged, not debtcoach's, or from a newer version is refused and left exactly as
        it was; only then is the database made private (never through a symlink) and upgraded.
        Rows that cannot be read back are set aside (see :meth:`newly_set_aside`).
        """
        path = db_path(folder)
        try:
            make_private_folders(folder)
            if not path.exists():
                os.close(os.open(path, os.O_RDONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError as exc:
            raise InputError(str(path), "store_unavailable",
                             detail=exc.strerror or str(exc)) from exc
        with _reported(path):
            connection = sqlite3.connect(path, timeout=_BUSY_SECONDS, isolation_level=None)
        store = cls(connection, path)
        try:
            store._check_is_ours()
            if not path.is_symlink():
                try:
                    path.chmod(0o600)
                except OSError as exc:
                    raise InputError(str(path), "store_unavailable",
                                     detail=exc.strerror or str(exc)) from exc
            with _reported(path):
                connection.execute("PRAGMA journal_mode = WAL")
                # Safe from corruption in WAL mode; a power cut may only lose the latest saves.
                connection.execute("PRAGMA synchronous = NORMAL")
            store._migrate()
            store._set_aside_unreadable_rows()
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
                      finished: bool) -> bool:
        """Save a lesson's place; it becomes the :meth:`last_lesson`.

        Raises ValueError (writing nothing) for an empty id or a log that would not come back
        exactly: what is saved must survive an export and import.

        Two windows on one data folder: when another store saved this lesson since this one
        last read or wrote it, the further progress (the longer log) wins, so the window that
        quits last cannot roll a lesson back. Returns False when the other save was kept.
        """
        _check_ids(lesson_id, step_id)
        encode_log(log)  # refuse before touching the file
        with self._transaction() as db:
            row = db.execute("SELECT log, saved FROM progress WHERE lesson_id = ?",
                             (lesson_id,)).fetchone()
            if row is not None and row[1] != self._seen.get(lesson_id):
                theirs = _log_length(row[0])
                if theirs is not None and theirs > len(log):
                    self._seen[lesson_id] = row[1]
                    return False
            saved = db.execute("SELECT COALESCE(MAX(saved), 0) + 1 FROM progress").fetchone()[0]
            _put_progress(db, lesson_id, Progress(log, step_id, finished, _now()), saved)
        self._seen[lesson_id] = saved
        return True

    def load_progress(self, lesson_id: str) -> Progress | None:
        with _reported(self.path):
            row = self._db.execute(
                f"SELECT {_PROGRESS_COLUMNS}, saved FROM progress WHERE lesson_id = ?",
                (lesson_id,)).fetchone()
        if row is None:
            self._seen.pop(lesson_id, None)
            return None
        self._seen[lesson_id] = row[-1]
        return _readable_progress(row[:-1])

    def all_progress(self) -> dict[str, Progress]:
        """Every readable saved lesson, in save order (the most recent last)."""
        with _reported(self.path):
            rows = self._db.execute(
                f"SELECT {_PROGRESS_COLUMNS}, saved FROM progress ORDER BY saved").fetchall()
        found: dict[str, Progress] = {}
        for row in rows:
            progress = _readable_progress(row[:-1])
            if progress is not None:
                self._seen[str(row[0])] = row[-1]
                found[str(row[0])] = progress
        return found

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
        return [answer for answer in map(_readable_answer, rows) if answer is not None]

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
        """Start every lesson over; settings (language, theme) stay. What was there is kept as
        a backup (:meth:`restore_backup`)."""
        with self._transaction() as db:
            self._back_up(db, "reset")
            db.execute("DELETE FROM progress")
            db.execute("DELETE FROM answers")

    def export_progress(self) -> str:
        """Progress, answers and settings as one JSON document (see :mod:`.exchange`)."""
        with self._transaction("BEGIN"):  # one snapshot, even while another store saves
            document = exchange.Document(self.all_progress(), self.answers(), self.settings())
        return exchange.to_text(document)

    def import_progress(self, text: str, source: str = "import", reason: str = "import") -> None:
        """Replace all progress and answers with an export's, and take its settings.

        The whole document is checked first (errors name ``source`` and the path inside it);
        then one transaction keeps a backup of what was there and swaps the data, so a bad file
        changes nothing and a good one can be undone with :meth:`restore_backup`.
        """
        document = exchange.parse(text, source)
        with self._transaction() as db:
            self._back_up(db, reason)
            self._seen.clear()
            db.execute("DELETE FROM progress")
            db.execute("DELETE FROM answers")
            for saved, (lesson_id, progress) in enumerate(document.progress.items(), start=1):
                _put_progress(db, lesson_id, progress, saved)
            for answer in document.answers:
                _put_answer(db, answer)
            db.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                           document.settings.items())

    # --- backups, exports made, rows set aside ---------------------------------------------

    def backups(self) -> list[Backup]:
        """Backups kept, the newest first."""
        with _reported(self.path):
            rows = self._db.execute(
                "SELECT id, made_at, reason, document FROM backups ORDER BY id DESC").fetchall()
        return [Backup(int(number), datetime.fromisoformat(made_at), str(reason),
                       exchange.parse(document, "backup"))
                for number, made_at, reason, document in rows]

    def restore_backup(self, backup_id: int) -> None:
        """Put a backup's progress back; what is there now becomes a backup in turn."""
        with _reported(self.path):
            row = self._db.execute("SELECT document FROM backups WHERE id = ?",
                                   (backup_id,)).fetchone()
        if row is None:
            raise InputError("backup", "backup_missing", value=backup_id)
        self.import_progress(str(row[0]), source="backup", reason="restore")

    def note_export(self, path: Path) -> None:
        """Remember an export file written, so a wipe can remove it."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO exports (path, written_at) VALUES (?, ?)",
                       (os.path.abspath(path), _now().isoformat()))

    def exports(self) -> list[Path]:
        with _reported(self.path):
            rows = self._db.execute("SELECT path FROM exports ORDER BY path").fetchall()
        return [Path(str(row[0])) for row in rows]

    def newly_set_aside(self) -> list[str]:
        """Rows set aside as unreadable and not reported yet, each as ``field (lesson)``; they
        count as reported once returned. The rows themselves stay in the file."""
        with self._transaction() as db:
            rows = db.execute("SELECT reason FROM set_aside WHERE reported = 0 "
                              "ORDER BY id").fetchall()
            db.execute("UPDATE set_aside SET reported = 1 WHERE reported = 0")
        return [str(reason) for (reason,) in rows]

    # --- internals ------------------------------------------------------------------------

    def _check_is_ours(self) -> None:
        """Refuse, before writing anything, a file that is damaged, someone else's or newer."""
        with _reported(self.path):
            if self._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise InputError(str(self.path), "store_corrupt")
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            tables = {str(name) for (name,) in self._db.execute(
                "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")}
        if version > len(MIGRATIONS):
            raise InputError(str(self.path), "store_too_new", version=version,
                             supported=len(MIGRATIONS))
        if (version == 0 and tables) or (version > 0 and not tables >= _OUR_TABLES):
            raise InputError(str(self.path), "store_foreign")

    def _back_up(self, db: sqlite3.Connection, reason: str) -> None:
        """Keep the current progress as a backup (inside the caller's transaction)."""
        document = exchange.Document(self.all_progress(), self.answers(), self.settings())
        if not document.progress and not document.answers:
            return
        db.execute("INSERT INTO backups (made_at, reason, document) VALUES (?, ?, ?)",
                   (_now().isoformat(), reason, exchange.to_text(document)))
        db.execute("DELETE FROM backups WHERE id NOT IN "
                   "(SELECT id FROM backups ORDER BY id DESC LIMIT ?)", (BACKUPS_KEPT,))

    def _set_aside_unreadable_rows(self) -> None:
        """Move progress and answer rows that cannot be read back to ``set_aside``, so one
        damaged row neither stops the app nor spoils an export."""
        with _reported(self.path):
            progress = self._db.execute(
                f"SELECT rowid, {_PROGRESS_COLUMNS}, saved FROM progress").fetchall()
            answers = self._db.execute(f"SELECT rowid, {_ANSWER_COLUMNS} FROM answers").fetchall()
        broken: list[tuple[str, int, tuple[Any, ...], str]] = []
        for row in progress:
            fault = _progress_fault(row[1:-1])
            if fault is not None:
                broken.append(("progress", row[0], row[1:], f"{fault} ({_short(row[1])})"))
        for row in answers:
            fault = _answer_fault(row[1:])
            if fault is not None:
                broken.append(("answers", row[0], row[1:], f"{fault} ({_short(row[1])})"))
        if not broken:
            return
        columns = {"progress": [*_PROGRESS_COLUMNS.split(", "), "saved"],
                   "answers": _ANSWER_COLUMNS.split(", ")}
        with self._transaction() as db:
            for table, rowid, values, fault in broken:
                kept = json.dumps(dict(zip(columns[table], map(_storable, values), strict=True)),
                                  ensure_ascii=False)
                db.execute("INSERT INTO set_aside (from_table, row, reason, set_aside_at) "
                           "VALUES (?, ?, ?, ?)", (table, kept, fault, _now().isoformat()))
                db.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))


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
_ANSWER_COLUMNS = "lesson_id, step_id, kind, value, correct, expected, answered_at"


@dataclass(frozen=True)
class Backup:
    """Progress as it was before an import, a restore or a reset replaced it."""

    id: int
    made_at: datetime
    reason: str
    document: exchange.Document


def _check_ids(*ids: str) -> None:
    """Ids and setting keys are never empty: an export holding one could not be imported."""
    if not all(ids):
        raise ValueError(f"empty id in {ids!r}")


def _as_export_item(columns: list[str], row: tuple[Any, ...], json_columns: tuple[str, ...],
                    flag_columns: tuple[str, ...]) -> dict[str, Any]:
    """A database row as the export would write it (raises ValueError if that cannot be)."""
    item = dict(zip(columns, row, strict=True))
    for name in json_columns:
        if not isinstance(item[name], str):
            raise ValueError(name)
        item[name] = json.loads(item[name])
    for name in flag_columns:
        if item[name] is not None:
            if item[name] not in (0, 1) or isinstance(item[name], float):
                raise ValueError(name)
            item[name] = bool(item[name])
    return item


def _progress_fault(row: tuple[Any, ...]) -> str | None:
    """None for a row that reads back as an import would accept it, else the field at fault."""
    try:
        item = _as_export_item(_PROGRESS_COLUMNS.split(", "), row, ("log",), ("finished",))
        exchange.check_progress(item)
    except InputError as error:
        return error.field
    except ValueError as error:
        return str(error)
    return None


def _answer_fault(row: tuple[Any, ...]) -> str | None:
    try:
        item = _as_export_item(_ANSWER_COLUMNS.split(", "), row, ("value",), ("correct",))
        exchange.check_answer(item)
    except InputError as error:
        return error.field
    except ValueError as error:
        return str(error)
    return None


def _readable_progress(row: tuple[Any, ...]) -> Progress | None:
    try:
        item = _as_export_item(_PROGRESS_COLUMNS.split(", "), row, ("log",), ("finished",))
        return exchange.check_progress(item)[1]
    except ValueError:  # InputError too
        return None


def _readable_answer(row: tuple[Any, ...]) -> Answer | None:
    try:
        item = _as_export_item(_ANSWER_COLUMNS.split(", "), row, ("value",), ("correct",))
        return exchange.check_answer(item)
    except ValueError:
        return None


def _log_length(text: Any) -> int | None:
    try:
        log = json.loads(text)
    except (TypeError, ValueError):
        return None
    return len(log) if isinstance(log, list) else None


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _storable(value: Any) -> Any:
    """A column value JSON can hold (bytes as their repr)."""
    if isinstance(value, bytes):
        return repr(value)
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


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
