"""What every command shares: the language option, turning domain errors into one line and exit
code 2, and small argument parsers."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar, cast

import click
from pydantic import ValidationError

from debtcoach.cli.localized import remember_lang
from debtcoach.errors import InputError, InputErrors
from debtcoach.i18n import LANGS, Lang, detect_lang, error_line
from debtcoach.validation import input_errors

F = TypeVar("F", bound=Callable[..., Any])

EXIT_INPUT = 2

lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=None, is_eager=True, callback=remember_lang,
    help="Language of the output: zh or en (default: from LANG, else en).",
)


def resolve_lang(lang: Lang | None) -> Lang:
    """The command's --lang, else the group's --lang, else the environment's language."""
    if lang:
        return lang
    context = click.get_current_context(silent=True)
    group_lang = context.find_root().obj if context is not None else None
    return cast(Lang, group_lang) if group_lang else detect_lang()


def fail(errors: list[InputError], lang: Lang) -> NoReturn:
    """Print one line per problem on stderr and exit 2."""
    for error in errors:
        click.echo(error_line(error, lang), err=True)
    sys.exit(EXIT_INPUT)


def reports_input_errors(command: F) -> F:
    """Turn InputError and pydantic errors raised by the core into one line each and exit 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = resolve_lang(kwargs.get("lang"))
        try:
            return command(*args, **kwargs)
        except InputError as error:
            fail([error], lang)
        except InputErrors as errors:
            fail(errors.errors, lang)
        except ValidationError as exc:
            fail(input_errors(exc), lang)

    return cast(F, wrapper)


def whole_number(text: str, field: str, low: int, high: int, code: str) -> int:
    """An integer option within [low, high], or an InputError naming the option."""
    text = text.strip()
    if len(text) > 30 or not text.lstrip("+-").isascii():  # no 4,300-digit conversions
        raise InputError(field, "whole_number", value=text[:30])
    try:
        value = int(text)
    except ValueError:
        raise InputError(field, "whole_number", value=text) from None
    if code in ("number_min", "number_max"):  # the generic codes: name the side crossed
        code = "number_min" if value < low else "number_max"
    if not low <= value <= high:
        raise InputError(field, code, value=text, limit=high if code != "number_min" else low)
    return value


def default_lessons_dir() -> Path:
    """The lessons shipped in this checkout (``DEBTCOACH_LESSONS`` overrides)."""
    override = os.environ.get("DEBTCOACH_LESSONS")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "lessons"


def parse_date(text: str | None, field: str = "--date") -> date:
    """An ISO date option; today when not given."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(field, "date_invalid", value=text) from None
