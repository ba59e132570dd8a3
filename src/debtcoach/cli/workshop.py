"""`debtcoach workshop serve|dashboard|export|close|reset`: run a room for a workshop, and
`debtcoach --room CODE` (the ``room_option``) to join one from a terminal."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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
from debtcoach.workshop.participant import PARTICIPANT_VAR, ROOM_VAR

if TYPE_CHECKING:
    from debtcoach.lessons.loader import LoadedLesson
    from debtcoach.workshop.paths import BranchCosts


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
    titles = {entry.id: entry.title for entry in scan(lessons_dir)}
    if lesson is not None and lesson not in titles:
        raise InputError("--lesson", "lesson_unknown", value=lesson, allowed=", ".join(titles))
    code = parse_code(room) if room else new_code()
    folder = _folder(data_dir)
    check_port(host, port_number)
    with RoomStore.open(folder) as store:
        opened = store.create_room(code, lesson, paced)
        if paced:
            store.set_pacing(code, True)
    server = WorkshopServer(room=code, data_dir=folder, lessons_dir=lessons_dir, lang=lang,
                            host=host, port=port_number)
    title = titles.get(opened.lesson_id or "", {}).get(lang)
    click.echo(serve_banner(server.public_url + "/", opened, folder, lang,
                            loopback=is_loopback(host), lesson_title=title))
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



def lesson_of(room_lesson: str | None) -> tuple[LoadedLesson | None, BranchCosts]:
    """The room's lesson, loaded, and what each of its decision branches costs."""
    from debtcoach.ui.catalog import load, scan
    from debtcoach.workshop.paths import branch_costs

    entry = next((e for e in scan(default_lessons_dir()) if e.id == room_lesson), None)
    if entry is None:
        return None, {}
    loaded = load(entry)
    return loaded, branch_costs(loaded, date.today())


@workshop.command("dashboard")
@click.option("--room", required=True, metavar="CODE", help="The room to watch.")
@data_dir_option
@lang_option
@reports_input_errors
def dashboard(room: str, data_dir: Path | None, lang: Lang | None) -> None:
    """A live view of the room: who is where, how the room answered, the room's debt paths."""
    from debtcoach.workshop.dashboard import DashboardApp

    lang = resolve_lang(lang)
    context = click.get_current_context(silent=True)
    plain = bool(context and context.find_root().params.get("plain"))
    with RoomStore.open(_folder(data_dir)) as store:
        code = _room(store, room)
        loaded, costs = lesson_of(store.require_room(code).lesson_id)
        DashboardApp(store, code, loaded, costs, lang, plain=plain or "NO_COLOR" in os.environ
                     ).run()


@workshop.command("export")
@click.option("--room", required=True, metavar="CODE", help="The room to export.")
@click.option("--csv", "as_csv", is_flag=True, help="Rows per question and per answer.")
@click.option("--json", "as_json", is_flag=True, help="The same rows as JSON, with the fan.")
@click.option("--html", "as_html", is_flag=True, help="A self-contained summary with charts.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: standard output).")
@data_dir_option
@lang_option
@reports_input_errors
def export(room: str, as_csv: bool, as_json: bool, as_html: bool, output: Path | None,
           data_dir: Path | None, lang: Lang | None) -> None:
    """Export a room's results (anonymous: participants are P1, P2, …)."""
    from debtcoach.workshop import export as exporting
    from debtcoach.workshop.dashboard import decisions_by_participant, read_results
    from debtcoach.workshop.paths import room_fan

    lang = resolve_lang(lang)
    if [as_csv, as_json, as_html].count(True) != 1:
        raise InputError("--csv/--json/--html", "room_export_format")
    if output is not None and not output.parent.is_dir():
        raise InputError("--output", "room_export_write", detail=f"no folder {output.parent}")
    with RoomStore.open(_folder(data_dir)) as store:
        code = _room(store, room)
        loaded, costs = lesson_of(store.require_room(code).lesson_id)
        results = read_results(store, code, loaded, costs)
        answers = store.room_answers(code)
        fan = (room_fan(loaded, decisions_by_participant(store, code, loaded.lesson.id),
                        date.today()) if loaded is not None else None)
    if as_csv:
        text = exporting.to_csv(results, answers, lang)
    elif as_json:
        text = exporting.to_json(results, answers, fan, lang)
    else:
        text = exporting.to_html(results, fan, lang)
    if output is None:
        click.echo(text, nl=False)
        return
    write_private(output, text)
    click.echo(t("workshop.exported", lang, path=str(output)), err=True)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable by the user only (results are about people)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise InputError("--output", "room_export_write", detail=exc.strerror or str(exc)) from exc
