"""A lesson ends on a summary; Continue goes forward; going back never un-finishes a lesson."""

import shutil
from pathlib import Path

from textual.widgets import Button, Static

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.lesson_end import LessonEndScreen
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings
from tests.ui.test_play import open_lesson, skip_to

FIXTURE = Path(__file__).parents[1] / "data" / "lessons"


def two_lessons(tmp_path: Path) -> Path:
    """The fixture lesson twice: 01-mini and a copy 02-mini after it."""
    root = tmp_path / "lessons"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(root / "01-mini", root / "02-mini")
    toml = root / "02-mini" / "lesson.toml"
    toml.write_text(toml.read_text().replace('id = "01-mini"', 'id = "02-mini"', 1)
                    .replace("order = 1", "order = 2", 1)
                    .replace('en = "Mini lesson"', 'en = "Second mini"', 1))
    return root


def build(tmp_path: Path, lessons: Path) -> DebtCoachApp:
    return make_app(Settings(lang="en", lang_chosen=True, data_dir=tmp_path / "data",
                             lessons_dir=lessons, animations=False))


async def test_the_end_summary_then_the_next_lesson_and_back_keeps_it_finished(
        tmp_path: Path) -> None:
    lessons = two_lessons(tmp_path)
    app = build(tmp_path, lessons)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await skip_to(screen, pilot, "sum")
        assert screen.player is not None and screen.player.finished
        await pilot.press("right")
        await pilot.pause()
        end = app.screen
        assert isinstance(end, LessonEndScreen)
        text = str(end.query_one("#end", Static).render())
        assert "Lesson complete: Mini lesson" in text
        assert "Debt at the end of month 3? You guessed" in text  # the prediction
        assert "(answer shown after 0 tries)" in text
        assert "Next: Second mini" in text
        await pilot.press("left")  # back to reread
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("left")
        await pilot.pause()
        screen.save_progress()
        saved = app.store.load_progress("01-mini")
        assert saved is not None and saved.finished  # going back does not un-finish it
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "Second mini" in str(home.query_one("#continue", Button).label)
        await pilot.press("c")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen) and app.screen.entry.id == "02-mini"


async def test_continue_is_not_offered_before_anything_is_started(tmp_path: Path) -> None:
    app = build(tmp_path, FIXTURE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one("#continue", Button).display
        assert home.check_action("continue", ()) is False
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is home
