"""← rereads a step as it was: the chart, the month and the cost line rewind to its month."""

from collections.abc import Callable

from textual.widgets import Static

from debtcoach.ui.app import DebtCoachApp
from tests.ui.test_play import open_lesson, skip_to


def month_title(screen) -> str:  # type: ignore[no-untyped-def]
    content = screen.query_one("#month", Static).content
    return str(getattr(content, "title", content))


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
        assert [line.split()[0] for line in chart_lines] == ["0", "1", "2", "3"]
        assert "Debt (line" in str(screen.query_one("#chart").border_title)
        assert player.finished is False and player.furthest > player.index
