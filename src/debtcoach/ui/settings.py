"""What the app is started with: from the command line, the environment and saved settings."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from debtcoach.i18n import Lang

PLAIN_THEME = "ansi-dark"
"""The theme of `--plain` and `NO_COLOR`: the terminal's own colours."""
THEMES = ("textual-dark", "textual-light", PLAIN_THEME, "ansi-light")
"""Themes offered in settings and the command palette (all built into Textual)."""


@dataclass
class Settings:
    lang: Lang = "en"
    """Language of every screen; switchable at any time with `l`."""
    theme: str = "textual-dark"
    """One of THEMES; the `ansi-*` ones use the terminal's own colours."""
    animations: bool = True
    """Play months at a steady pace and animate; off means step by step only."""
    plain: bool = False
    """Screen-reader mode: no box drawing, no animation, text-first layout."""
    data_dir: Path | None = None
    """Where progress is kept (None: DEBTCOACH_DATA_DIR or the user data dir)."""
    lessons_dir: Path = field(default_factory=lambda: Path("lessons"))
    """The lesson folders to offer."""
    lang_chosen: bool = False
    """Whether --lang was given (it then wins over the saved language)."""
    theme_chosen: bool = False
    """Whether a theme was forced (--plain or NO_COLOR pick the ansi theme)."""
    room: str | None = None
    """Workshop mode: the room joined (progress and answers are kept under it)."""
    participant: str | None = None
    """Workshop mode: this participant's random id (a browser's comes from its cookie)."""


def command_line_settings(
    lang: Lang, lang_chosen: bool, plain: bool, data_dir: Path | None, lessons_dir: Path,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """The settings `debtcoach` starts the app with (tests build them the same way).

    `--plain` and `NO_COLOR` force the terminal's own colours, chosen before the app starts:
    an ansi theme picked later leaves text black under NO_COLOR."""
    environ = os.environ if environ is None else environ
    forced = plain or "NO_COLOR" in environ
    return Settings(lang=lang, lang_chosen=lang_chosen, plain=plain,
                    theme=PLAIN_THEME if forced else "textual-dark", theme_chosen=forced,
                    data_dir=data_dir, lessons_dir=lessons_dir)
