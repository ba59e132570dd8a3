"""Rooms in the facilitator's store: isolation between participants, idempotent answers, and
many processes writing at once without losing anything."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.store import Store
from debtcoach.store.rooms import (
    NICKNAME_MAX,
    STALE_AFTER,
    ParticipantStore,
    RoomStore,
    clean_nickname,
    new_code,
    new_participant_id,
    parse_code,
)

ROOM = "K7QM"
T = TypeVar("T")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with RoomStore.open(tmp_path) as store:
        store.create_room(ROOM, "01-first-loan")
    return tmp_path


def test_each_participant_keeps_their_own_place(folder: Path) -> None:
    alice, bob = new_participant_id(), new_participant_id()
    with ParticipantStore.enter(folder, ROOM, alice) as a, \
            ParticipantStore.enter(folder, ROOM, bob) as b:
        a.save_progress("01-first-loan", [("next",), ("next",)], "s3", False)
        b.save_progress("01-first-loan", [("next",)], "s2", False)
        a_place, b_place = a.load_progress("01-first-loan"), b.load_progress("01-first-loan")
    assert a_place is not None and a_place.step_id == "s3"
    assert b_place is not None and b_place.step_id == "s2"
    with Store.open(folder) as own:  # the facilitator's own lessons are untouched
        assert own.all_progress() == {}


def test_first_answer_is_the_rooms_and_repeats_change_nothing(folder: Path) -> None:
    someone = new_participant_id()
    with ParticipantStore.enter(folder, ROOM, someone) as store:
        store.record_answer("01-first-loan", "quiz-apr", "quiz", [1], False, None)
        store.record_answer("01-first-loan", "quiz-apr", "quiz", [2], True, None)
        store.record_answer("01-first-loan", "guess", "predict", 1200.0, None, 1500.0)
        answers = store.room_answers(ROOM)
    assert [(a.step_id, a.value, a.correct) for a in answers] == [
        ("quiz-apr", [1], False), ("guess", 1200.0, None)]
    assert all(a.participant == someone for a in answers)


def test_a_decision_saved_with_the_place_is_kept_once(folder: Path) -> None:
    with ParticipantStore.enter(folder, ROOM, new_participant_id()) as store:
        store.save_progress("01-first-loan", [("next",), ("decide", 1)], "choose", False)
        store.save_progress("01-first-loan", [("next",), ("decide", 1)], "choose", False)
        store.save_progress("01-first-loan", [("next",), ("decide", 1), ("next",)], "after",
                            False)
        decisions = [a for a in store.room_answers(ROOM) if a.kind == "decision"]
    assert [(d.step_id, d.value) for d in decisions] == [("choose", [1])]


def test_participant_settings_stay_with_the_process(folder: Path) -> None:
    with Store.open(folder) as own:
        own.set_setting("lang", "zh")
    with ParticipantStore.enter(folder, ROOM, new_participant_id()) as store:
        assert store.get_setting("lang") == "zh"
        store.set_setting("lang", "en")
        assert store.get_setting("lang") == "en"
    with Store.open(folder) as own:
        assert own.get_setting("lang") == "zh"


def test_join_numbers_and_connection(folder: Path) -> None:
    first, second = new_participant_id(), new_participant_id()
    with ParticipantStore.enter(folder, ROOM, first) as store:
        assert store.set_nickname("  小\u200b王\n ") == "小王"
        with ParticipantStore.enter(folder, ROOM, second):
            people = store.participants(ROOM)
            assert [(p.number, p.label, p.connected) for p in people] == [
                (1, "小王", True), (2, "P2", True)]
    with RoomStore.open(folder) as facilitator:
        assert [p.connected for p in facilitator.participants(ROOM)] == [False, False]
    with ParticipantStore.enter(folder, ROOM, first) as again:  # coming back keeps the number
        assert [p.number for p in again.participants(ROOM) if p.connected] == [1]


def test_closed_room_keeps_no_new_answers_and_reset_starts_over(folder: Path) -> None:
    someone = new_participant_id()
    with ParticipantStore.enter(folder, ROOM, someone) as store:
        store.record_answer("01-first-loan", "a", "quiz", [0], True, None)
        store.set_closed(ROOM, True)
        store.record_answer("01-first-loan", "b", "quiz", [0], True, None)
        assert store.count_answers(ROOM) == 1
        store.reveal(ROOM, "01-first-loan", "a")
        store.open_step(ROOM, 3)
        store.reset_room(ROOM)
        room = store.require_room(ROOM)
        assert (room.closed, room.open_step, room.lesson_id) == (False, 0, "01-first-loan")
        assert store.count_answers(ROOM) == 0 and store.participants(ROOM) == []
        assert store.reveals(ROOM) == set()


def test_pacing_opens_steps_one_by_one(folder: Path) -> None:
    with ParticipantStore.enter(folder, ROOM, new_participant_id()) as store:
        assert store.may_enter(5)  # self-paced by default
        store.set_pacing(ROOM, True)
        assert store.may_enter(0) and not store.may_enter(1)
        store.open_step(ROOM, 1)
        assert store.may_enter(1) and not store.may_enter(2)


def test_unknown_room_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        ParticipantStore.enter(tmp_path, "ZZZZ", new_participant_id())
    assert (info.value.field, info.value.code) == ("--room", "room_unknown")


@settings(deadline=None)
@given(st.text())
def test_room_codes_parse_or_say_what_is_allowed(text: str) -> None:
    try:
        code = parse_code(text)
    except InputError as error:
        assert error.code == "room_code"
    else:
        assert code == text.strip().upper() and code.isalnum()


def test_new_codes_parse() -> None:
    for _ in range(50):
        code = new_code()
        assert parse_code(code) == code and not set(code) & set("01OIL")


@settings(deadline=None)
@given(st.text())
def test_nicknames_are_safe_to_show(text: str) -> None:
    nickname = clean_nickname(text)
    if nickname is not None:
        assert 0 < len(nickname) <= NICKNAME_MAX
        assert nickname == nickname.strip() and "\n" not in nickname and "\x1b" not in nickname


_WRITER = """
import sys
from pathlib import Path
from debtcoach.store.rooms import ParticipantStore, new_participant_id
folder, room, steps = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with ParticipantStore.enter(folder, room, new_participant_id()) as store:
    for step in range(steps):
        for _ in range(2):  # every answer written twice: the second must change nothing
            store.record_answer("01-first-loan", f"s{step}", "quiz", [step % 3], True, None)
        store.save_progress("01-first-loan", [("next",)] * step, f"s{step}", False)
"""


def test_many_processes_writing_at_once_lose_nothing(folder: Path) -> None:
    processes, steps = 8, 25
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), ROOM, str(steps)],
                                stderr=subprocess.PIPE, text=True) for _ in range(processes)]
    errors = [writer.communicate(timeout=120)[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0] * processes, errors
    with RoomStore.open(folder) as store:
        assert store.count_answers(ROOM) == processes * steps
        people = store.participants(ROOM)
    assert sorted(p.number for p in people) == list(range(1, processes + 1))
    assert {p.step_id for p in people} == {f"s{steps - 1}"}


def test_a_silent_participant_drops_out_and_a_heartbeat_keeps_one_in(folder: Path) -> None:
    someone = new_participant_id()
    with ParticipantStore.enter(folder, ROOM, someone) as store:
        [joined] = store.participants(ROOM)
        seen = joined.seen_at
        assert [p.connected for p in store.participants(ROOM, now=seen + STALE_AFTER)] == [True]
        later = seen + STALE_AFTER + timedelta(seconds=1)
        assert [p.connected for p in store.participants(ROOM, now=later)] == [False]
        store.heartbeat(now=later)
        assert [p.connected for p in store.participants(ROOM, now=later)] == [True]
        assert [p.seen_at for p in store.participants(ROOM)] == [later]


def test_a_killed_terminal_participant_stops_counting_as_connected(folder: Path) -> None:
    """`debtcoach --room CODE --data-dir PATH` killed without a chance to leave (SIGKILL): the
    room stops counting it once its heartbeat is overdue; while it ran, its heartbeat came."""
    environment = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
                   "LANG": "en_US.UTF-8", "COLUMNS": "80", "ROWS": "24"}
    app = subprocess.Popen([sys.executable, "-m", "debtcoach", "--room", ROOM, "--data-dir",
                            str(folder)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=environment)
    try:
        with RoomStore.open(folder) as store:
            joined = _until(lambda: store.participants(ROOM))
            assert [p.connected for p in joined] == [True]
            beaten = _until(lambda: [p for p in store.participants(ROOM)
                                     if p.seen_at > joined[0].seen_at])  # a heartbeat came
            assert [p.connected for p in beaten] == [True]
            app.kill()
            app.wait(timeout=60)
            [left] = store.participants(ROOM)
            assert left.connected  # just killed: not yet overdue
            overdue = left.seen_at + STALE_AFTER + timedelta(seconds=1)
            assert [p.connected for p in store.participants(ROOM, now=overdue)] == [False]
    finally:
        if app.poll() is None:
            app.kill()
        app.wait(timeout=60)


def _until(found: Callable[[], list[T]], timeout: float = 120) -> list[T]:
    """What ``found`` returns once it is not empty (the app starting, a heartbeat coming)."""
    deadline = time.monotonic() + timeout
    while not (result := found()) and time.monotonic() < deadline:
        time.sleep(0.1)  # polling the store, not timing anything
    return result
