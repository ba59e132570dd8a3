"""The list of lessons for the home screen, read cheaply: titles come straight from TOML, the full
lesson (schema, scenarios, computed answers) only when a lesson is opened."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debtcoach.lessons.loader import Completed, LoadedLesson
    from debtcoach.sim.run import Progress


@dataclass(frozen=True)
class LessonEntry:
    id: str
    part: int
    order: int
    title: dict[str, str]
    summary: dict[str, str]
    minutes: int
    folder: Path


def scan(root: Path) -> list[LessonEntry]:
    """Lesson folders under ``root`` in teaching order; unreadable ones are left to the check."""
    entries: list[LessonEntry] = []
    if not root.is_dir():
        return entries
    for folder in sorted(root.iterdir()):
        path = folder / "lesson.toml"
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            entries.append(LessonEntry(
                id=str(data["id"]), part=int(data["part"]), order=int(data["order"]),
                title=dict(data["title"]), summary=dict(data.get("summary", {})),
                minutes=int(data.get("minutes", 10)), folder=folder,
            ))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError,
                ValueError, RecursionError):
            continue
    return sorted(entries, key=lambda e: (e.part, e.order, e.id))


def load(entry: LessonEntry, progress: Progress | None = None,
         cache_file: Path | None = None, defer: bool = False) -> LoadedLesson:
    """The full lesson, checked (runs its scenarios and computes its answers, some by Monte
    Carlo: call off the UI thread; ``progress`` follows those runs and may raise to stop).
    Answers found in ``cache_file`` for the same scenario and engine are not run again; with
    ``defer``, Monte Carlo answers not found there are left for ``complete``."""
    from debtcoach.lessons.loader import load_lesson, load_sources

    cache = _read_cache(cache_file)
    known = set(cache)
    loaded = load_lesson(entry.folder, load_sources(entry.folder.parent), progress, cache,
                         engine_fingerprint(), defer=defer)
    if cache_file is not None and set(cache) != known:
        _write_cache(cache_file, cache)
    return loaded


def complete(loaded: LoadedLesson, progress: Progress | None = None,
             cache_file: Path | None = None) -> Completed:
    """Work out the Monte Carlo answers and spreads ``load(defer=True)`` left pending, and keep
    them in ``cache_file``; returns them (``settle`` puts them in place, on the UI thread)."""
    from debtcoach.lessons.loader import Completed, complete_answers

    if not loaded.incomplete:
        return Completed({}, {})
    cache = _read_cache(cache_file)  # read again: another window may have added to it
    results = complete_answers(loaded, progress, cache, engine_fingerprint())
    if cache_file is not None:
        _write_cache(cache_file, cache)
    return results


def engine_fingerprint() -> str:
    """Changes whenever the code that computes answers changes (a cached answer is then stale)."""
    import debtcoach.finance
    import debtcoach.lessons
    import debtcoach.sim

    digest = hashlib.sha256()
    for package in (debtcoach.sim, debtcoach.finance, debtcoach.lessons):
        for path in sorted(Path(package.__file__ or "").parent.glob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_cache(path: Path | None) -> dict[str, Any]:
    """The cache, or an empty one when it is missing or unreadable (it is only a cache)."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_cache(path: Path, cache: dict[str, Any]) -> None:
    """Replace the file whole (other app processes may read it meanwhile); only you read it."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(cache, file)
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # a cache that cannot be written is not an error
