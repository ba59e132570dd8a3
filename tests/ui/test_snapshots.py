"""What the screens look like, in both languages at 80×24 and 120×40 (pytest-textual-snapshot).

Run `pytest tests/ui/test_snapshots.py --snapshot-update` after an intended change, and look at
the SVGs in the report before committing them."""

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep
from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings
from tests.ui.waiting import until

LESSONS = Path(__file__).parents[2] / "lessons"
SIZES = [(80, 24), (120, 40)]
LANGS = ["zh", "en"]


def build(tmp_path: Path, lang: str) -> DebtCoachApp:
    settings = Settings(lang="zh" if lang == "zh" else "en", lang_chosen=True,
                        data_dir=tmp_path / "data", lessons_dir=LESSONS, animations=False)
    return make_app(settings)


def at_step(lesson_id: str, step_id: str, months: int | None = None,
            keys: tuple[str, ...] = ()) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Open a lesson and walk its player to a step (and a month), then press ``keys``."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, DebtCoachApp)
        entry = next(e for e in app.lessons if e.id == lesson_id)
        app.open_lesson(entry)
        await until(pilot, lambda: isinstance(app.screen, PlayerScreen), "the player")
        await app.workers.wait_for_complete()
        await until(pilot, lambda: getattr(app.screen, "player", None) is not None,
                    "the lesson loaded")
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        player = screen.player
        while player.step.id != step_id:
            step = player.step
            if isinstance(step, PredictStep) and step.id not in player.predictions:
                player.predict(3500)
            elif isinstance(step, DecisionStep) and step.id not in player.decisions:
                player.decide(0)
            elif isinstance(step, QuizStep) and step.id not in player.quiz_results:
                player.give_up()
            player.next()
        while months is not None and player.run(player.active_scenario or "").months < months:
            player.advance_month()
        await screen.show_step()
        for field in screen.query(Input):
            field.cursor_blink = False
        await until(pilot, lambda: screen.settled, "the step scrolled to its news")
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await until(pilot, lambda: screen.settled, "the step scrolled to its news")
            await pilot.pause()

    return run_before


async def at_home(pilot: Pilot[None]) -> None:
    await pilot.pause()


def typed(text: str) -> tuple[str, ...]:
    return (*text, "enter")


CASES = {
    "home": at_home,
    "player-month-5": at_step("04-borrowing-to-repay", "to-month-5", months=5),
    "quiz": at_step("04-borrowing-to-repay", "why-refused"),
    "warning": at_step("04-borrowing-to-repay", "stacking"),
    "help": at_step("04-borrowing-to-repay", "to-month-5", months=5, keys=("question_mark",)),
}

# The states that used to fall below the fold at 80×24: each must be on screen.
SMALL_CASES = {
    "predict-question": at_step("01-first-loan", "guess-year"),
    "predict-reveal": at_step("01-first-loan", "guess-year", keys=typed("30")),
    "quiz-second-try-hint": at_step("01-first-loan", "qianyi", keys=typed("12")),
    "quiz-long-choices": at_step("05-when-you-cant-pay", "which-cap"),
    "quiz-answer-marked": at_step("05-when-you-cant-pay", "which-cap", keys=("enter", "a")),
    "decision": at_step("04-borrowing-to-repay", "choose"),
    "decision-feedback": at_step("04-borrowing-to-repay", "choose", keys=("down", "enter")),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_screens(snap_compare, tmp_path: Path, case: str, lang: str,  # type: ignore[no-untyped-def]
                 size: tuple[int, int]) -> None:
    assert snap_compare(build(tmp_path, lang), terminal_size=size, run_before=CASES[case])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(SMALL_CASES))
def test_small_screens(snap_compare, tmp_path: Path, case: str,  # type: ignore[no-untyped-def]
                       lang: str) -> None:
    assert snap_compare(build(tmp_path, lang), terminal_size=(80, 24),
                        run_before=SMALL_CASES[case])
