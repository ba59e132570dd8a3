"""`debtcoach workshop …` and `debtcoach --room` from the command line: bad input is one line
and exit code 2; closing and resetting a room; what serve prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from debtcoach.cli.workshop_report import serve_banner
from debtcoach.store.rooms import RoomStore
from tests.workshop import rooms


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debtcoach", "--lang", "en", *args],
                          capture_output=True, text=True, input=stdin, timeout=120)


@pytest.mark.parametrize(("args", "where"), [
    (("workshop", "serve", "--port", "eighty"), "--port:"),
    (("workshop", "serve", "--port", "0"), "--port:"),
    (("workshop", "serve", "--port", "70000"), "--port:"),
    (("workshop", "serve", "--lesson", "99-nope"), "--lesson:"),
    (("workshop", "serve", "--room", "no way!"), "--room:"),
    (("workshop", "dashboard", "--room", "ZZZZ"), "--room:"),
    (("workshop", "export", "--room", "ZZZZ", "--csv"), "--room:"),
    (("workshop", "close", "--room", "ZZZZ"), "--room:"),
    (("--room", "ZZZZ"), "--room:"),
    (("--room", "?"), "--room:"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: tuple[str, ...],
                                          where: str) -> None:
    result = run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(where), result.stderr
    assert "Traceback" not in result.stderr


def test_busy_port_is_reported(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("workshop", "serve", "--port", str(port), "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("--port: cannot listen on 127.0.0.1:")


def test_close_reopen_and_reset(tmp_path: Path) -> None:
    rooms.seed(tmp_path, {0, 1, 2})
    folder = ["--data-dir", str(tmp_path)]
    assert run("workshop", "close", "--room", rooms.ROOM.lower(), *folder).returncode == 0
    with RoomStore.open(tmp_path) as store:
        assert store.require_room(rooms.ROOM).closed
    assert run("workshop", "close", "--reopen", "--room", rooms.ROOM, *folder).returncode == 0
    declined = run("workshop", "reset", "--room", rooms.ROOM, *folder, stdin="n\n")
    assert declined.returncode == 0
    with RoomStore.open(tmp_path) as store:
        assert not store.require_room(rooms.ROOM).closed and store.count_answers(rooms.ROOM)
    assert run("workshop", "reset", "--room", rooms.ROOM, "--yes", *folder).returncode == 0
    with RoomStore.open(tmp_path) as store:
        assert store.count_answers(rooms.ROOM) == 0 and store.participants(rooms.ROOM) == []


def test_banner_warns_only_beyond_loopback(tmp_path: Path) -> None:
    with RoomStore.open(tmp_path) as store:
        room = store.create_room("K7QM", "01-first-loan")
    near = serve_banner("http://127.0.0.1:8000/", room, tmp_path, "en", loopback=True)
    far = serve_banner("http://192.0.2.7:8000/", room, tmp_path, "zh", loopback=False)
    assert "http://127.0.0.1:8000/" in near and "K7QM" in near and "no login" not in near
    assert "没有登录" in far and "http://192.0.2.7:8000/" in far
    assert "▀" in near or "▄" in near  # the QR code
