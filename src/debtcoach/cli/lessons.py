"""`debtcoach lessons check [DIR]`: validate lesson folders the way the app loads them."""

from __future__ import annotations

from pathlib import Path

import click

from debtcoach.cli.common import default_lessons_dir, fail, lang_option, resolve_lang
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, t
from debtcoach.lessons.loader import check_lessons


@click.group()
def lessons() -> None:
    """Lesson files: check them."""


@lessons.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path), metavar="[DIR]")
@lang_option
def lessons_check(directory: Path | None, lang: Lang | None) -> None:
    """Validate every lesson: schema, both languages, sources, scenarios run, answers compute."""
    lang = resolve_lang(lang)
    root = directory or default_lessons_dir()
    if not root.is_dir():
        fail([InputError(str(root), "file_missing", detail="not a folder")], lang)
    loaded, problems = check_lessons(root)
    if problems:
        fail(problems, lang)
    click.echo(t("lessons.ok", lang, count=len(loaded), root=str(root)))
