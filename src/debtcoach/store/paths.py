"""Where progress lives, and removing it: nothing here touches the disk until asked to."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from debtcoach.errors import InputError
from debtcoach.store.files import is_our_export

ENV_VAR = "DEBTCOACH_DATA_DIR"
DB_NAME = "progress.sqlite3"
# SQLite's companions of the database file (write-ahead log, shared memory, rollback journal).
SIDE_FILES = ("-wal", "-shm", "-journal")
# Lesson answers worked out by Monte Carlo, kept beside the database so lessons open fast.
ANSWER_CACHE = "answer-cache.json"


def data_dir(override: Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """The data folder: ``--data-dir``, else $DEBTCOACH_DATA_DIR, else the platform's user data
    folder. Only computed — it is created when the store is opened."""
    if override is not None:
        return Path(override).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return Path(platformdirs.user_data_dir("debtcoach", appauthor=False))


def db_path(folder: Path) -> Path:
    return folder / DB_NAME


@dataclass
class WipeReport:
    """What a wipe did: files removed, and exports left because they changed since written."""

    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def wipe(folder: Path, exports: Iterable[Path] = ()) -> WipeReport:
    """Delete the database and its companion files, the ``exports`` debtcoach wrote (when they
    still look like exports), then the folder if nothing else is in it.

    The privacy "wipe everything" button: close the store first. Files that are not ours are
    never removed, so pointing ``--data-dir`` at a busy folder is safe.
    """
    database = db_path(folder)
    report = WipeReport()
    try:
        ours = [database, *(database.with_name(DB_NAME + suffix) for suffix in SIDE_FILES),
                folder / ANSWER_CACHE]
        for path in ours:
            if path.is_symlink() or path.exists():
                path.unlink()
                report.removed.append(path)
        for path in exports:
            if is_our_export(path):
                path.unlink()
                report.removed.append(path)
            elif path.is_symlink() or path.exists():
                report.kept.append(path)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            report.removed.append(folder)
    except OSError as exc:  # not allowed, or (on Windows) still open
        raise InputError(str(database), "store_unavailable",
                         detail=exc.strerror or str(exc)) from exc
    return report
