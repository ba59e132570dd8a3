"""Saved assessments and knowledge checks: exact round-trips, refusals that write nothing, an
upgrade from a file made before these tables existed, and wipe taking them with everything else."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debtcoach.store import DB_NAME, Store, wipe
from debtcoach.store import db as store_db
from debtcoach.store.assessments import (
    delete_assessment,
    delete_knowledge_checks,
    knowledge_checks,
    load_assessment,
    record_knowledge_check,
    save_assessment,
    saved_assessments,
)

FORM: dict[str, Any] = {
    "version": 1,
    "person": {"monthly_income": "5000", "monthly_expenses": "3,800", "savings": "５００"},
    "loans": [
        {"enabled": True, "fields": {"lender": "App A", "amount": "1万", "rate": "月息1分5"}},
        {"enabled": False, "fields": {"lender": "花呗", "schedule": "2026-07-15 ¥1,072.00\n"}},
    ],
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def test_an_assessment_round_trips_exactly_and_survives_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        saved_id = save_assessment(store, "我的借款", FORM)
    with Store.open(tmp_path) as store:
        loaded = load_assessment(store, saved_id)
        assert loaded is not None
        assert (loaded.name, loaded.form) == ("我的借款", FORM)
        assert [a.id for a in saved_assessments(store)] == [saved_id]


def test_saving_again_replaces_and_a_new_save_comes_first(store: Store) -> None:
    first = save_assessment(store, "one", FORM)
    assert save_assessment(store, "one, edited", {"version": 1}, first) == first
    second = save_assessment(store, "two", FORM)
    assert [(a.id, a.name) for a in saved_assessments(store)] == [(second, "two"),
                                                                  (first, "one, edited")]
    assert load_assessment(store, first).form == {"version": 1}  # type: ignore[union-attr]
    assert save_assessment(store, "gone", FORM, 999) not in (first, second)


def test_deleting_one_keeps_the_others(store: Store) -> None:
    first = save_assessment(store, "one", FORM)
    second = save_assessment(store, "two", FORM)
    delete_assessment(store, first)
    assert load_assessment(store, first) is None
    assert [a.id for a in saved_assessments(store)] == [second]


@pytest.mark.parametrize(("name", "form"), [
    ("", FORM), ("  ", FORM), ("x", {"amount": 1.5}), ("x", {"when": object()}),
    ("x", {1: "a"}),
])
def test_what_would_not_come_back_is_refused_writing_nothing(store: Store, name: str,
                                                             form: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        save_assessment(store, name, form)
    assert saved_assessments(store) == []


forms = st.recursive(
    st.none() | st.booleans() | st.integers(-2**62, 2**62) | st.text(),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@settings(deadline=None, max_examples=60,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.text(max_size=8), forms, max_size=5), st.text(min_size=1))
def test_any_plain_form_round_trips(store: Store, form: dict[str, Any], name: str) -> None:
    if not name.strip():
        return
    loaded = load_assessment(store, save_assessment(store, name, form))
    assert loaded is not None and (loaded.name, loaded.form) == (name, form)


def test_knowledge_checks_round_trip_in_order(store: Store) -> None:
    first = record_knowledge_check(store, "before", {"interest": -1, "inflation": 2})
    second = record_knowledge_check(store, "after", {"interest": 0})
    checks = knowledge_checks(store)
    assert [(c.id, c.moment, c.answers) for c in checks] == [
        (first, "before", {"interest": -1, "inflation": 2}), (second, "after", {"interest": 0})]
    assert checks[0].taken_at <= checks[1].taken_at


@pytest.mark.parametrize(("moment", "answers"), [
    ("later", {"interest": 0}), ("before", {"": 0}), ("before", {"interest": -2}),
    ("before", {"interest": True}), ("before", {"interest": 1.0}),
])
def test_a_bad_check_is_refused_writing_nothing(store: Store, moment: str,
                                                answers: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        record_knowledge_check(store, moment, answers)
    assert knowledge_checks(store) == []


def test_deleting_checks_keeps_assessments_and_progress(store: Store) -> None:
    record_knowledge_check(store, "before", {"interest": 0})
    save_assessment(store, "mine", FORM)
    store.save_progress("l1", [("next",)], "s1", False)
    delete_knowledge_checks(store)
    assert knowledge_checks(store) == []
    assert len(saved_assessments(store)) == 1 and store.last_lesson() == "l1"


def test_resetting_lessons_keeps_assessments_and_checks(store: Store) -> None:
    record_knowledge_check(store, "before", {"interest": 0})
    save_assessment(store, "mine", FORM)
    store.reset_all()
    assert len(knowledge_checks(store)) == 1 and len(saved_assessments(store)) == 1


def test_wipe_takes_assessments_and_checks_with_everything_else(tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        save_assessment(store, "mine", FORM)
        record_knowledge_check(store, "before", {"interest": 0})
    wipe(tmp_path / "data")
    assert not (tmp_path / "data").exists()
    with Store.open(tmp_path / "data") as store:
        assert saved_assessments(store) == [] and knowledge_checks(store) == []


def test_a_file_from_before_these_tables_is_upgraded_keeping_its_progress(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = next(i for i, statements in enumerate(store_db.MIGRATIONS)
                 if any("CREATE TABLE assessments" in s for s in statements))
    monkeypatch.setattr(store_db, "MIGRATIONS", store_db.MIGRATIONS[:index])
    with Store.open(tmp_path) as store:
        store.save_progress("l1", [("next",)], "s1", True)
    monkeypatch.undo()
    with Store.open(tmp_path) as store:
        assert store.schema_version == len(store_db.MIGRATIONS)
        assert store.last_lesson() == "l1"
        save_assessment(store, "mine", FORM)
        record_knowledge_check(store, "any", {"interest": 0})
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM assessments").fetchone()[0] == 1
    db.close()
