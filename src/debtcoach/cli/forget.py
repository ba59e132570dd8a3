"""`debtcoach forget`: erase everything debtcoach stored on this computer, after a confirmation.

The same erasure as the settings screen's wipe (:func:`debtcoach.store.wipe`): the database with
lesson progress, answers, settings, saved self-assessments and knowledge checks, its companion
files, and the folder when nothing else is in it."""

from __future__ import annotations

from pathlib import Path

import click

from debtcoach.cli.common import fail, lang_option, resolve_lang
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, t
from debtcoach.store import DB_NAME, Store, wipe
from debtcoach.store import data_dir as locate
from debtcoach.store.assessments import knowledge_checks, saved_assessments

EXIT_DECLINED = 1


@click.command()
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="The data folder to erase (default: as for the app).")
@lang_option
def forget(yes: bool, data_dir: Path | None, lang: Lang | None) -> None:
    """Erase everything debtcoach stored on this computer (asks first)."""
    lang = resolve_lang(lang)
    if data_dir is None:
        context = click.get_current_context()
        data_dir = context.find_root().params.get("data_dir")
    folder = locate(data_dir)
    if not (folder / DB_NAME).exists():
        click.echo(t("assess.ui.forget.nothing", lang, folder=str(folder)))
        return
    click.echo(t("assess.ui.forget.what", lang, folder=str(folder)))
    counts = _counts(folder)
    if counts is not None:
        click.echo(t("assess.ui.forget.counts", lang, **counts))
    if not yes:
        try:
            confirmed = click.confirm(t("assess.ui.forget.confirm", lang), default=False)
        except click.Abort:  # end of input: no answer is a no
            confirmed = False
            click.echo()
        if not confirmed:
            click.echo(t("assess.ui.forget.kept", lang))
            raise SystemExit(EXIT_DECLINED)
    try:
        wipe(folder)
    except InputError as error:
        fail([error], lang)
    click.echo(t("assess.ui.forget.done", lang, folder=str(folder)))


def _counts(folder: Path) -> dict[str, int] | None:
    """What the store holds, to say what will go; None when it cannot be read (a damaged file is
    erased all the same)."""
    try:
        with Store.open(folder) as store:
            return {"lessons": len(store.all_progress()), "answers": len(store.answers()),
                    "assessments": len(saved_assessments(store)),
                    "checks": len(knowledge_checks(store))}
    except InputError:
        return None
