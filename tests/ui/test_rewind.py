"""← rereads a step as it was: the chart, the month and the cost line rewind to its month."""

from collections.abc import Callable

import pytest
from textual.widgets import Button, Static

from debtcoach.i18n import Lang
from debtcoach.lessons.schema import policy_with
from debtcoach.sim.run import start
from debtcoach.sim.summary import CostLine, cost_line
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.widgets.month_figures import MonthFigures
from tests.ui.test_play import open_lesson, skip_to, text_of


def month_title(screen) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one("#month", MonthFigures).title)


async def test_going_back_shows_the_chart_at_that_steps_month(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en", plain=True)  # the text chart: one line per month shown
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_lesson(app, pilot)
        await skip_to(screen, pilot, "run")
        await pilot.press("p")  # animations off: the months at once, to the pause at month 3
        await pilot.pause()
        player = screen.player
        assert player is not None and player.run("spiral").months == 3
        assert month_title(screen) == "Month 3"
        await skip_to(screen, pilot, "rest")
        await pilot.press("p")
        await pilot.pause()
        assert player.run("spiral").months == 6 and month_title(screen) == "Month 6"
        await pilot.press("left")  # back to the decision, left at month 3
        await pilot.pause()
        assert player.step.id == "choose"
        assert month_title(screen) == "Month 3"
        await pilot.press("right")
        await pilot.pause()
        assert player.step.id == "rest" and month_title(screen) == "Month 6"
        await pilot.press("left", "left")
        await pilot.pause()
        assert player.step.id == "run" and month_title(screen) == "Month 3"
        chart_lines = str(screen.query_one("#chart", Static).content).splitlines()
        assert [line.split()[0] for line in chart_lines] == ["need", "1", "2", "3"]
        assert "Debt (line" in str(screen.query_one("#chart").border_title)
        assert player.finished is False and player.furthest > player.index


def engine_branch(screen, choice: int) -> CostLine:  # type: ignore[no-untyped-def]
    """The engine alone: the lesson's scenario to the decision's month, then ``choice``'s policy."""
    loaded = screen.player.loaded
    step = next(s for s in loaded.lesson.steps if s.id == "choose")
    scenario, _, seed = loaded.scenarios["spiral"]
    engine = start(scenario, paths=1, seed=seed, record_events=True)
    engine.advance(3)
    engine.advance(0, policy=policy_with(scenario.policy, step.choices[choice].policy))
    engine.advance(scenario.months - 3)
    return cost_line(engine.result())


def other_key_shown(app: DebtCoachApp) -> bool:
    return any(b.binding.action == "other_choice" for b in app.active_bindings.values())


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_after_a_decision_another_choice_shows_its_branch_and_keeps_the_first(
        new_app: Callable[..., DebtCoachApp], lang: Lang) -> None:
    app = new_app(lang, plain=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await skip_to(screen, pilot, "run")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("right")  # → the decision, at month 3
        await pilot.pause()
        assert not other_key_shown(app)
        await pilot.click("#choice-0")
        await pilot.pause()
        assert other_key_shown(app)
        await pilot.press("right", "p")  # the first branch to the end
        await pilot.pause()
        player = screen.player
        assert player is not None and player.step.id == "rest" and player.step_done()
        first = engine_branch(screen, 0)
        assert text_of(screen, "#cost") == screen._cost_sentence(first)
        assert other_key_shown(app)  # the step right after the decision

        await pilot.press("o")  # back to the decision, another choice focused
        await pilot.pause()
        assert player.step.id == "choose" and app.focused is not None
        assert app.t("player.your_choice", choice="").strip() in str(
            screen.query_one("#choice-0", Button).label)
        await pilot.press("enter")
        await pilot.pause()
        assert player.decisions == {"choose": 1} and player.first_decisions == {"choose": 0}
        await pilot.press("right", "p")  # the other branch, re-run from month 3
        await pilot.pause()
        other = engine_branch(screen, 1)
        assert other != first
        assert text_of(screen, "#cost") == screen._cost_sentence(other)
        await pilot.press("escape")
        await pilot.pause()
    saved = app.store.load_progress("01-mini")
    assert saved is not None
    assert [a for a in saved.log if a[0] in ("decide", "explore")] == [("decide", 0),
                                                                       ("explore", 1)]
