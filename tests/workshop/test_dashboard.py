"""The facilitator's dashboard, driven by keys as the facilitator does: the room's answers,
true values and share correct only after a reveal, pacing, closing, and the room's fan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from debtcoach.store.rooms import ParticipantStore, RoomStore
from debtcoach.ui.catalog import load, scan
from debtcoach.ui.settings import PLAIN_THEME
from debtcoach.ui.widgets.debt_chart import DebtChart
from debtcoach.workshop.dashboard import DashboardApp
from debtcoach.workshop.paths import branch_costs
from tests.workshop import rooms

LESSONS = Path(__file__).parents[2] / "lessons"
TODAY = date(2026, 3, 1)


@pytest.fixture(scope="module")
def lesson():  # type: ignore[no-untyped-def]
    loaded = load(next(e for e in scan(LESSONS) if e.id == rooms.LESSON))
    return loaded, branch_costs(loaded, TODAY)


def _text(app: DashboardApp, widget_id: str) -> str:
    return str(app.query_one(f"#{widget_id}", Static).render())


async def test_reveal_pacing_close_and_fan(tmp_path: Path, lesson) -> None:  # type: ignore[no-untyped-def]
    loaded, costs = lesson
    rooms.seed(tmp_path, {0, 1, 2})
    store = RoomStore.open(tmp_path)
    app = DashboardApp(store, rooms.ROOM, loaded, costs, "en", today=TODAY,
                       refresh_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        questions = _text(app, "questions")
        assert "4 answered" in questions
        assert "% correct (" not in questions and "True value:" not in questions
        assert "0 connected / 5 joined" in _text(app, "header")

        steps = app.query_one("#steps", OptionList)
        steps.focus()
        steps.highlighted = [s for s, _ in app.results.steps].index("why-refused")  # type: ignore[union-attr]
        await pilot.press("r")
        assert "50% correct (2 of 4)" in _text(app, "questions")
        await pilot.press("r")  # hidden again
        assert "% correct (" not in _text(app, "questions")

        steps.highlighted = [s for s, _ in app.results.steps].index("guess-month-6")  # type: ignore[union-attr]
        await pilot.press("r")
        assert "True value: ¥" in _text(app, "questions")

        await pilot.press("p", "n", "n")
        room = store.require_room(rooms.ROOM)
        assert (room.paced, room.open_step) == (True, 2)
        assert "paced: open up to step 3" in _text(app, "header")
        await pilot.press("b")
        assert store.require_room(rooms.ROOM).open_step == 1

        await pilot.press("c")
        assert store.require_room(rooms.ROOM).closed and "CLOSED" in _text(app, "header")

        fan = _text(app, "fan")
        assert "4 paths" in fan
        assert app.fan is not None and len(app.fan.p50) == loaded.scenarios["spiral"][0].months
        chart = app.query_one("#fan-chart", DebtChart)
        assert chart.display and chart.border_title == "The room's debt (yuan)"
        assert chart.border_subtitle == "median solid · 10%/90% dotted · × story"
    store.close()


async def test_new_answers_show_on_the_next_read(tmp_path: Path, lesson) -> None:  # type: ignore[no-untyped-def]
    loaded, costs = lesson
    with RoomStore.open(tmp_path) as facilitator:
        facilitator.create_room(rooms.ROOM, rooms.LESSON)
    store = RoomStore.open(tmp_path)
    app = DashboardApp(store, rooms.ROOM, loaded, costs, "en", today=TODAY,
                       refresh_seconds=3600)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "0 answers" in _text(app, "header")
        with ParticipantStore.enter(tmp_path, rooms.ROOM, "ab" * 8) as participant:
            participant.record_answer(rooms.LESSON, "guess-month-6", "predict", 5000.0, None,
                                      None)
            app.reload()
            await pilot.pause()
            assert "1 connected / 1 joined · 1 answer ·" in _text(app, "header")
    store.close()


async def test_reset_asks_first(tmp_path: Path, lesson) -> None:  # type: ignore[no-untyped-def]
    loaded, costs = lesson
    rooms.seed(tmp_path, {0, 1, 2})
    store = RoomStore.open(tmp_path)
    app = DashboardApp(store, rooms.ROOM, loaded, costs, "zh", today=TODAY,
                       refresh_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.press("escape")  # no
        assert store.count_answers(rooms.ROOM) > 0
        await pilot.press("x")
        await pilot.click("#yes")
        await pilot.pause()
        assert store.count_answers(rooms.ROOM) == 0
        assert "加入 0 人" in _text(app, "header")
    store.close()


async def test_plain_dashboard_has_no_box_drawing(tmp_path: Path, lesson) -> None:  # type: ignore[no-untyped-def]
    """`debtcoach --plain workshop dashboard`: the terminal's own colours, no border round the
    step list, the same text."""
    loaded, costs = lesson
    rooms.seed(tmp_path, {0, 1, 2})
    with RoomStore.open(tmp_path) as store:
        app = DashboardApp(store, rooms.ROOM, loaded, costs, "en", today=TODAY,
                           refresh_seconds=3600, plain=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.theme == PLAIN_THEME
            steps = app.query_one("#steps", OptionList)
            assert steps.styles.border_top[0] in ("", "none")
            assert "4 answered" in _text(app, "questions")
