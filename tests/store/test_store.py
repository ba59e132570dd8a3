"""The progress store: exact round-trips, private files, safe import, wipe, bad and old files."""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.store import DB_NAME, ENV_VAR, Store, data_dir, wipe
from debtcoach.store import db as store_db
from debtcoach.store.files import write_export
from debtcoach.store.paths import ANSWER_CACHE
from debtcoach.textfile import read_text

LOG: list[tuple[Any, ...]] = [("next",), ("reveal",), ("month",), ("quiz", [0, 2], None),
                              ("quiz", [], 18.25), ("hint",), ("predict", 2500.0), ("decide", 1),
                              ("back",)]
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def fill(store: Store) -> None:
    store.save_progress("l1", LOG, "q1", False)
    store.save_progress("l2", [("next",)], "intro", True)
    store.record_answer("l1", "q1", "quiz", [0, 2], True, None)
    store.record_answer("l1", "p1", "predict", 2500.0, None, 3120.5)
    store.record_answer("l2", "q9", "quiz", None, False, None)
    store.set_setting("lang", "zh")


# --- where, and nothing before open ---------------------------------------------------------


def test_data_dir_prefers_the_option_then_the_environment_then_the_platform(
        tmp_path: Path) -> None:
    env = {ENV_VAR: str(tmp_path / "env")}
    assert data_dir(tmp_path / "opt", env) == tmp_path / "opt"
    assert data_dir(None, env) == tmp_path / "env"
    assert data_dir(None, {ENV_VAR: ""}) == Path(platformdirs.user_data_dir("debtcoach",
                                                                           appauthor=False))
    assert data_dir(Path("~/x"), {}) == Path.home() / "x"
    assert not (tmp_path / "opt").exists() and not (tmp_path / "env").exists()


def test_importing_and_locating_create_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg"),
           ENV_VAR: str(tmp_path / "data")}
    code = "import debtcoach.store as s; s.data_dir(); s.data_dir(None, {})"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    assert list(tmp_path.iterdir()) == []


@POSIX
def test_open_makes_a_private_folder_and_file(tmp_path: Path) -> None:
    folder = tmp_path / "a" / "data"
    with Store.open(folder) as store:
        store.save_progress("l1", LOG, "q1", False)
        assert mode(folder) == 0o700
        assert mode(folder / DB_NAME) == 0o600
        assert mode(folder / (DB_NAME + "-wal")) == 0o600


@POSIX
def test_open_reasserts_a_private_file_but_keeps_an_existing_folders_mode(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    Store.open(folder).close()
    folder.chmod(0o755)  # e.g. --data-dir pointing at a folder the user already had
    (folder / DB_NAME).chmod(0o644)
    Store.open(folder).close()
    assert (mode(folder), mode(folder / DB_NAME)) == (0o755, 0o600)


def test_an_unusable_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(InputError) as info:
        Store.open(tmp_path / "file")
    assert info.value.code == "store_unavailable"


# --- progress, answers, settings ------------------------------------------------------------


def test_progress_round_trips_and_a_save_replaces_the_last(store: Store) -> None:
    assert store.load_progress("l1") is None and store.all_progress() == {}
    store.save_progress("l1", LOG[:2], "s1", False)
    store.save_progress("l1", LOG, "q1", True)
    saved = store.load_progress("l1")
    assert saved is not None
    assert repr(saved.log) == repr(LOG)
    assert (saved.step_id, saved.finished) == ("q1", True)
    assert saved.updated_at.utcoffset() is not None
    assert store.all_progress() == {"l1": saved}


SCALARS = (st.none() | st.booleans() | st.integers()
           | st.floats(allow_nan=False, allow_infinity=False) | st.text())
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3), max_leaves=8)
ACTIONS = st.tuples(st.text(), st.lists(VALUES, max_size=3)).map(lambda t: (t[0], *t[1]))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(log=st.lists(ACTIONS, max_size=12))
def test_any_log_of_actions_round_trips_exactly(store: Store, log: list[tuple[Any, ...]]) -> None:
    store.save_progress("prop", log, "s", False)
    saved = store.load_progress("prop")
    assert saved is not None
    assert repr(saved.log) == repr(log)  # repr tells 1 / 1.0 / True, -0.0 / 0.0, tuple / list
    store.import_progress(store.export_progress())  # and it survives an export
    assert repr(store.all_progress()["prop"].log) == repr(log)


@pytest.mark.parametrize("log", [
    [("predict", float("nan"))], [("predict", float("inf"))], [("x", ("nested", "tuple"))],
    [("x", {"a": 1})], [["next"]], [()], [(1, 2)], [("x", {1, 2})],
])
def test_a_log_that_would_not_come_back_exactly_is_refused(
        store: Store, log: list[tuple[Any, ...]]) -> None:
    store.save_progress("l1", LOG, "q1", False)
    with pytest.raises(ValueError, match="cannot be saved exactly"):
        store.save_progress("l1", log, "q2", True)
    saved = store.load_progress("l1")
    assert saved is not None and saved.log == LOG


def test_last_lesson_is_the_most_recently_saved(store: Store) -> None:
    assert store.last_lesson() is None
    store.save_progress("a", [("next",)], "s", False)
    store.save_progress("b", [("next",)], "s", True)
    assert store.last_lesson() == "b"
    store.save_progress("a", [("next",), ("next",)], "t", False)
    assert store.last_lesson() == "a"
    assert list(store.all_progress()) == ["b", "a"]
    store.reset_lesson("a")
    assert store.last_lesson() == "b"


def test_answers_keep_their_types_and_order(store: Store) -> None:
    fill(store)
    store.record_answer("l1", "q1", "quiz", [1], False, None)  # a retry is kept as well
    got = [(a.step_id, a.kind, a.value, a.correct, a.expected) for a in store.answers("l1")]
    assert got == [("q1", "quiz", [0, 2], True, None), ("p1", "predict", 2500.0, None, 3120.5),
                   ("q1", "quiz", [1], False, None)]
    assert [a.lesson_id for a in store.answers()] == ["l1", "l1", "l2", "l1"]
    assert store.answers("nothing") == []
    with pytest.raises(ValueError):
        store.record_answer("l1", "q1", "quiz", [True], None, None)
    with pytest.raises(ValueError):
        store.record_answer("l1", "q1", "guess", 1.0, None, None)  # type: ignore[arg-type]


def test_settings(store: Store) -> None:
    assert store.get_setting("theme") is None
    store.set_setting("theme", "dark")
    store.set_setting("theme", "light")
    store.set_setting("note", "")
    assert (store.get_setting("theme"), store.get_setting("note")) == ("light", "")
    assert store.settings() == {"note": "", "theme": "light"}
    store.import_progress(store.export_progress())
    assert store.settings() == {"note": "", "theme": "light"}


@pytest.mark.parametrize("call", [
    lambda s: s.save_progress("", [], "s", False), lambda s: s.save_progress("l", [], "", False),
    lambda s: s.record_answer("", "q", "quiz", None, None, None), lambda s: s.set_setting("", "x"),
])
def test_empty_ids_are_refused(store: Store, call: Callable[[Store], None]) -> None:
    with pytest.raises(ValueError, match="empty id"):
        call(store)


def test_reset_one_lesson_or_all_keeps_settings(store: Store) -> None:
    fill(store)
    store.reset_lesson("l1")
    assert list(store.all_progress()) == ["l2"]
    assert [a.lesson_id for a in store.answers()] == ["l2"]
    store.reset_all()
    assert store.all_progress() == {} and store.answers() == [] and store.last_lesson() is None
    assert store.get_setting("lang") == "zh"


# --- export and import ----------------------------------------------------------------------


def test_export_then_import_into_a_fresh_folder_restores_everything(
        store: Store, tmp_path: Path) -> None:
    fill(store)
    text = store.export_progress()
    assert json.loads(text)["format"] == "debtcoach-progress"
    with Store.open(tmp_path / "other") as other:
        other.save_progress("stale", [("next",)], "s", False)
        other.set_setting("theme", "dark")
        other.import_progress(text)
        assert other.all_progress() == store.all_progress()
        assert other.answers() == store.answers()
        assert other.last_lesson() == "l2"
        assert (other.get_setting("lang"), other.get_setting("theme")) == ("zh", "dark")
        other.set_setting("theme", "dark")
        assert json.loads(other.export_progress())["progress"] == json.loads(text)["progress"]


def _valid(store: Store) -> dict[str, Any]:
    fill(store)
    document: dict[str, Any] = json.loads(store.export_progress())
    return document


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], Any]:
    def change(document: dict[str, Any]) -> Any:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return document
    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], Any]:
    def change(document: dict[str, Any]) -> Any:
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return document
    return change


def _duplicate(document: dict[str, Any]) -> Any:
    document["progress"].append(document["progress"][0])
    return document


BAD = [  # (how the document is spoiled, the field reported, the code)
    (lambda d: "{not json", "", "export_not_json"),
    (lambda d: '{"format": NaN}', "", "export_not_json"),
    (lambda d: [d], "format", "export_format"),
    (_set(("format",), "other-app"), "format", "export_format"),
    (_drop(("format",)), "format", "export_format"),
    (_set(("version",), 2), "version", "export_version"),
    (_set(("version",), "1"), "version", "export_version"),
    (_set(("version",), True), "version", "export_version"),
    (_drop(("answers",)), "answers", "field_missing"),
    (_set(("extra",), 1), "extra", "field_unknown"),
    (_set(("settings",), []), "settings", "object_invalid"),
    (_set(("settings", "lang"), 1), "settings.lang", "text_invalid"),
    (_set(("progress",), {}), "progress", "array_invalid"),
    (_set(("progress", 0), "l1"), "progress[0]", "object_invalid"),
    (_set(("progress", 1, "lesson_id"), ""), "progress[1].lesson_id", "text_empty"),
    (_duplicate, "progress[2].lesson_id", "progress_duplicate"),
    (_set(("progress", 0, "finished"), "yes"), "progress[0].finished", "bool_invalid"),
    (_set(("progress", 0, "updated_at"), "2026-01-31T10:00:00"), "progress[0].updated_at",
     "datetime_invalid"),
    (_set(("progress", 0, "updated_at"), "yesterday"), "progress[0].updated_at",
     "datetime_invalid"),
    (_set(("progress", 0, "log"), "next"), "progress[0].log", "array_invalid"),
    (_set(("progress", 0, "log", 3), []), "progress[0].log[3]", "action_invalid"),
    (_set(("progress", 0, "log", 3), [7]), "progress[0].log[3]", "action_invalid"),
    (_set(("progress", 0, "log", 3), ["quiz", {"a": 1}]), "progress[0].log[3]",
     "action_invalid"),
    (lambda d: json.dumps(d).replace("18.25", "1e400"), "progress[0].log[4]", "action_invalid"),
    (_drop(("progress", 0, "step_id")), "progress[0].step_id", "field_missing"),
    (_set(("answers", 0, "kind"), "guess"), "answers[0].kind", "choice_invalid"),
    (_set(("answers", 0, "value"), [True]), "answers[0].value", "value_invalid"),
    (_set(("answers", 0, "value"), "12"), "answers[0].value", "value_invalid"),
    (_set(("answers", 0, "correct"), 1), "answers[0].correct", "bool_invalid"),
    (_set(("answers", 1, "expected"), "3120"), "answers[1].expected", "number_invalid"),
    (_set(("answers", 2, "answered_at"), None), "answers[2].answered_at", "datetime_invalid"),
]


@pytest.mark.parametrize(("spoil", "field", "code"), BAD)
def test_import_rejects_a_bad_document_and_changes_nothing(
        store: Store, spoil: Callable[[dict[str, Any]], Any], field: str, code: str) -> None:
    spoiled = spoil(copy.deepcopy(_valid(store)))
    text = spoiled if isinstance(spoiled, str) else json.dumps(spoiled)
    before = store.export_progress()
    with pytest.raises(InputError) as info:
        store.import_progress(text, source="backup.json")
    assert info.value.code == code
    assert info.value.field == (f"backup.json: {field}" if field else "backup.json")
    assert store.export_progress() == before


# --- wipe, damaged and old files, two stores ------------------------------------------------


def test_wipe_removes_the_database_its_companions_and_the_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Store.open(folder) as store:
        fill(store)
        (folder / (DB_NAME + "-journal")).write_bytes(b"")
    (folder / (DB_NAME + "-wal")).write_bytes(b"left by a crash")
    (folder / ANSWER_CACHE).write_text("{}")
    wipe(folder)
    assert not folder.exists()
    wipe(folder)  # nothing there: nothing to do


@POSIX
def test_exports_are_private_from_the_start_never_overwrite_and_never_follow_links(
        tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    old = os.umask(0)
    try:
        write_export(path, "{}")
    finally:
        os.umask(old)
    assert mode(path) == 0o600 and path.read_text() == "{}"
    with pytest.raises(InputError) as info:
        write_export(path, "new")
    assert (info.value.code, path.read_text()) == ("export_exists", "{}")
    write_export(path, "new", replace=True)
    assert path.read_text() == "new" and mode(path) == 0o600
    target = tmp_path / "target.txt"
    target.write_text("precious")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(InputError) as info:
        write_export(link, "x")
    assert info.value.code == "export_exists"
    write_export(link, "x", replace=True)  # the link is replaced, its target untouched
    assert target.read_text() == "precious" and not link.is_symlink()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError):
        write_export(dangling, "x")
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "dangling.json", "link.json", "progress.json", "target.txt"]  # no temporary left


def test_wipe_removes_the_exports_it_made_and_lists_the_ones_changed_since(
        tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ours, changed = tmp_path / "a.json", tmp_path / "b.json"
    with Store.open(folder) as store:
        fill(store)
        for path in (ours, changed):
            write_export(path, store.export_progress())
            store.note_export(path)
        exports = store.exports()
    changed.write_text("my own notes now")
    report = wipe(folder, exports)
    assert not ours.exists() and changed.read_text() == "my own notes now"
    assert report.kept == [changed]
    assert ours in report.removed and folder / DB_NAME in report.removed
    assert not folder.exists()


def test_wipe_leaves_files_that_are_not_ours(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / "notes.txt").write_text("mine")
    wipe(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_wipe_that_fails_is_reported(tmp_path: Path) -> None:
    (tmp_path / (DB_NAME + "-wal")).mkdir()  # cannot be unlinked, even by root
    with pytest.raises(InputError) as info:
        wipe(tmp_path)
    assert info.value.code == "store_unavailable"


def test_a_damaged_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    tmp_path.joinpath(DB_NAME).write_bytes(b"\x00garbage\xff" * 500)
    with pytest.raises(InputError) as info:
        Store.open(tmp_path)
    assert (info.value.code, info.value.field) == ("store_corrupt", str(tmp_path / DB_NAME))
    assert tmp_path.joinpath(DB_NAME).read_bytes() == b"\x00garbage\xff" * 500
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(InputError) as info:
        Store.open(tmp_path)
    assert info.value.code == "store_too_new"
    assert info.value.params == {"version": 99, "supported": len(store_db.MIGRATIONS)}
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    db.close()


def test_an_empty_database_file_is_made_a_store(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / DB_NAME).close()  # created by hand: schema version 0, no tables
    with Store.open(tmp_path) as store:
        assert store.schema_version == len(store_db.MIGRATIONS)
        fill(store)
        assert store.last_lesson() == "l2"


@POSIX
def test_another_programs_database_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.execute("INSERT INTO notes VALUES ('mine')")
    db.commit()
    db.close()
    path.chmod(0o644)
    before = path.read_bytes()
    with pytest.raises(InputError) as info:
        Store.open(tmp_path)
    assert (info.value.code, info.value.field) == ("store_foreign", str(path))
    assert path.read_bytes() == before and mode(path) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no WAL switched on


@POSIX
def test_a_symlinked_database_is_used_but_not_chmodded_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sqlite3"
    Store.open(tmp_path / "first").close()
    (tmp_path / "first" / DB_NAME).rename(target)
    target.chmod(0o640)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_NAME).symlink_to(target)
    with Store.open(folder) as store:
        store.save_progress("l1", LOG, "q1", False)
    assert mode(target) == 0o640 and (folder / DB_NAME).is_symlink()


@POSIX
def test_folders_the_store_creates_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        Store.open(tmp_path / "a" / "b" / "data").close()
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data"):
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path / "a" / "b" / "data" / DB_NAME) == 0o600


def _spoil(folder: Path, statement: str, *params: Any) -> None:
    with sqlite3.connect(folder / DB_NAME) as db:
        db.execute(statement, params)
    db.close()


@pytest.mark.parametrize(("statement", "params"), [
    ("UPDATE progress SET log = ? WHERE lesson_id = 'l1'", ("[[\"next\"], {",)),
    ("UPDATE progress SET log = ? WHERE lesson_id = 'l1'", ("[1, 2]",)),
    ("UPDATE progress SET updated_at = ? WHERE lesson_id = 'l1'", ("yesterday",)),
    ("UPDATE progress SET updated_at = ? WHERE lesson_id = 'l1'", ("2026-01-01T00:00:00",)),
    ("UPDATE progress SET finished = ? WHERE lesson_id = 'l1'", (7,)),
    ("UPDATE answers SET value = ? WHERE step_id = 'q1'", ('{"x": 1}',)),
    ("UPDATE answers SET answered_at = ? WHERE step_id = 'q1'", (b"\xff",)),
])
def test_an_unreadable_row_is_set_aside_reported_once_and_the_rest_exports(
        tmp_path: Path, statement: str, params: tuple[Any, ...]) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
        whole = json.loads(store.export_progress())
    _spoil(tmp_path, statement, *params)
    with Store.open(tmp_path) as store:
        aside = store.newly_set_aside()
        assert len(aside) == 1 and ("l1" in aside[0])
        assert store.newly_set_aside() == []  # reported once
        exported = json.loads(store.export_progress())
        readable = [p for p in whole["progress"] if p["lesson_id"] != "l1" or "progress" not in
                    statement] if "progress" in statement else whole["progress"]
        assert exported["progress"] == readable
        assert len(exported["answers"]) == len(whole["answers"]) - ("answers" in statement)
        with Store.open(tmp_path / "other") as other:
            other.import_progress(store.export_progress())
        store.save_progress("l1", [("next",)], "intro", False)  # the lesson can be played again
    with Store.open(tmp_path) as store:
        assert store.newly_set_aside() == []
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        kept = db.execute("SELECT from_table, row FROM set_aside").fetchall()
    db.close()
    assert len(kept) == 1  # the damaged row is kept, not deleted


def test_import_reads_a_bom_and_refuses_deep_nesting_without_a_traceback(
        store: Store, tmp_path: Path) -> None:
    fill(store)
    path = tmp_path / "saved.json"
    path.write_text("\ufeff" + store.export_progress(), encoding="utf-8")  # Notepad's BOM
    before = store.export_progress()
    store.import_progress(read_text(path), source=str(path))
    assert store.export_progress().split('"progress"')[1] == before.split('"progress"')[1]
    with pytest.raises(InputError) as info:
        store.import_progress("[" * 100_000 + "]" * 100_000, source="deep.json")
    assert (info.value.field, info.value.code) == ("deep.json", "nesting_too_deep")


def test_import_keeps_a_backup_that_restores_and_a_restore_can_be_undone(store: Store) -> None:
    fill(store)
    mine = store.export_progress()
    with Store.open(store.path.parent / "other") as other:
        other.save_progress("x", [("next",)], "s", True)
        theirs = other.export_progress()
    store.import_progress(theirs)
    assert list(store.all_progress()) == ["x"]
    backup = store.backups()[0]
    assert backup.reason == "import" and list(backup.document.progress) == ["l1", "l2"]
    store.restore_backup(backup.id)
    assert store.export_progress() == mine
    store.restore_backup(store.backups()[0].id)  # the restore made a backup of "theirs"
    assert list(store.all_progress()) == ["x"]
    with pytest.raises(InputError) as info:
        store.restore_backup(10**6)
    assert info.value.code == "backup_missing"


def test_reset_all_keeps_a_backup_and_only_a_few_are_kept(store: Store) -> None:
    for number in range(store_db.BACKUPS_KEPT + 3):
        store.save_progress("l1", [("next",)] * (number + 1), "s", False)
        store.reset_all()
    backups = store.backups()
    assert len(backups) == store_db.BACKUPS_KEPT
    assert len(backups[0].document.progress["l1"].log) == store_db.BACKUPS_KEPT + 3


def test_two_windows_cannot_roll_a_lesson_back(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    with Store.open(tmp_path) as first, Store.open(tmp_path) as second:
        first.save_progress("l1", [("next",)] * 2, "s2", False)
        assert first.load_progress("l1") is not None and second.load_progress("l1") is not None
        assert first.save_progress("l1", [("next",)] * 5, "s5", False)  # window 1 plays on
        assert not second.save_progress("l1", [("next",)] * 2, "s2", False)  # window 2 quits
        saved = first.load_progress("l1")
        assert saved is not None and saved.step_id == "s5"
        assert second.save_progress("l1", [("next",)] * 6, "s6", False)  # further: it wins
        first.load_progress("l1")
        assert first.save_progress("l1", [("next",)], "s1", False)  # its own choice: allowed
        saved = second.load_progress("l1")
        assert saved is not None and saved.step_id == "s1"


def test_a_full_disk_is_reported_and_nothing_saved_is_lost(store: Store) -> None:
    fill(store)
    before = store.export_progress()
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
    with pytest.raises(InputError) as info:
        store.save_progress("l3", [("predict", float(i)) for i in range(20000)], "s", False)
    assert info.value.code == "store_unavailable" and "full" in info.value.params["detail"]
    assert store.export_progress() == before
    store._db.execute("PRAGMA max_page_count = 1073741823")
    store.save_progress("l3", [("next",)], "s", False)  # room again: saving goes on


def test_a_later_migration_upgrades_an_existing_file_keeping_its_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(tmp_path) as store:
        fill(store)
    newer = [*store_db.MIGRATIONS, ("CREATE TABLE workshop (id INTEGER PRIMARY KEY)",)]
    monkeypatch.setattr(store_db, "MIGRATIONS", newer)
    with Store.open(tmp_path) as store:
        assert store.schema_version == len(newer)
        assert store.last_lesson() == "l2" and len(store.answers()) == 3
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM workshop").fetchone()[0] == 0
    db.close()


def test_two_stores_on_one_file_take_turns(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    errors: list[BaseException] = []

    def play(name: str) -> None:
        try:
            with Store.open(tmp_path) as store:
                for i in range(25):
                    store.save_progress(f"{name}{i % 5}", [("next",)] * i, f"s{i}", False)
                    store.record_answer(name, f"s{i}", "predict", float(i), None, None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=play, args=(name,)) for name in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store.open(tmp_path) as store:
        assert len(store.all_progress()) == 10
        assert [a.value for a in store.answers("a")] == [float(i) for i in range(25)]
        saved = store.load_progress("b4")
        assert saved is not None and len(saved.log) == 24
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
