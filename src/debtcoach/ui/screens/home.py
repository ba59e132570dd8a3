"""Home: continue where you left off, the lessons in two parts with progress marks, settings."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.widgets.footer import CalmFooter
from debtcoach.ui.widgets.self_check import SelfCheckEntries

if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp
    from debtcoach.ui.catalog import LessonEntry


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "continue", "Continue", id="continue"),
        Binding("s", "settings", "Settings", id="settings"),
    ]

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(id="title")
            yield Static(id="intro")
            yield Button(id="continue", variant="primary")
            yield OptionList(id="lessons")
            yield SelfCheckEntries(id="self-check")
            yield Button(id="settings")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#lessons", OptionList).focus()

    def relabel(self) -> None:
        """Fill every text in the current language (also after `l`)."""
        app = self.coach
        localize_bindings(self, app.lang)
        self.query_one("#title", Static).update(app.t("home.title"))
        progress = app.store.all_progress()
        intro = self.query_one("#intro", Static)
        intro.update(app.t("home.first_run"))
        intro.display = not progress
        entry = self.continue_target()
        resume = self.query_one("#continue", Button)
        resume.display = entry is not None
        if entry is not None:
            resume.label = app.t("home.continue", title=entry.title.get(app.lang, entry.id))
        elif progress and all(p.finished for p in progress.values()) and len(progress) >= len(
                app.lessons):
            intro.update(app.t("home.all_done"))
            intro.display = True
        self.refresh_bindings()
        self.query_one("#settings", Button).label = app.t("home.settings")
        self.refresh_lessons()

    def refresh_lessons(self) -> None:
        app = self.coach
        progress = app.store.all_progress()
        lessons = self.query_one("#lessons", OptionList)
        highlighted = lessons.highlighted
        lessons.clear_options()
        if not app.lessons:
            lessons.add_option(Option(app.t("home.no_lessons"), disabled=True))
        for part in (1, 2):
            lessons.add_option(Option(f"[b]{app.t(f'home.part{part}')}[/b]", disabled=True))
            for entry in (e for e in app.lessons if e.part == part):
                saved = progress.get(entry.id)
                mark = ("done" if saved.finished else "started") if saved else "new"
                title = entry.title.get(app.lang, entry.id)
                lessons.add_option(Option(
                    f"{app.t(f'home.mark.{mark}')}  {entry.order}. {title}  "
                    f"[dim]{app.t('home.minutes', minutes=entry.minutes)}[/dim]",
                    id=entry.id,
                ))
        if highlighted is None and app.lessons:
            # Enter opens a lesson at once: the one to continue, else the first.
            entry = self.continue_target() or app.lessons[0]
            highlighted = lessons.get_option_index(entry.id)
        if highlighted is not None:
            lessons.highlighted = highlighted

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        entry = next(e for e in self.coach.lessons if e.id == event.option.id)
        self.coach.open_lesson(entry)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.action_continue()
        elif event.button.id == "settings":
            self.action_settings()

    def continue_target(self) -> LessonEntry | None:
        """The lesson last worked on if it is unfinished, else the next unfinished one after
        it; None before any lesson was started or when all are finished."""
        app = self.coach
        last = app.store.last_lesson()
        if last is None:
            return None
        progress = app.store.all_progress()
        ids = [e.id for e in app.lessons]
        start = ids.index(last) if last in ids else 0
        for entry in app.lessons[start:] + app.lessons[:start]:
            saved = progress.get(entry.id)
            if saved is None or not saved.finished:
                return entry
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return self.continue_target() is not None
        return True

    def action_continue(self) -> None:
        entry = self.continue_target()
        if entry is not None:
            self.coach.open_lesson(entry)

    def action_settings(self) -> None:
        from debtcoach.ui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def on_screen_resume(self) -> None:
        self.relabel()
