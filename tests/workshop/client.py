"""A room participant without a browser: speaks textual-serve's page protocol over the websocket
(JSON frames ``["stdin", text]``, ``["resize", {...}]``, ``["ping", ...]``; binary frames are the
terminal output) and turns the output back into a screen with pyte. Used by the end-to-end tests
and the load benchmark; loopback only."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pyte

RIGHT = "\x1b[C"
# Escape sequences (CSI, OSC and two-character ones), dropped when not emulating a terminal.
_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
ENTER = "\r"
WIDTH, HEIGHT = 100, 30


class Participant:
    """One browser tab: a cookie jar (so a reconnect is the same participant), a websocket, and
    the screen it shows."""

    def __init__(self, base_url: str, width: int = WIDTH, height: int = HEIGHT,
                 emulate: bool = True) -> None:
        """``emulate=False`` (the load benchmark) skips the terminal emulator: waits match text in
        the output that arrived since the last wait, so 30 clients do not eat the CPU they
        measure."""
        self.base_url = base_url
        self.emulate = emulate
        self._recent = ""
        self.width, self.height = width, height
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.page = ""
        self.closed = False
        self._new_screen()

    def _new_screen(self) -> None:
        self.screen = pyte.Screen(self.width, self.height)
        self.stream = pyte.ByteStream(self.screen)
        self._recent = ""

    def _feed(self, data: bytes) -> None:
        if self.emulate:
            self.stream.feed(data)
        else:
            self._recent = (self._recent + _ESCAPES.sub("", data.decode("utf-8", "replace"))
                            )[-200_000:]

    async def open(self) -> None:
        """Load the page (which sets the participant cookie), then connect as the page does."""
        async with self.session.get(self.base_url + "/") as response:
            response.raise_for_status()
            self.page = await response.text()
        await self.connect()

    async def connect(self) -> None:
        self._new_screen()
        self.closed = False
        self.ws = await self.session.ws_connect(
            f"{self.base_url}/ws?width={self.width}&height={self.height}")
        await self.ws.send_json(["resize", {"width": self.width, "height": self.height}])

    async def send(self, text: str) -> None:
        assert self.ws is not None
        await self.ws.send_json(["stdin", text])

    async def ping(self, token: str) -> str:
        """Send a ping frame; the pong's payload (reading output in between)."""
        assert self.ws is not None
        await self.ws.send_json(["ping", token])
        while True:
            message = await self.ws.receive(timeout=30)
            if message.type == aiohttp.WSMsgType.BINARY:
                self._feed(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT and message.json()[0] == "pong":
                return str(message.json()[1])
            elif message.type not in (aiohttp.WSMsgType.TEXT,):
                raise ConnectionError(f"websocket ended: {message.type}")

    def text(self) -> str:
        return "\n".join(self.screen.display) if self.emulate else self._recent

    async def wait_for(self, wanted: str | Callable[[str], bool], timeout: float = 60) -> str:
        """Read output until the screen shows ``wanted`` (text or a test on the screen)."""
        check = wanted if callable(wanted) else (lambda screen: wanted in screen)
        assert self.ws is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not check(self.text()):
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(f"never shown: {wanted!r}\n{self.text()}")
            try:  # short reads: a long one can outlive its timeout when the server pings
                message = await self.ws.receive(timeout=min(left, 1.0))
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self._feed(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                  aiohttp.WSMsgType.CLOSING, aiohttp.WSMsgType.ERROR):
                self.closed = True
                raise ConnectionError(f"websocket ended while waiting for {wanted!r}")
        shown = self.text()
        self._recent = ""
        return shown

    async def think(self, seconds: float) -> None:
        """A participant reading the screen: keys wait, output is still read (as a page does,
        answering the server's pings)."""
        with contextlib.suppress(TimeoutError):
            await self.wait_for(lambda _: False, seconds)

    async def disconnect(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def close(self) -> None:
        await self.disconnect()
        await self.session.close()


def step_shown(screen: str) -> int | None:
    """The lesson step on screen ("step 2/10"; the latest one in a stream of output), or None."""
    found = re.findall(r"step (\d+)/\d+", screen)
    return int(found[-1]) if found else None


class ServerProcess:
    """`debtcoach workshop serve` in a subprocess on loopback, as a facilitator starts it."""

    def __init__(self, data_dir: Path, room: str, lesson: str, port: int,
                 extra: tuple[str, ...] = ()) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        environment = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"}
        environment.pop("DEBTCOACH_ROOM", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "debtcoach", "workshop", "serve", "--host", "127.0.0.1",
             "--port", str(port), "--room", room, "--lesson", lesson,
             "--data-dir", str(data_dir), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
            start_new_session=True)

    async def ready(self, timeout: float = 60) -> None:
        """Wait until the server accepts connections (or fail with what it printed)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.communicate()[0]}")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                await asyncio.sleep(0.1)  # polling for the port, not timing anything
                continue
            writer.close()
            await writer.wait_closed()
            return
        raise TimeoutError("server never listened")

    def children(self) -> list[int]:
        """Processes the server started (participant apps) that are still alive."""
        return children_of(self.process.pid)

    def stop(self) -> str:
        """Ctrl+C, as the facilitator stops it; what it printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            output, _ = self.process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            output, _ = self.process.communicate()
        return output


def children_of(pid: int) -> list[int]:
    """Living (non-zombie) descendants of ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [child for child, ppid in parents.items() if ppid == parent]
        found += kids
        frontier += kids
    return found


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
