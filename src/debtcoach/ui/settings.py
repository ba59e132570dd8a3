"""What the app is started with: from the command line, the environment and saved settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from debtcoach.i18n import Lang

THEMES = ("textual-dark", "textual-light", "textual-ansi")


@dataclass
class Settings:
    lang: Lang = "en"
    """Language of every screen; switchable at any time with `l`."""
    theme: str = "textual-dark"
    """One of THEMES; `textual-ansi` uses the terminal's own colours."""
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
