"""What the workshop's screens look like, in both languages at 80×24 and 120×40: the dashboard
of a room that answered a quiz, a prediction and a decision, before and after the facilitator
reveals the quiz and the prediction; and a participant's nickname screen.

Run `pytest tests/workshop/test_snapshots.py --snapshot-update` after an intended change, and
look at the SVGs in the report before committing them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from debtcoach.store.rooms import RoomStore
from debtcoach.ui.app import make_app
from debtcoach.ui.catalog import load, scan
from debtcoach.ui.settings import Settings
from debtcoach.workshop.dashboard import DashboardApp
from debtcoach.workshop.paths import branch_costs
from tests.workshop import rooms

LESSONS = Path(__file__).parents[2] / "lessons"
TODAY = date(2026, 3, 1)
SIZES = [(80, 24), (120, 40)]
LANGS = ["zh", "en"]


@pytest.fixture(scope="module")
def lesson():  # type: ignore[no-untyped-def]
    loaded = load(next(e for e in scan(LESSONS) if e.id == rooms.LESSON))
    return loaded, branch_costs(loaded, TODAY)


def revealing(*step_ids: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the room's fan, then reveal ``step_ids`` as the facilitator does (highlight,
    `r`), leaving the first step highlighted."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, DashboardApp)
        await app.workers.wait_for_complete()
        await pilot.pause()
        steps = app.query_one("#steps", OptionList)
        steps.focus()
        assert app.results is not None
        order = [step_id for step_id, _ in app.results.steps]
        for step_id in step_ids:
            steps.highlighted = order.index(step_id)
            await pilot.press("r")
        steps.highlighted = 0
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("revealed", [False, True], ids=["hidden", "revealed"])
def test_dashboard(snap_compare, tmp_path: Path, lesson, revealed: bool,  # type: ignore[no-untyped-def]
                   lang: str, size: tuple[int, int]) -> None:
    loaded, costs = lesson
    rooms.seed(tmp_path, {0, 1, 2})
    with RoomStore.open(tmp_path) as store:
        app = DashboardApp(store, rooms.ROOM, loaded, costs, "zh" if lang == "zh" else "en",
                           today=TODAY, refresh_seconds=3600)
        shown = ("why-refused", "guess-month-6") if revealed else ()
        assert snap_compare(app, terminal_size=size, run_before=revealing(*shown))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_nickname_screen(snap_compare, tmp_path: Path, lang: str,  # type: ignore[no-untyped-def]
                         size: tuple[int, int]) -> None:
    with RoomStore.open(tmp_path) as store:
        store.create_room(rooms.ROOM, rooms.LESSON)
    settings = Settings(lang="zh" if lang == "zh" else "en", lang_chosen=True,
                        data_dir=tmp_path, lessons_dir=LESSONS, animations=False,
                        room=rooms.ROOM, participant="cd" * 8)
    assert snap_compare(make_app(settings), terminal_size=size)
