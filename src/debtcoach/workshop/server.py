"""Serving the app to a room's browsers with textual-serve: one app process per connection.

What we change from the stock server, and why:
- our page template, which fetches nothing from outside (the stock one links a web font);
- each browser gets a random participant id in a cookie; at the websocket handshake the id is
  read from the cookie and handed to the app process as environment, with the room code, so
  neither ever appears in a shell command line, and a reload resumes the same participant;
- a participant's process always ends when their connection does (killed if it will not quit),
  and the room's store marks them disconnected.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from debtcoach.errors import InputError
from debtcoach.i18n import Lang, t
from debtcoach.store.paths import ENV_VAR as DATA_DIR_VAR
from debtcoach.store.rooms import RoomStore, new_participant_id, participant_ok
from debtcoach.workshop.participant import LESSONS_VAR, PARTICIPANT_VAR, ROOM_VAR

log = logging.getLogger("debtcoach.workshop")

COOKIE = "debtcoach_participant"
COOKIE_SECONDS = 12 * 3600  # one workshop day
PARTICIPANT_FPS = 20  # frames a second at most: bursts of changes go out as one frame
QUIT_SECONDS = 5.0  # how long a participant's app may take to quit before it is killed

LOOPBACK = ("127.0.0.1", "localhost", "::1")
TEMPLATES = Path(__file__).parent / "templates"
STATICS = Path(textual_serve.__file__).parent / "static"


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def lan_address() -> str:
    """The address other machines on the network reach this one at (without sending anything):
    the first non-loopback IPv4 address of this host's name, else the name itself."""
    name = socket.gethostname()
    with contextlib.suppress(OSError):
        for *_, sockaddr in socket.getaddrinfo(name, None, socket.AF_INET):
            address = str(sockaddr[0])
            if not is_loopback(address):
                return address
    return name


def public_host(host: str) -> str:
    """The host participants type: the LAN address when bound to every interface."""
    return lan_address() if host in ("0.0.0.0", "::", "") else host


def check_port(host: str, port: int) -> None:
    """Fail with one line before anything is printed when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except (OSError, UnicodeError) as exc:
        detail = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
        if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
            raise InputError("--port", "port_busy", host=host, port=port, detail=detail) from exc
        raise InputError("--host", "port_busy", host=host, port=port, detail=detail) from exc


def app_environment(base: dict[str, str], room: str, participant: str, data_dir: Path,
                    lessons_dir: Path, lang: Lang) -> dict[str, str]:
    """The participant app's environment: everything it needs to join the room."""
    environment = dict(base)
    environment[ROOM_VAR] = room
    environment[PARTICIPANT_VAR] = participant
    environment[DATA_DIR_VAR] = str(data_dir)
    environment[LESSONS_VAR] = str(lessons_dir)
    locale = "zh_CN.UTF-8" if lang == "zh" else "en_US.UTF-8"
    environment["LANG"] = environment["LC_ALL"] = locale
    # No animated widgets (the loading bar, smooth scrolling): every frame of every participant
    # goes through this server, and a room of idle participants should cost nothing.
    environment["TEXTUAL_ANIMATIONS"] = "none"
    environment["TEXTUAL_FPS"] = str(PARTICIPANT_FPS)
    return environment


class ParticipantService(AppService):
    """One participant's app process, started with the room in its environment."""

    def __init__(self, command: str, extra: Callable[[dict[str, str]], dict[str, str]],
                 **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self._extra = extra

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return self._extra(super()._build_environment(width, height))

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    async def stop(self) -> None:
        """Ask the app to quit; if it has not within QUIT_SECONDS, kill it. Always reaped."""
        process = self._process
        try:
            await asyncio.wait_for(super().stop(), QUIT_SECONDS)
        except TimeoutError:
            log.warning("participant app %s did not quit: killed", self.pid)
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), QUIT_SECONDS)
            except TimeoutError:
                process.kill()
                await process.wait()


class WorkshopServer(Server):
    """textual-serve's server for one room."""

    def __init__(self, *, room: str, data_dir: Path, lessons_dir: Path, lang: Lang,
                 host: str = "127.0.0.1", port: int = 8000, title: str = "debtcoach",
                 announce: Callable[[WorkshopServer], None] | None = None) -> None:
        shown = public_host(host)
        url_host = f"[{shown}]" if ":" in shown else shown
        # exec: the shell textual-serve starts becomes the app, so stopping it stops the app.
        command = "exec " + shlex.join([sys.executable, "-m", "debtcoach.workshop.participant"])
        super().__init__(command, host=host, port=port,
                         title=title, public_url=f"http://{url_host}:{port}",
                         statics_path=STATICS, templates_path=TEMPLATES)
        self.room = room
        self.data_dir = data_dir
        self.lessons_dir = lessons_dir
        self.lang = lang
        self.services: dict[str, ParticipantService] = {}  # by participant, while connected
        self._announce = announce

    def initialize_logging(self) -> None:
        """Warnings only: the facilitator's terminal shows the room, not a request log."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        if self._announce is not None:
            self._announce(self)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The room's page; a browser without a participant id gets one in a cookie."""
        participant = request.cookies.get(COOKIE, "")
        context = self._page_context(request)
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        if not participant_ok(participant):
            response.set_cookie(COOKIE, new_participant_id(), max_age=COOKIE_SECONDS,
                                httponly=True, samesite="Strict", path="/")
        return response

    def _page_context(self, request: web.Request) -> dict[str, Any]:
        router = request.app.router
        websocket = f"{self.public_url}{router['websocket'].url_for()}"
        static = f"{self.public_url}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        lang = self.lang
        return {
            "lang": "zh-CN" if lang == "zh" else "en",
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": "ws:" + websocket.split(":", 1)[1],
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
            "room_label": t("workshop.page_room", lang, room=self.room),
            "start_label": t("workshop.page_start", lang),
            "closed_label": t("workshop.page_closed", lang),
            "restart_label": t("workshop.page_restart", lang),
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, with the participant's id (from the cookie, or new for a
        client without one) going to the app process as environment."""
        participant = request.cookies.get(COOKIE, "")
        if not participant_ok(participant):
            participant = new_participant_id()
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: ParticipantService | None = None
        try:
            await websocket.prepare(request)
            previous = self.services.pop(participant, None)
            if previous is not None:  # the same browser in a second tab: one process each time
                await previous.stop()
            service = ParticipantService(
                self.command,
                lambda base: app_environment(base, self.room, participant, self.data_dir,
                                             self.lessons_dir, self.lang),
                write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                close=websocket.close, download_manager=self.download_manager,
                debug=self.debug)
            self.services[participant] = service
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one participant's failure must not stop the room
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
                if self.services.get(participant) is service:
                    del self.services[participant]
                    # Off the event loop: the store may wait for other writers (busy timeout).
                    await asyncio.to_thread(self._mark_disconnected, participant)
        return websocket

    def _mark_disconnected(self, participant: str) -> None:
        with contextlib.suppress(Exception), RoomStore.open(self.data_dir) as store:
            store.set_connected(self.room, participant, False)

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C: every participant's app quits (and is reaped) before the server exits."""
        services = list(self.services.values())
        await asyncio.gather(*(service.stop() for service in services),
                             return_exceptions=True)

    def run(self) -> None:
        """Serve until Ctrl+C (or SIGTERM)."""
        self.serve()

