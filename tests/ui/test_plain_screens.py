"""`--plain` beyond the home screen: every screen a learner reaches draws no box around buttons,
inputs, windows or panels (box drawing is noise to a screen reader), and a window covers the
whole screen instead of floating over the text behind it."""

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.confirm import ConfirmScreen
from debtcoach.ui.screens.facts import FactsScreen
from debtcoach.ui.screens.help import HelpScreen
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.knowledge import KnowledgeScreen
from debtcoach.ui.screens.settings import SettingsScreen
from debtcoach.ui.screens.why import WhyScreen
from debtcoach.ui.settings import command_line_settings
from tests.ui.test_snapshots import at_step
from tests.ui.waiting import until

LESSONS = Path(__file__).parents[2] / "lessons"
NO_BOX = ("", "none", "hidden")


def plain_app(tmp_path: Path, lang: str) -> DebtCoachApp:
    return make_app(command_line_settings(lang, True, True, tmp_path / "data", LESSONS,
                                          environ={}))


def boxed(screen: Screen[Any]) -> list[str]:
    """The shown widgets of ``screen`` that draw a border (Widget() for the screen itself)."""
    found = []
    for widget in [screen, *screen.query(Widget)]:
        if not widget.display:
            continue
        edges = (widget.styles.border_top, widget.styles.border_right,
                 widget.styles.border_bottom, widget.styles.border_left)
        if any(edge[0] not in NO_BOX for edge in edges):
            found.append(f"{type(widget).__name__}#{widget.id}")
    return found


async def shows_plainly(pilot: Pilot[None], kind: type[Screen[Any]]) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    await pilot.pause()
    screen = pilot.app.screen
    assert not boxed(screen), f"{kind.__name__} draws boxes: {boxed(screen)}"
    if isinstance(screen, ModalScreen):
        window = screen.children[0]
        assert window.region.width == screen.region.width, f"{kind.__name__} floats"


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_screen_of_a_lesson_is_plain(tmp_path: Path, lang: str) -> None:
    app = plain_app(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await shows_plainly(pilot, HomeScreen)
        await pilot.press("question_mark")
        await shows_plainly(pilot, HelpScreen)
        await pilot.press("escape")
        await at_step("01-first-loan", "guess-year")(pilot)
        assert isinstance(app.focused, Input)  # the guess is typed on one plain line
        assert app.focused.region.height == 1
        assert not boxed(app.screen)
        await pilot.press("escape")
        await at_step("02-upfront-fees", "above-court-cap")(pilot)
        await pilot.press("w")
        await shows_plainly(pilot, WhyScreen)
        await pilot.press("escape")
        await pilot.press("escape")
        await at_step("04-borrowing-to-repay", "first-stack")(pilot)
        assert not boxed(app.screen)
        await pilot.press("i")
        await shows_plainly(pilot, FactsScreen)
        await pilot.press("escape")


async def test_settings_a_confirmation_and_the_knowledge_check_are_plain(tmp_path: Path) -> None:
    app = plain_app(tmp_path, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await shows_plainly(pilot, HomeScreen)
        await pilot.press("s")
        await shows_plainly(pilot, SettingsScreen)
        buttons = [b for b in app.screen.query(Button) if b.display]
        assert buttons and all(b.region.height <= 2 for b in buttons)
        app.push_screen(ConfirmScreen("Sure?"))
        await shows_plainly(pilot, ConfirmScreen)
        await pilot.press("escape")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        app.push_screen(KnowledgeScreen())
        await shows_plainly(pilot, KnowledgeScreen)
