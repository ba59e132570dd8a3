"""`debtcoach workshop serve|dashboard|export|close|reset`: run a room for a workshop, and
`debtcoach --room CODE` (the ``room_option``) to join one from a terminal."""

from __future__ import annotations

import os
from pathlib import Path

import click

from debtcoach.cli.common import (
    default_lessons_dir,
    lang_option,
    reports_input_errors,
    resolve_lang,
    whole_number,
)
from debtcoach.cli.workshop_report import serve_banner
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, t
from debtcoach.store.paths import data_dir as resolve_data_dir
from debtcoach.store.rooms import (
    RoomStore,
    new_code,
    new_participant_id,
    parse_code,
    participant_ok,
)

ROOM_VAR = "DEBTCOACH_ROOM"
PARTICIPANT_VAR = "DEBTCOACH_PARTICIPANT"

room_option = click.option(
    "--room", default=None, envvar=ROOM_VAR, metavar="CODE",
    help="Join a workshop room (with --data-dir on the facilitator's data folder).")


def room_of(room: str | None) -> tuple[str | None, str | None]:
    """The room to join (checked) and this participant's id: a browser's comes from the
    server as environment, a terminal participant gets a new one."""
    if not room:
        return None, None
    participant = os.environ.get(PARTICIPANT_VAR, "")
    return parse_code(room), participant if participant_ok(participant) else new_participant_id()


data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The facilitator's data folder (default: as for the app).")


def _folder(data_dir: Path | None) -> Path:
    """This command's --data-dir, else the group's, else the environment's or the default."""
    if data_dir is None:
        context = click.get_current_context(silent=True)
        if context is not None:
            data_dir = context.find_root().params.get("data_dir")
    return resolve_data_dir(data_dir).resolve()


@click.group()
def workshop() -> None:
    """Workshop mode: serve the app to a room's browsers and see the room's answers live."""


@workshop.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 lets the room's devices connect (no login!).")
@click.option("--port", default="8000", show_default=True, help="Port to listen on.")
@click.option("--lesson", default=None, metavar="ID",
              help="The lesson everyone plays (default: participants choose).")
@click.option("--room", default=None, metavar="CODE",
              help="Continue this room (default: a new random code).")
@click.option("--paced", is_flag=True,
              help="Participants cannot go past the step opened from the dashboard.")
@data_dir_option
@lang_option
@reports_input_errors
def serve(host: str, port: str, lesson: str | None, room: str | None, paced: bool,
          data_dir: Path | None, lang: Lang | None) -> None:
    """Serve debtcoach to the room's browsers, one app per participant."""
    from debtcoach.ui.catalog import scan
    from debtcoach.workshop.server import WorkshopServer, check_port, is_loopback

    lang = resolve_lang(lang)
    port_number = whole_number(port, "--port", 0, 65535, "number_max")
    if port_number < 1:
        raise InputError("--port", "number_min", value=port, limit=1)
    lessons_dir = default_lessons_dir()
    if lesson is not None:
        ids = [entry.id for entry in scan(lessons_dir)]
        if lesson not in ids:
            raise InputError("--lesson", "lesson_unknown", value=lesson, allowed=", ".join(ids))
    code = parse_code(room) if room else new_code()
    folder = _folder(data_dir)
    check_port(host, port_number)
    with RoomStore.open(folder) as store:
        opened = store.create_room(code, lesson, paced)
        if paced:
            store.set_pacing(code, True)
    server = WorkshopServer(room=code, data_dir=folder, lessons_dir=lessons_dir, lang=lang,
                            host=host, port=port_number)
    click.echo(serve_banner(server.public_url + "/", opened, folder, lang,
                            loopback=is_loopback(host)))
    server.run()


def _room(store: RoomStore, room: str) -> str:
    return store.require_room(parse_code(room)).code


@workshop.command("close")
@click.option("--room", required=True, metavar="CODE", help="The room to close.")
@click.option("--reopen", is_flag=True, help="Open a closed room again.")
@data_dir_option
@lang_option
@reports_input_errors
def close(room: str, reopen: bool, data_dir: Path | None, lang: Lang | None) -> None:
    """Close a room: nobody joins any more and no new answer is kept."""
    lang = resolve_lang(lang)
    with RoomStore.open(_folder(data_dir)) as store:
        code = _room(store, room)
        store.set_closed(code, not reopen)
    click.echo(t("workshop.reopened" if reopen else "workshop.closed", lang, room=code))


@workshop.command("reset")
@click.option("--room", required=True, metavar="CODE", help="The room to start over.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@data_dir_option
@lang_option
@reports_input_errors
def reset(room: str, yes: bool, data_dir: Path | None, lang: Lang | None) -> None:
    """Start a room over: its participants and answers are deleted."""
    lang = resolve_lang(lang)
    with RoomStore.open(_folder(data_dir)) as store:
        code = _room(store, room)
        if not yes and not click.confirm(t("workshop.reset_confirm", lang, room=code),
                                         default=False):
            return
        store.reset_room(code)
    click.echo(t("workshop.reset_done", lang, room=code))

