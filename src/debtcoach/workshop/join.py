"""A participant's way into the room: an optional nickname, then the facilitator's lesson, where
the room's pacing may hold them at the step the facilitator has opened."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Self, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from debtcoach.errors import InputError
from debtcoach.store.rooms import (
    HEARTBEAT_SECONDS,
    NICKNAME_MAX,
    ParticipantStore,
    new_participant_id,
)
from debtcoach.ui.saving import SessionStore
from debtcoach.ui.screens import player
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.player import PlayerScreen


class RoomSessionStore(SessionStore, ParticipantStore):
    """The app's store in a room: saves go under the room and this participant, and a failed
    save is told to the participant like any other (see :class:`SessionStore`)."""

    @classmethod
    def enter(cls, folder: Path, code: str, participant: str | None = None) -> Self:
        return super().enter(folder, code, participant or new_participant_id())


if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp
    from debtcoach.ui.catalog import LessonEntry


def join_room(app: DebtCoachApp) -> None:
    """The app's first screens in a room. Newcomers see only the nickname screen (keys typed
    before it is up cannot open anything else); someone coming back goes straight to where
    they were. Home is built only when they go there: every participant's app starts at
    once, in a room that waits for the slowest."""
    store = cast(ParticipantStore, app.store)
    app.set_interval(HEARTBEAT_SECONDS, lambda: still_here(store), name="room heartbeat")
    entry = room_lesson(app)
    if entry is not None and store.load_progress(entry.id) is not None:
        app.push_screen(RoomPlayerScreen(entry))
    else:
        app.push_screen(JoinScreen())


def still_here(store: ParticipantStore) -> None:
    """The heartbeat that keeps this participant connected in the room; a beat missed (the
    file busy, the store already closed on the way out) is only a beat missed."""
    with suppress(InputError, sqlite3.ProgrammingError):
        store.heartbeat()


def room_lesson(app: DebtCoachApp) -> LessonEntry | None:
    """The lesson the facilitator chose for the room (None: participants pick from home)."""
    lesson_id = cast(ParticipantStore, app.store).current_room.lesson_id
    return next((entry for entry in app.lessons if entry.id == lesson_id), None)


class SteadyCursor:
    """A room's screens keep the text cursor steady: a blinking one redraws the screen twice a
    second, and for a participant in a browser every redraw also costs the server's CPU, for
    each idle participant in the room."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False


class JoinScreen(SteadyCursor, Screen[None]):
    DEFAULT_CSS = """
    JoinScreen { align: center middle; }
    JoinScreen #join {
        width: 60; max-width: 100%; height: auto; padding: 1 2; border: round $accent;
    }
    JoinScreen #nickname { margin: 1 0; }
    """

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    @property
    def store(self) -> ParticipantStore:
        return cast(ParticipantStore, self.coach.store)

    def compose(self) -> ComposeResult:
        with Vertical(id="join"):
            yield Static(id="welcome")
            yield Input(id="nickname", max_length=NICKNAME_MAX)
            yield Button(id="enter", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#nickname", Input).focus()

    def relabel(self) -> None:
        app, room = self.coach, self.store.current_room
        closed = room.closed
        self.query_one("#welcome", Static).update(
            app.t("workshop.join_closed" if closed else "workshop.join_welcome",
                  room=room.code))
        self.query_one("#nickname", Input).placeholder = app.t("workshop.join_placeholder")
        self.query_one("#nickname").display = not closed
        self.query_one("#enter", Button).label = app.t("workshop.join_enter")
        self.query_one("#enter").display = not closed

    @on(Button.Pressed, "#enter")
    @on(Input.Submitted, "#nickname")
    def enter(self) -> None:
        if self.store.current_room.closed:
            self.relabel()
            return
        self.store.set_nickname(self.query_one("#nickname", Input).value)
        entry = room_lesson(self.coach)
        self.app.switch_screen(HomeScreen() if entry is None else RoomPlayerScreen(entry))


class RoomPlayerScreen(SteadyCursor, PlayerScreen):
    """The lesson player in a room: with pacing on, nobody moves past the opened step."""

    CSS_PATH = str(Path(player.__file__).with_name("player.tcss"))  # the player's own styles

    async def action_next(self) -> None:
        player = self.player
        store = cast(ParticipantStore, self.coach.store)
        moving_on = (player is not None and player.step_done()
                     and player.index + 1 < len(player.steps))
        if player is not None and moving_on and not store.may_enter(player.index + 1):
            self.notify(self.coach.t("workshop.wait_for_facilitator"))
            return
        await super().action_next()
