"""The home screen in `--plain` and the terminal's own colours: no decorative boxes, focus shown
by reversed bold text (Pilot for behaviour, a snapshot at 80×24 for the look)."""

from pathlib import Path
from typing import cast

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, OptionList

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import command_line_settings
from tests.ui.waiting import until

LESSONS = Path(__file__).parents[2] / "lessons"


def build(tmp_path: Path, lang: str, plain: bool = True,
          environ: dict[str, str] | None = None) -> DebtCoachApp:
    settings = command_line_settings("zh" if lang == "zh" else "en", True, plain,
                                     tmp_path / "data", LESSONS, environ=environ or {})
    return make_app(settings)


@pytest.mark.parametrize(("plain", "environ"), [(True, {}), (False, {"NO_COLOR": "1"})])
async def test_plain_and_no_color_home_draws_no_boxes(tmp_path: Path, plain: bool,
                                                      environ: dict[str, str]) -> None:
    app = build(tmp_path, "en", plain, environ)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        screen = app.screen
        assert app.has_class("plain")
        lessons = screen.query_one("#lessons", OptionList)
        assert lessons.styles.border_top[0] in ("", "none")
        for button in screen.query(Button):
            assert button.styles.border_top[0] in ("", "none")
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, Button)
        assert app.focused.styles.text_style.reverse  # focus is not colour alone


async def test_switching_to_a_colour_theme_brings_the_boxes_back(tmp_path: Path) -> None:
    app = build(tmp_path, "en", plain=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        screen = app.screen
        assert not app.has_class("plain")
        app.set_theme("ansi-light")
        await pilot.pause()
        assert app.has_class("plain")
        app.set_theme("textual-dark")
        await pilot.pause()
        assert not app.has_class("plain")
        assert screen.query_one("#lessons", OptionList).styles.border_top[0] not in ("", "none")


async def home_shown(pilot: Pilot[None]) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen), "the home screen")
    await pilot.pause()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_home_at_80x24(snap_compare, tmp_path: Path,  # type: ignore[no-untyped-def]
                             lang: str) -> None:
    assert snap_compare(build(tmp_path, lang), terminal_size=(80, 24), run_before=home_shown)


@pytest.mark.parametrize("plain", [True, False])
async def test_enter_on_the_home_screen_opens_the_first_lesson(tmp_path: Path, plain: bool) -> None:
    """A first-time user presses Enter: the highlighted lesson opens, no arrow key needed."""
    app = build(tmp_path, "en", plain)
    async with app.run_test(size=(80, 24)) as pilot:
        await home_shown(pilot)
        lessons = app.screen.query_one("#lessons", OptionList)
        assert app.focused is lessons
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayerScreen), "a lesson opened")
        assert cast(PlayerScreen, app.screen).entry == app.lessons[0]
