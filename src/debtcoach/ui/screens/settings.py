"""Settings: language, theme, animations; reset, export and import progress; wipe local data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static, Switch

from debtcoach.errors import InputError
from debtcoach.i18n import error_line
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.settings import THEMES

if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp


class SettingsScreen(Screen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back", id="back")]

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    def compose(self) -> ComposeResult:
        app = self.coach
        with VerticalScroll():
            with Horizontal():
                yield Label(id="lang-label")
                yield Select([("中文", "zh"), ("English", "en")], value=app.lang,
                             allow_blank=False, id="lang")
            with Horizontal():
                yield Label(id="theme-label")
                yield Select([(name, name) for name in THEMES], value=app.theme
                             if app.theme in THEMES else THEMES[0], allow_blank=False, id="theme")
            with Horizontal():
                yield Label(id="animations-label")
                yield Switch(value=app.settings.animations, id="animations")
            with Horizontal():
                yield Label(id="file-label")
                yield Input(id="file")
            with Horizontal():
                yield Button(id="export")
                yield Button(id="import")
            with Horizontal():
                yield Button(id="reset-all", variant="warning")
                yield Button(id="wipe", variant="error")
            yield Static(id="message")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        app = self.coach
        localize_bindings(self, app.lang)
        for name in ("lang", "theme", "animations", "file"):
            self.query_one(f"#{name}-label", Label).update(app.t(f"settings.{name}"))
        self.query_one("#file", Input).placeholder = str(Path.home() / "debtcoach-progress.json")
        for name in ("export", "import", "reset-all", "wipe"):
            self.query_one(f"#{name}", Button).label = app.t(f"settings.{name}")

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "lang" and event.value != self.coach.lang:
            self.coach.action_switch_language()
        elif event.select.id == "theme" and isinstance(event.value, str):
            self.coach.set_theme(event.value)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        self.coach.settings.animations = event.value
        self.coach.store.set_setting("animations", "on" if event.value else "off")

    def _path(self) -> Path:
        text = self.query_one("#file", Input).value.strip()
        return Path(text).expanduser() if text else Path.home() / "debtcoach-progress.json"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        app = self.coach
        if event.button.id == "export":
            path = self._path()
            try:
                path.write_text(app.store.export_progress(), encoding="utf-8")
                path.chmod(0o600)
            except OSError as exc:
                self.say(error_line(InputError(str(path), "file_missing",
                                               detail=exc.strerror or str(exc)), app.lang))
                return
            self.say(app.t("settings.exported", path=str(path)))
        elif event.button.id == "import":
            from debtcoach.textfile import read_text

            path = self._path()
            try:
                app.store.import_progress(read_text(path))
            except InputError as error:
                self.say(error_line(error, app.lang))
                return
            self.say(app.t("settings.imported", path=str(path)))
        elif event.button.id == "reset-all":
            app.confirm_reset(None)
        elif event.button.id == "wipe":
            self._confirm_wipe()

    def _confirm_wipe(self) -> None:
        from debtcoach.ui.screens.confirm import ConfirmScreen

        app = self.coach

        def wipe(yes: bool | None) -> None:
            if yes:
                from debtcoach.store import data_dir
                from debtcoach.store import wipe as wipe_data

                app.store.close()
                wipe_data(data_dir(app.settings.data_dir))
                app.exit(message=app.t("settings.wiped"))

        app.push_screen(ConfirmScreen(app.t("confirm.wipe")), wipe)

    def action_back(self) -> None:
        self.app.pop_screen()
