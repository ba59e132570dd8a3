"""Every shipped lesson played to its end in the app at 80×24, in both languages: at each question
its control is on screen, no choice is cut short, and a prediction's answer is not on screen before
the guess (and is, in view, after it)."""

import html
import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep, ScenarioStep
from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import command_line_settings
from tests.ui.waiting import until

LESSONS = Path(__file__).parents[2] / "lessons"


def screen_text(app: DebtCoachApp) -> str:
    """What the terminal shows, row by row (from the screenshot Textual would save)."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for m in re.finditer(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>',
                         app.export_screenshot()):
        rows.setdefault(float(m[2]), []).append((float(m[1]), html.unescape(m[3])))
    return "\n".join("".join(t for _, t in sorted(row)).replace("\xa0", " ")
                     for _, row in sorted(rows.items()))


async def settle(app: DebtCoachApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await until(pilot, lambda: getattr(app.screen, "settled", True), "scrolls done")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_lesson_plays_through_at_80x24(tmp_path: Path, lang: str) -> None:
    app = make_app(command_line_settings(lang, True, False, tmp_path, LESSONS,  # type: ignore[arg-type]
                                         environ={}))
    problems: list[str] = []
    finished = []
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in app.lessons:
            app.open_lesson(entry)
            await until(pilot, lambda: isinstance(app.screen, PlayerScreen), "the player")
            await until(pilot, lambda: getattr(app.screen, "player", None) is not None,
                        "the lesson loaded")
            screen = app.screen
            assert isinstance(screen, PlayerScreen) and screen.player is not None
            player = screen.player
            while True:
                step = player.step
                where = f"{entry.id}/{step.id}"
                await screen.show_step()
                await settle(app, pilot)
                shown = screen_text(app)
                if isinstance(step, PredictStep | QuizStep | DecisionStep):
                    focused = app.focused
                    if focused is None or focused.region.area == 0:
                        problems.append(f"{where}: the control is off screen")
                    labels = "".join(getattr(c, "label", getattr(c, "text", None)).text(lang)
                                     for c in getattr(step, "choices", []))
                    if shown.count("…") > labels.count("…") + shown.count("……") * 2:
                        problems.append(f"{where}: a choice cut short")
                if isinstance(step, PredictStep):
                    reveal = player.predict(3500)
                    answer = screen._shown(reveal.actual, step.unit)  # type: ignore[attr-defined]
                    if answer in shown:
                        problems.append(f"{where}: {answer} shown before the guess")
                    await screen.show_step()
                    await settle(app, pilot)
                    if answer not in screen_text(app):  # so the check above can fail
                        problems.append(f"{where}: the reveal does not show {answer}")
                elif isinstance(step, QuizStep):
                    player.give_up()
                elif isinstance(step, DecisionStep):
                    player.decide(0)
                elif isinstance(step, ScenarioStep):
                    while not player.step_done():
                        player.advance_month()
                if player.index + 1 == len(player.loaded.lesson.steps):
                    finished.append(entry.id)
                    break
                player.next()
            await pilot.press("escape")
            await pilot.pause()
    assert not problems, "\n".join(problems)
    assert finished == [entry.id for entry in app.lessons] and len(finished) == 8
