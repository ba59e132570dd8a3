"""The app: one factory builds it for the CLI and for tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import Screen

from debtcoach.i18n import Lang, t
from debtcoach.ui.catalog import LessonEntry, scan
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.settings import THEMES, Settings

if TYPE_CHECKING:
    from debtcoach.store import Store


class DebtCoachApp(App[None]):
    TITLE = "debtcoach"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="quit", priority=True),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("l", "switch_language", "中文/English", id="language"),
    ]

    lang: var[Lang] = var[Lang]("en")

    def __init__(self, settings: Settings, store: Store) -> None:
        super().__init__()
        self.settings = settings
        self.store = store
        self.set_reactive(DebtCoachApp.lang, settings.lang)
        self.lessons: list[LessonEntry] = scan(settings.lessons_dir)
        # Chosen before the app runs: an ansi theme picked later turns text black under NO_COLOR.
        self.theme = settings.theme

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
        self.theme = theme
        self.store.set_setting("theme", theme)

    async def action_quit(self) -> None:
        """Quit, saving the lesson in progress first."""
        for screen in self.screen_stack:
            save = getattr(screen, "save_progress", None)
            if save is not None:
                save()
        self.store.close()
        self.exit()

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
    from debtcoach.store import Store, data_dir
    from debtcoach.store.rooms import ParticipantStore, new_participant_id

    folder = data_dir(settings.data_dir)
    store = (ParticipantStore.enter(folder, settings.room,
                                    settings.participant or new_participant_id())
             if settings.room else Store.open(folder))
    saved_lang = store.get_setting("lang")
    if saved_lang in ("zh", "en") and not settings.lang_chosen:
        settings.lang = "zh" if saved_lang == "zh" else "en"
    saved_theme = store.get_setting("theme")
    if saved_theme in THEMES and not settings.theme_chosen:
        settings.theme = saved_theme
    if store.get_setting("animations") == "off" or settings.plain:
        settings.animations = False
    return DebtCoachApp(settings, store)
