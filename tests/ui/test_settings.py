"""Settings and saving through the app: import asks first and keeps a backup, export never
overwrites silently, a full disk does not end the session, a damaged row does not lock anyone out,
wipe says what it removed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static

from debtcoach.store import DB_NAME, Store
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.confirm import ConfirmScreen
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.settings import SettingsScreen
from tests.ui.waiting import until


async def open_settings(app: DebtCoachApp, pilot) -> SettingsScreen:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, SettingsScreen), "the settings screen")
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def press(pilot, screen: SettingsScreen, button: str) -> None:  # type: ignore[no-untyped-def]
    """Press a button and wait until it has done its work: a question, or a new message."""
    before = message(screen)
    screen.query_one(f"#{button}", Button).press()
    await until(pilot, lambda: isinstance(screen.app.screen, ConfirmScreen)
                or message(screen) != before or not screen.app.is_running, f"{button} done")


async def answer(pilot, app: DebtCoachApp, yes: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer the question on screen and wait until it is gone and a yes has done its work."""
    question = app.screen
    assert isinstance(question, ConfirmScreen)
    settings = app.screen_stack[-2]
    assert isinstance(settings, SettingsScreen)
    before = message(settings)
    question.query_one("#yes" if yes else "#no", Button).press()
    await until(pilot, lambda: not app.is_running or (
        app.screen is not question and (not yes or message(settings) != before)),
        "the answer taken")


def message(screen: SettingsScreen) -> str:
    return str(screen.query_one("#message", Static).render())


def other_export(tmp_path: Path) -> Path:
    with Store.open(tmp_path / "elsewhere") as other:
        other.save_progress("from-file", [("next",)], "s", True)
        path = tmp_path / "theirs.json"
        path.write_text(other.export_progress())
    return path


async def test_import_asks_first_then_keeps_a_backup_that_restores(
        new_app: Callable[..., DebtCoachApp], tmp_path: Path) -> None:
    theirs = other_export(tmp_path)
    app = new_app()
    app.store.save_progress("mine", [("next",)] * 3, "s3", False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        await press(pilot, screen, "restore")
        assert "No backup" in message(screen)
        screen.query_one("#file", Input).value = str(theirs)
        await press(pilot, screen, "import")
        assert isinstance(app.screen, ConfirmScreen)
        assert "1" in app.screen.question and str(theirs) in app.screen.question
        await answer(pilot, app, yes=False)
        assert list(app.store.all_progress()) == ["mine"]  # no: nothing changed
        await press(pilot, screen, "import")
        await answer(pilot, app, yes=True)
        assert list(app.store.all_progress()) == ["from-file"]
        assert "backup" in message(screen).lower()
        await press(pilot, screen, "restore")
        await answer(pilot, app, yes=True)
        assert list(app.store.all_progress()) == ["mine"]


async def test_export_asks_before_overwriting(
        new_app: Callable[..., DebtCoachApp], tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("my notes")
    app = new_app()
    app.store.save_progress("mine", [("next",)], "s", False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#file", Input).value = str(target)
        await press(pilot, screen, "export")
        await answer(pilot, app, yes=False)
        assert target.read_text() == "my notes"
        await press(pilot, screen, "export")
        await answer(pilot, app, yes=True)
        assert json.loads(target.read_text())["progress"][0]["lesson_id"] == "mine"
        assert str(target) in message(screen)


async def test_a_full_disk_is_told_and_the_session_goes_on(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app()
    app.store.save_progress("mine", [("next",)], "s", False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        database = app.store._db
        pages = database.execute("PRAGMA page_count").fetchone()[0]
        database.execute(f"PRAGMA max_page_count = {pages}")
        app.store.save_progress("big", [("predict", float(i)) for i in range(20000)], "s", False)
        assert len(app.store_problems) == 1 and "full" in app.store_problems[0]
        await pilot.press("l")  # the app still answers keys (and this save fails quietly too)
        await until(pilot, lambda: app.lang == "zh", "the language switched")
        assert app.is_running
        assert list(app.store.all_progress()) == ["mine"]


async def test_a_damaged_row_is_set_aside_and_reported_once(
        new_app: Callable[..., DebtCoachApp], tmp_path: Path) -> None:
    with Store.open(tmp_path / "data") as store:
        store.save_progress("broken", [("next",)], "s", False)
        store.save_progress("fine", [("next",)], "s", False)
    with sqlite3.connect(tmp_path / "data" / DB_NAME) as db:
        db.execute("UPDATE progress SET updated_at = 'soon' WHERE lesson_id = 'broken'")
    db.close()
    app = new_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: bool(app.store_problems), "the set-aside row reported")
        assert len(app.store_problems) == 1 and "broken" in app.store_problems[0]
        assert list(app.store.all_progress()) == ["fine"]
    again = new_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, HomeScreen), "the home screen")
        assert again.store_problems == []


async def test_wipe_removes_the_exports_it_made_and_says_so(
        new_app: Callable[..., DebtCoachApp], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "mine.json"
    app = new_app()
    app.store.save_progress("mine", [("next",)], "s", False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#file", Input).value = str(export)
        await press(pilot, screen, "export")
        assert export.exists()
        await press(pilot, screen, "wipe")
        await answer(pilot, app, yes=True)
    assert not export.exists() and not (tmp_path / "data").exists()
    said = capsys.readouterr().err
    flat = said.replace("\n", "")  # long paths wrap at the terminal width
    assert "mine.json" in flat and DB_NAME in flat
