"""A participant's app in a room, started as `debtcoach --room CODE` starts it (Pilot): the
nickname screen first, the facilitator's lesson next, pacing holding the room at the opened step,
and a closed room turning newcomers away."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from debtcoach.store.rooms import RoomStore
from debtcoach.ui.app import make_app
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.settings import Settings
from debtcoach.workshop.join import JoinScreen

LESSONS = Path(__file__).parents[2] / "lessons"
ROOM = "PACE"
PARTICIPANT = "cd" * 8


def _app(folder: Path):  # type: ignore[no-untyped-def]
    settings = Settings(lang="en", lang_chosen=True, data_dir=folder, lessons_dir=LESSONS,
                        animations=False, room=ROOM, participant=PARTICIPANT)
    return make_app(settings)


async def test_nickname_then_lesson_held_by_pacing(tmp_path: Path) -> None:
    with RoomStore.open(tmp_path) as facilitator:
        facilitator.create_room(ROOM, "01-first-loan", paced=True)
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        app.screen.query_one("#nickname", Input).value = "Mei"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        assert screen.player.index == 0
        await pilot.press("right")  # the facilitator has opened only the first step
        await pilot.pause()
        assert screen.player.index == 0
        with RoomStore.open(tmp_path) as facilitator:
            facilitator.open_step(ROOM, 1)
        await pilot.press("right")
        await pilot.pause()
        assert screen.player.index == 1
    with RoomStore.open(tmp_path) as facilitator:
        [person] = facilitator.participants(ROOM)
        assert (person.label, person.step_id) == ("Mei", screen.player.step.id)


async def test_a_closed_room_takes_no_one_in(tmp_path: Path) -> None:
    with RoomStore.open(tmp_path) as facilitator:
        facilitator.create_room(ROOM, "01-first-loan")
        facilitator.set_closed(ROOM, True)
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert "closed" in str(app.screen.query_one("#welcome", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)


async def test_home_is_one_escape_away_from_the_room_lesson_and_back_resumes_it(
        tmp_path: Path) -> None:
    """The room's lesson opens straight after the nickname (no home screen built beneath it);
    Escape still leads home, and a participant coming back resumes the lesson where they were."""
    from debtcoach.ui.screens.home import HomeScreen

    with RoomStore.open(tmp_path) as facilitator:
        facilitator.create_room(ROOM, "01-first-loan")
    for attempt in ("first", "back"):
        app = _app(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            if attempt == "first":
                assert isinstance(app.screen, JoinScreen)
                await pilot.press("enter")
            while not (isinstance(app.screen, PlayerScreen) and app.screen.player is not None):
                await pilot.pause()
            screen = app.screen
            assert screen.player is not None
            assert screen.player.index == (0 if attempt == "first" else 1)
            if attempt == "first":
                await pilot.press("right")
                await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
