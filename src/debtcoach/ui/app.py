"""The app: one factory builds it for the CLI and for tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter, Monochrome, NoColor
from textual.reactive import var
from textual.screen import Screen

from debtcoach.errors import InputError
from debtcoach.i18n import Lang, error_line, t
from debtcoach.ui.catalog import LessonEntry, scan
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.settings import THEMES, Settings

if TYPE_CHECKING:
    from debtcoach.ui.saving import SessionStore


# Every screen's styles, parsed once at start: a screen bringing a stylesheet the app has not
# read makes Textual parse all the app's CSS again (a tenth of a second, on each lesson opened).
# Each rule is scoped by its screen's type, so loading them all together changes nothing.
# plain.tcss comes last: `--plain` and the ansi themes restyle every screen.
SCREEN_CSS: list[str | PurePath] = [
    *sorted((Path(__file__).resolve().parent / "screens").glob("*.tcss")),
    Path(__file__).resolve().parent / "plain.tcss"]


class DebtCoachApp(App[None]):
    TITLE = "debtcoach"
    CSS_PATH = SCREEN_CSS
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="quit", priority=True),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("l", "switch_language", "中文/English", id="language"),
    ]

    lang: var[Lang] = var[Lang]("en")

    def __init__(self, settings: Settings, store: SessionStore) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        # What went wrong with saving this session, newest last (also shown as notifications).
        self.store_problems: list[str] = []
        self.asking_to_quit = False  # a confirmation to quit without saving is on screen
        store.on_failure = self.report_store_failure
        store.on_kept_other = lambda: self.report_store_problem(self.t("store.kept_other_window"))
        self.set_reactive(DebtCoachApp.lang, settings.lang)
        self.lessons: list[LessonEntry] = scan(settings.lessons_dir)
        self.theme = settings.theme if settings.theme in THEMES else THEMES[0]
        self._match_no_color_filter()
        self._match_plain()

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)
        from debtcoach.ui.screens.home import HomeScreen

        if self.settings.room:  # a workshop participant: the room's way in instead
            from debtcoach.workshop.join import join_room

            join_room(self)
            return
        self.push_screen(HomeScreen())
        set_aside = self.store.newly_set_aside()
        if set_aside:
            self.report_store_problem(self.t("store.set_aside", count=len(set_aside),
                                             rows="; ".join(set_aside)))

    def report_store_failure(self, error: InputError) -> None:
        """A save failed (disk full, …): say so and carry on; the next save tries again."""
        self.report_store_problem(self.t("store.saved_failed", error=error_line(error, self.lang)))

    def report_store_problem(self, text: str) -> None:
        self.store_problems.append(text)
        self.notify(text, severity="warning", timeout=15, markup=False)

    def watch_lang(self, lang: Lang) -> None:
        """Every screen relabels itself; nobody loses their place."""
        localize_bindings(self, lang)
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                relabel()
        self.refresh_bindings()

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        self.store.set_setting("lang", self.lang)

    def action_help(self) -> None:
        from debtcoach.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            return
        self.theme = theme
        self.store.set_setting("theme", theme)

    def watch_theme(self) -> None:
        self._match_no_color_filter()
        self._match_plain()

    def _match_plain(self) -> None:
        """In `--plain` and the terminal's own colours (ansi themes) every screen drops its
        decorative boxes and shows focus by reversed text, not by a colour (plain.tcss)."""
        self.set_class(self.settings.plain or self.theme.startswith("ansi-"), "plain")

    def _match_no_color_filter(self) -> None:
        """Under NO_COLOR, Textual picks its colour filter from the theme the app starts with:
        greyscale for a true-colour theme, none for an ansi one. Keep it matching the theme
        chosen since, or an ansi theme draws black text (and a true-colour one full colour)."""
        if not self.no_color:
            return
        wanted: LineFilter = NoColor() if self.native_ansi_color else Monochrome()
        kept = [f for f in self._filters if not isinstance(f, NoColor | Monochrome)]
        self._filters[:] = [*kept, wanted]
        self.refresh(layout=True)

    async def action_quit(self) -> None:
        """Quit, saving the lesson in progress first; a form with unsaved changes (the
        self-assessment) asks first, and quitting again while it asks quits."""
        unsaved = any(getattr(screen, "unsaved_changes", lambda: False)()
                      for screen in self.screen_stack)
        if unsaved and not self.asking_to_quit:
            from debtcoach.ui.screens.confirm import ConfirmScreen

            def answer(yes: bool | None) -> None:
                self.asking_to_quit = False
                if yes:
                    self.call_later(self.quit_now)

            self.asking_to_quit = True
            await self.push_screen(ConfirmScreen(self.t("assess.ui.confirm_quit")), answer)
            return
        await self.quit_now()

    async def quit_now(self) -> None:
        for screen in self.screen_stack:
            save = getattr(screen, "save_progress", None)
            if save is not None:
                save()
        self.store.close()
        self.exit()

    def action_command_palette(self) -> None:
        """Textual's palette, its search prompt in the app's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(placeholder=self.t("cmd.placeholder"),
                                            id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: jump to a lesson, reset one, switch theme or language."""
        for entry in self.lessons:
            title = entry.title.get(self.lang, entry.id)
            yield SystemCommand(self.t("cmd.open", title=title), self.t("cmd.open_help"),
                                lambda e=entry: self.open_lesson(e))
            yield SystemCommand(self.t("cmd.reset", title=title), self.t("cmd.reset_help"),
                                lambda e=entry: self.confirm_reset(e))
        for theme in THEMES:
            yield SystemCommand(self.t("cmd.theme", theme=theme), self.t("cmd.theme_help"),
                                lambda name=theme: self.set_theme(name))
        yield SystemCommand(self.t("cmd.language"), self.t("cmd.language_help"),
                            self.action_switch_language)
        yield SystemCommand(self.t("cmd.quit"), self.t("cmd.quit_help"), self.action_quit)

    def open_lesson(self, entry: LessonEntry) -> None:
        from debtcoach.ui.screens.player import PlayerScreen

        if self.settings.room:  # a workshop room may pace its players
            from debtcoach.workshop.join import RoomPlayerScreen as PlayerScreen
        self.push_screen(PlayerScreen(entry))

    def confirm_reset(self, entry: LessonEntry | None) -> None:
        """Reset one lesson (or all, for None) after a yes on a confirmation dialog."""
        from debtcoach.ui.screens.confirm import ConfirmScreen

        title = entry.title.get(self.lang, entry.id) if entry else None
        question = (self.t("confirm.reset_one", title=title) if entry
                    else self.t("confirm.reset_all"))

        def reset(yes: bool | None) -> None:
            if not yes:
                return
            if entry is None:
                self.store.reset_all()
            else:
                self.store.reset_lesson(entry.id)
            for screen in self.screen_stack:
                refresh = getattr(screen, "refresh_lessons", None)
                if refresh is not None:
                    refresh()

        self.push_screen(ConfirmScreen(question), reset)


def make_app(settings: Settings) -> DebtCoachApp:
    """The app with saved settings applied (command-line choices win) and its store open."""
    from debtcoach.store import data_dir
    from debtcoach.ui.saving import SessionStore

    folder = data_dir(settings.data_dir)
    if settings.room:  # a workshop participant: progress and answers go under the room
        from debtcoach.workshop.join import RoomSessionStore

        store: SessionStore = RoomSessionStore.enter(folder, settings.room, settings.participant)
    else:
        store = SessionStore.open(folder)
    saved_lang = store.get_setting("lang")
    if saved_lang in ("zh", "en") and not settings.lang_chosen:
        settings.lang = "zh" if saved_lang == "zh" else "en"
    saved_theme = store.get_setting("theme")
    if saved_theme in THEMES and not settings.theme_chosen:
        settings.theme = saved_theme
    if store.get_setting("animations") == "off" or settings.plain:
        settings.animations = False
    return DebtCoachApp(settings, store)
