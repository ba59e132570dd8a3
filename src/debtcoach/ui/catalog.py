"""The list of lessons for the home screen, read cheaply: titles come straight from TOML, the full
lesson (schema, scenarios, computed answers) only when a lesson is opened."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debtcoach.lessons.loader import LoadedLesson
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


def load(entry: LessonEntry, progress: Progress | None = None) -> LoadedLesson:
    """The full lesson, checked (runs its scenarios and computes its answers, some by Monte
    Carlo: call off the UI thread; ``progress`` follows those runs and may raise to stop)."""
    from debtcoach.lessons.loader import load_lesson, load_sources

    return load_lesson(entry.folder, load_sources(entry.folder.parent), progress)
