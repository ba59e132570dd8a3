"""End to end without a browser: `debtcoach workshop serve` on loopback, a participant joins over
the websocket as the page does, answers, and the answer is in the room's data; after the
disconnect no app process is left, and a reconnect from the same browser resumes the lesson."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from debtcoach.store.rooms import RoomStore
from debtcoach.ui.catalog import load, scan
from debtcoach.workshop.dashboard import read_results
from tests.workshop.client import ENTER, RIGHT, Participant, ServerProcess, free_port, step_shown

ROOM = "E2E1"
LESSON = "01-first-loan"
LESSONS = Path(__file__).parents[2] / "lessons"


async def _until_no_children(server: ServerProcess, timeout: float = 60) -> list[int]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while (left := server.children()) and loop.time() < deadline:
        await asyncio.sleep(0.1)  # polling the process table, not timing anything
    return left


async def _until_disconnected(folder: Path, timeout: float = 60) -> list[bool]:
    """Who the room has connected, once the server has marked the leaver (it does so after
    their process has ended)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        with RoomStore.open(folder) as store:
            connected = [p.connected for p in store.participants(ROOM)]
        if not any(connected) or loop.time() > deadline:
            return connected
        await asyncio.sleep(0.1)  # polling the store, not timing anything


@pytest.fixture
def server(tmp_path: Path) -> ServerProcess:
    serving = ServerProcess(tmp_path, ROOM, LESSON, free_port())
    yield serving
    output = serving.stop()
    assert "Traceback" not in output, output
    title = next(entry.title["en"] for entry in scan(LESSONS) if entry.id == LESSON)
    assert f"lesson: {title} ({LESSON})" in output  # the banner names the lesson by its title


async def test_join_answer_disconnect_and_resume(server: ServerProcess, tmp_path: Path) -> None:
    await server.ready()
    participant = Participant(server.base_url)
    try:
        await participant.open()
        # The page fetches nothing from outside: every address in it is the server's own.
        urls = re.findall(r"""(?:src|href)=["']([^"']+)""", participant.page)
        urls += re.findall(r"""url\(["']?([^"')]+)""", participant.page)
        urls += re.findall(r"""data-session-websocket-url=["']([^"']+)""", participant.page)
        assert urls and all(u.startswith((server.base_url, "ws://127.0.0.1")) for u in urls), urls
        assert "googleapis" not in participant.page

        assert await participant.ping("42") == "42"
        await participant.wait_for(f"Welcome to room {ROOM}")
        await participant.send("Ann" + ENTER)
        await participant.wait_for(lambda screen: step_shown(screen) == 1)
        await participant.send(RIGHT)
        await participant.wait_for(lambda screen: step_shown(screen) == 2)
        await participant.send("18" + ENTER)
        await participant.wait_for("you guessed 18")

        # The answer is in the dashboard's data, under the participant's nickname.
        lesson = load(next(e for e in scan(LESSONS) if e.id == LESSON))
        with RoomStore.open(tmp_path) as store:
            results = read_results(store, ROOM, lesson, None)
        guess = next(q for q in results.questions if q.step_id == "guess-year")
        assert (guess.answered, guess.numbers) == (1, [0.18])
        assert [(p.label, p.connected, p.step_id) for p in results.participants] == [
            ("Ann", True, "guess-year")]
        assert dict(results.steps)["guess-year"] == 1

        await participant.disconnect()
        assert await _until_no_children(server) == []
        assert await _until_disconnected(tmp_path) == [False]

        await participant.connect()  # the same browser (cookie) comes back: same place
        await participant.wait_for(lambda screen: step_shown(screen) == 2)
        with RoomStore.open(tmp_path) as store:
            assert [(p.label, p.connected) for p in store.participants(ROOM)] == [("Ann", True)]
    finally:
        await participant.close()
    assert await _until_no_children(server) == []
