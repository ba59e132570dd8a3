"""A lesson with Monte Carlo answers opens at once: the runs go on while the learner reads, the
question that needs them says so, and a guess typed meanwhile is revealed when they are done."""

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

import debtcoach.ui.screens.player as player_screen
from debtcoach.lessons.loader import LoadedLesson
from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.catalog import complete
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings
from tests.ui.conftest import LESSONS
from tests.ui.test_play import go_to, open_lesson
from tests.ui.waiting import until


@pytest.fixture
def many_paths(tmp_path: Path) -> Path:
    """The test lessons with the "spiral" scenario run over 200 paths (a Monte Carlo answer)."""
    root = tmp_path / "lessons"
    shutil.copytree(LESSONS, root)
    toml = root / "01-mini" / "lesson.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('months = 6\n', 'months = 6\npaths = 200\n', 1),
                    encoding="utf-8")
    return root


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds the Monte Carlo runs back until the test sets the event (then they run for real)."""
    event = threading.Event()

    def held(loaded: LoadedLesson, *args: object) -> object:
        assert event.wait(60), "the test never let the runs go"
        return complete(loaded, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(player_screen, "complete", held)
    yield event
    event.set()


def build(root: Path, data: Path) -> Callable[[], DebtCoachApp]:
    def new() -> DebtCoachApp:
        return make_app(Settings(lang="en", lang_chosen=True, data_dir=data, lessons_dir=root,
                                 animations=False))
    return new


async def open_first(pilot: Pilot[None]) -> PlayerScreen:
    """The first lesson, opened from home (its Monte Carlo runs may still be going)."""
    app = pilot.app
    assert isinstance(app, DebtCoachApp)
    await until(pilot, lambda: bool(app.screen.query("#lessons")), "the home screen")
    app.open_lesson(app.lessons[0])
    await until(pilot, lambda: isinstance(app.screen, PlayerScreen)
                and app.screen.player is not None, "the lesson open")
    assert isinstance(app.screen, PlayerScreen)
    return app.screen


def feedback(screen: PlayerScreen) -> str:
    return str(screen.query_one("#feedback", Static).render())


async def test_the_lesson_opens_before_its_monte_carlo_runs_and_a_guess_waits_for_them(
        many_paths: Path, tmp_path: Path, gate: threading.Event) -> None:
    app = build(many_paths, tmp_path / "data")()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)  # its runs held back
        assert screen.player is not None
        assert "guess" in screen.player.loaded.pending
        await go_to(screen, pilot, "guess")
        assert "Computing the 200 paths" in feedback(screen)
        screen.query_one("#number", Input).value = "2000"
        await pilot.press("enter")
        await pilot.pause()
        assert "Your guess: ¥2,000.00" in feedback(screen)
        assert "guess" not in screen.player.predictions  # no reveal before the answer exists
        await pilot.press("right")
        assert screen.player.step.id == "guess"
        gate.set()
        await until(pilot, lambda: "guess" in screen.player.predictions, "the reveal")
        assert screen.player.predictions["guess"].guess == 2000
        assert "too low" in feedback(screen) or "too high" in feedback(screen)
        assert "average of 200 paths" in feedback(screen)
        spread = screen.player.loaded.spreads["spiral"]  # worked out in the background too
        shown = feedback(screen)
        assert "All 200 paths, month by month" in shown and "median" in shown
        last = next(line for line in shown.splitlines() if line.strip().startswith("6 "))
        assert f"¥{spread.debt_p90[-1] / 100:,.0f}" in last
        assert f"{spread.in_default[-1] * 100:.1f}%" in last


async def test_resuming_past_a_monte_carlo_question_waits_for_it_then_returns_there(
        many_paths: Path, tmp_path: Path, gate: threading.Event) -> None:
    new = build(many_paths, tmp_path / "data")
    gate.set()
    app = new()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await until(pilot, lambda: not screen.player.loaded.pending, "the runs")  # type: ignore[union-attr]
        await go_to(screen, pilot, "guess")
        screen.query_one("#number", Input).value = "3000"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        assert screen.player is not None
        where = screen.player.step.id
        await pilot.press("ctrl+q")
    (tmp_path / "data" / "answer-cache.json").unlink()  # a cold start: the runs again
    gate.clear()
    again = new()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await until(pilot, lambda: isinstance(again.screen, PlayerScreen), "the player")
        screen = again.screen
        assert isinstance(screen, PlayerScreen)
        label = screen.query_one("#loading-label", Label)
        await until(pilot, lambda: "Computing this lesson" in str(label.render()),
                    "the wait explained")
        assert screen.player is None
        gate.set()
        await until(pilot, lambda: screen.player is not None, "the lesson resumed")
        assert screen.player is not None and screen.player.step.id == where
        assert screen.player.predictions["guess"].guess == 3000
