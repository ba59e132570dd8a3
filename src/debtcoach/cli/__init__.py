"""Command line: one module per command. Each parses its arguments, calls the pure core and
prints; every domain error becomes one line on stderr and exit code 2. Nothing here computes
money."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from debtcoach.cli.apr import apr
from debtcoach.cli.assess import assess
from debtcoach.cli.common import default_lessons_dir, fail, lang_option
from debtcoach.cli.forget import forget
from debtcoach.cli.lessons import lessons
from debtcoach.cli.localized import LocalizedGroup, localize
from debtcoach.cli.simulate import simulate
from debtcoach.cli.workshop import room_of, room_option, workshop
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, detect_lang


@click.group(cls=LocalizedGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@lang_option
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where progress is kept (default: DEBTCOACH_DATA_DIR, else the user data dir).")
@click.option("--plain", is_flag=True,
              help="Screen-reader mode: no box drawing or animation, text first.")
@room_option
@click.version_option(package_name="debtcoach")
@click.pass_context
def cli(ctx: click.Context, lang: Lang | None, data_dir: Path | None, plain: bool,
        room: str | None) -> None:
    """debtcoach: see, with exact numbers, how small online loans turn into a debt spiral.

    With no command, opens the app."""
    ctx.obj = lang
    if ctx.invoked_subcommand is None:
        _run_app(lang, data_dir, plain, room)


def _run_app(lang: Lang | None, data_dir: Path | None, plain: bool, room: str | None) -> None:
    from debtcoach.ui.app import make_app
    from debtcoach.ui.settings import command_line_settings

    settings = command_line_settings(lang or detect_lang(), lang is not None, plain, data_dir,
                                     default_lessons_dir())
    try:
        settings.room, settings.participant = room_of(room)
        app = make_app(settings)
    except InputError as error:
        fail([error], settings.lang)
    app.run()
    if app.return_code:  # a crash: its traceback was shown; scripts and shells must see it too
        sys.exit(app.return_code)


for command in (apr, simulate, lessons, assess, workshop):
    cli.add_command(command)
cli.add_command(forget)
localize(cli)


def main() -> None:
    cli()
