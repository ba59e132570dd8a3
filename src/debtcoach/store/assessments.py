"""Saved self-assessments and knowledge checks, in the same private database as progress.

An assessment is saved only when the person asks, as the form's fields exactly as typed (a JSON
object), so reopening it shows the same form, half-finished fields included; the numbers are
recomputed from it. A knowledge check is one row per sitting plus one row per answer. Both go
with everything else when the data is wiped (``debtcoach forget`` or the settings screen).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from debtcoach.store.db import Store, _now, _reported

MOMENTS = ("before", "after", "any")
DONT_KNOW = -1


@dataclass(frozen=True)
class SavedAssessment:
    id: int
    name: str
    form: dict[str, Any]
    saved_at: datetime


@dataclass(frozen=True)
class KnowledgeCheck:
    id: int
    moment: str
    """before (no lesson begun), after (all finished) or any."""
    taken_at: datetime
    answers: dict[str, int]
    """Question id → option index, or -1 for "don't know"."""


def _json_plain(value: object) -> bool:
    """Values a form is made of, which JSON gives back unchanged."""
    if value is None or isinstance(value, bool | int | str):
        return True
    if isinstance(value, list):
        return all(_json_plain(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and _json_plain(item) for key, item in value.items())
    return False


# --- assessments -----------------------------------------------------------------------------


def save_assessment(store: Store, name: str, form: dict[str, Any],
                    assessment_id: int | None = None) -> int:
    """Save a form (a new entry, or over ``assessment_id``); returns its id.

    Raises ValueError (writing nothing) for an empty name or a form that would not come back
    exactly."""
    if not name.strip() or not _json_plain(form):
        raise ValueError(f"cannot save assessment {name!r}")
    text = json.dumps(form, ensure_ascii=False, separators=(",", ":"))
    with store._transaction() as db:
        if assessment_id is not None and db.execute(
                "SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone():
            db.execute("UPDATE assessments SET name = ?, form = ?, saved_at = ? WHERE id = ?",
                       (name, text, _now().isoformat(), assessment_id))
            return assessment_id
        cursor = db.execute("INSERT INTO assessments (name, form, saved_at) VALUES (?, ?, ?)",
                            (name, text, _now().isoformat()))
        return int(cursor.lastrowid or 0)


def saved_assessments(store: Store) -> list[SavedAssessment]:
    """Every saved assessment, the most recently saved first."""
    with _reported(store.path):
        rows = store._db.execute(
            "SELECT id, name, form, saved_at FROM assessments ORDER BY saved_at DESC, id DESC"
        ).fetchall()
    return [_assessment(row) for row in rows]


def load_assessment(store: Store, assessment_id: int) -> SavedAssessment | None:
    with _reported(store.path):
        row = store._db.execute("SELECT id, name, form, saved_at FROM assessments WHERE id = ?",
                                (assessment_id,)).fetchone()
    return None if row is None else _assessment(row)


def delete_assessment(store: Store, assessment_id: int) -> None:
    with store._transaction() as db:
        db.execute("DELETE FROM assessments WHERE id = ?", (assessment_id,))


def _assessment(row: tuple[Any, ...]) -> SavedAssessment:
    assessment_id, name, form, saved_at = row
    return SavedAssessment(int(assessment_id), str(name), json.loads(form),
                           datetime.fromisoformat(saved_at))


# --- knowledge checks ------------------------------------------------------------------------


def record_knowledge_check(store: Store, moment: str, answers: dict[str, int]) -> int:
    """Keep one finished check; returns its id. Raises ValueError (writing nothing) for an
    unknown moment, an empty question id or a choice below -1."""
    if moment not in MOMENTS or not all(
            question and isinstance(choice, int) and not isinstance(choice, bool)
            and choice >= DONT_KNOW for question, choice in answers.items()):
        raise ValueError(f"not a knowledge check: {moment!r} {answers!r}")
    with store._transaction() as db:
        cursor = db.execute("INSERT INTO knowledge_checks (moment, taken_at) VALUES (?, ?)",
                            (moment, _now().isoformat()))
        check_id = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO knowledge_answers (check_id, question_id, choice) VALUES (?, ?, ?)",
            [(check_id, question, choice) for question, choice in answers.items()])
    return check_id


def knowledge_checks(store: Store) -> list[KnowledgeCheck]:
    """Every check taken, the first first."""
    with _reported(store.path):
        checks = store._db.execute(
            "SELECT id, moment, taken_at FROM knowledge_checks ORDER BY id").fetchall()
        answers = store._db.execute(
            "SELECT check_id, question_id, choice FROM knowledge_answers").fetchall()
    by_check: dict[int, dict[str, int]] = {}
    for check_id, question, choice in answers:
        by_check.setdefault(int(check_id), {})[str(question)] = int(choice)
    return [KnowledgeCheck(int(check_id), str(moment), datetime.fromisoformat(taken_at),
                           by_check.get(int(check_id), {}))
            for check_id, moment, taken_at in checks]


def delete_knowledge_checks(store: Store) -> None:
    """Forget every check (the learner starts the before/after comparison over)."""
    with store._transaction() as db:
        db.execute("DELETE FROM knowledge_answers")
        db.execute("DELETE FROM knowledge_checks")
