"""`debtcoach forget` as a user runs it: asks first, a no keeps everything, a yes (or --yes)
erases what the app and the settings' wipe would, and only that."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from debtcoach.store import DB_NAME, Store
from debtcoach.store.assessments import record_knowledge_check, save_assessment


def run(*args: str, stdin: str = "",
        env_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DEBTCOACH_DATA_DIR"}
    if env_dir is not None:
        env["DEBTCOACH_DATA_DIR"] = str(env_dir)
    return subprocess.run([sys.executable, "-m", "debtcoach", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def filled(folder: Path) -> Path:
    with Store.open(folder) as store:
        store.save_progress("01-first-loan", [("next",)], "intro", False)
        store.record_answer("01-first-loan", "q1", "quiz", [0], True, None)
        save_assessment(store, "mine", {"version": 1})
        record_knowledge_check(store, "before", {"interest": 0})
    return folder


def test_a_no_keeps_everything(tmp_path: Path) -> None:
    folder = filled(tmp_path / "data")
    before = (folder / DB_NAME).read_bytes()
    result = run("--lang", "en", "--data-dir", str(folder), "forget", stdin="n\n")
    assert result.returncode == 1
    assert "1 lesson, 1 answer, 1 self-assessment and 1 knowledge check" in result.stdout
    assert "Nothing was deleted." in result.stdout
    assert (folder / DB_NAME).read_bytes() == before


def test_no_answer_at_all_is_a_no(tmp_path: Path) -> None:
    folder = filled(tmp_path / "data")
    result = run("--lang", "zh", "forget", "--data-dir", str(folder))
    assert result.returncode == 1 and "没有删除任何东西" in result.stdout
    assert (folder / DB_NAME).exists()


def test_a_yes_erases_the_store_and_its_folder_but_nothing_else(tmp_path: Path) -> None:
    folder = filled(tmp_path / "data")
    result = run("--lang", "en", "forget", stdin="y\n", env_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "Deleted everything debtcoach stored in" in result.stdout
    assert not folder.exists()


def test_yes_skips_the_question_and_leaves_other_files(tmp_path: Path) -> None:
    folder = filled(tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    result = run("--lang", "en", "forget", "--yes", "--data-dir", str(folder))
    assert result.returncode == 0 and "Delete it all?" not in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_nothing_stored_is_said_and_nothing_is_created(tmp_path: Path) -> None:
    result = run("--lang", "en", "forget", "--data-dir", str(tmp_path / "none"))
    assert result.returncode == 0 and "nothing to delete" in result.stdout
    assert not (tmp_path / "none").exists()


def test_a_damaged_store_can_still_be_forgotten(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"not a database" * 100)
    result = run("--lang", "en", "forget", "--yes", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / DB_NAME).exists()


def test_exports_it_wrote_go_too_and_another_programs_database_stays(tmp_path: Path) -> None:
    from debtcoach.store.files import write_export

    folder = filled(tmp_path / "data")
    export = tmp_path / "mine.json"
    with Store.open(folder) as store:
        write_export(export, store.export_progress())
        store.note_export(export)
    result = run("--lang", "en", "--data-dir", str(folder), "forget", "--yes")
    assert result.returncode == 0, result.stderr
    assert not export.exists() and "mine.json" in result.stdout
    import sqlite3

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / DB_NAME) as db:
        db.execute("CREATE TABLE notes (x)")
    db.close()
    before = (foreign / DB_NAME).read_bytes()
    result = run("--lang", "en", "--data-dir", str(foreign), "forget", "--yes")
    assert result.returncode == 2 and "another program" in result.stderr
    assert (foreign / DB_NAME).read_bytes() == before
