"""Settings: language, theme, animations; reset, export and import progress; wipe local data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from debtcoach.errors import InputError
from debtcoach.i18n import error_line
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.settings import THEMES
from debtcoach.ui.widgets.footer import CalmFooter

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
                # A choice that reads "on"/"off" (a switch shows its state by colour alone)
                yield Select(self._on_off(), value=app.settings.animations, allow_blank=False,
                             id="animations")
            with Horizontal():
                yield Label(id="file-label")
                yield Input(id="file")
            with Horizontal():
                yield Button(id="export")
                yield Button(id="import")
                yield Button(id="restore")
            with Horizontal():
                yield Button(id="reset-all", variant="warning")
                yield Button(id="wipe", variant="error")
            yield Static(id="message")
        yield CalmFooter()

    def on_mount(self) -> None:
        self.relabel()

    def relabel(self) -> None:
        app = self.coach
        localize_bindings(self, app.lang)
        for name in ("lang", "theme", "animations", "file"):
            self.query_one(f"#{name}-label", Label).update(app.t(f"settings.{name}"))
        animations = self.query_one("#animations", Select)
        animations.set_options(self._on_off())
        animations.value = app.settings.animations
        self.query_one("#file", Input).placeholder = str(Path.home() / "debtcoach-progress.json")
        for name in ("export", "import", "restore", "reset-all", "wipe"):
            self.query_one(f"#{name}", Button).label = app.t(f"settings.{name}")

    def _on_off(self) -> list[tuple[str, bool]]:
        return [(self.coach.t("settings.on"), True), (self.coach.t("settings.off"), False)]

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "lang" and event.value != self.coach.lang:
            self.coach.action_switch_language()
        elif event.select.id == "theme" and isinstance(event.value, str):
            self.coach.set_theme(event.value)
        elif event.select.id == "animations" and isinstance(event.value, bool) \
                and event.value != self.coach.settings.animations:
            self.coach.settings.animations = event.value
            self.coach.store.set_setting("animations", "on" if event.value else "off")

    def _path(self) -> Path:
        text = self.query_one("#file", Input).value.strip()
        return Path(text).expanduser() if text else Path.home() / "debtcoach-progress.json"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        app = self.coach
        if event.button.id == "export":
            self._export(self._path())
        elif event.button.id == "import":
            self._confirm_import(self._path())
        elif event.button.id == "restore":
            self._confirm_restore()
        elif event.button.id == "reset-all":
            app.confirm_reset(None)
        elif event.button.id == "wipe":
            self._confirm_wipe()

    def _fail(self, error: InputError) -> None:
        self.say(error_line(error, self.coach.lang))

    def _export(self, path: Path, replace: bool = False) -> None:
        """A new private file; an existing one only after a yes."""
        from debtcoach.store.files import write_export
        from debtcoach.ui.screens.confirm import ConfirmScreen

        app = self.coach
        try:
            write_export(path, app.store.export_progress(), replace=replace)
            app.store.note_export(path)
        except InputError as error:
            if error.code != "export_exists":
                self._fail(error)
                return

            def overwrite(yes: bool | None) -> None:
                if yes:
                    self._export(path, replace=True)

            app.push_screen(ConfirmScreen(app.t("confirm.overwrite", path=str(path))), overwrite)
            return
        self.say(app.t("settings.exported_private", path=str(path)))

    def _confirm_import(self, path: Path) -> None:
        """Check the whole file, say what it replaces, and import after a yes (with a backup)."""
        from debtcoach.store.exchange import parse
        from debtcoach.textfile import read_text
        from debtcoach.ui.screens.confirm import ConfirmScreen

        app = self.coach
        try:
            text = read_text(path)
            document = parse(text, str(path))
        except InputError as error:
            self._fail(error)
            return
        question = app.t("confirm.import", path=str(path), lessons=len(app.store.all_progress()),
                         answers=len(app.store.answers()), new_lessons=len(document.progress),
                         new_answers=len(document.answers))

        def replace(yes: bool | None) -> None:
            if not yes:
                return
            try:
                app.store.import_progress(text, source=str(path))
            except InputError as error:
                self._fail(error)
                return
            self._after_change()
            self.say(app.t("settings.imported_backup", path=str(path)))

        app.push_screen(ConfirmScreen(question), replace)

    def _confirm_restore(self) -> None:
        from debtcoach.ui.screens.confirm import ConfirmScreen

        app = self.coach
        try:
            backups = app.store.backups()
        except InputError as error:
            self._fail(error)
            return
        if not backups:
            self.say(app.t("settings.no_backup"))
            return
        latest = backups[0]
        made_at = latest.made_at.astimezone().strftime("%Y-%m-%d %H:%M")

        def restore(yes: bool | None) -> None:
            if not yes:
                return
            try:
                app.store.restore_backup(latest.id)
            except InputError as error:
                self._fail(error)
                return
            self._after_change()
            self.say(app.t("settings.restored", made_at=made_at))

        app.push_screen(ConfirmScreen(app.t(
            "confirm.restore", made_at=made_at, lessons=len(latest.document.progress),
            answers=len(latest.document.answers))), restore)

    def _after_change(self) -> None:
        """Screens showing progress redraw it."""
        for screen in self.app.screen_stack:
            refresh = getattr(screen, "refresh_lessons", None)
            if refresh is not None:
                refresh()

    def _confirm_wipe(self) -> None:
        from debtcoach.ui.screens.confirm import ConfirmScreen

        app = self.coach

        def wipe(yes: bool | None) -> None:
            if not yes:
                return
            from debtcoach.store import data_dir
            from debtcoach.store import wipe as wipe_data

            try:
                exports = app.store.exports()
                app.store.close()
                report = wipe_data(data_dir(app.settings.data_dir), exports)
            except InputError as error:
                self._fail(error)
                return
            lines = [app.t("settings.wiped"),
                     app.t("settings.wiped_report",
                           removed=", ".join(str(p) for p in report.removed) or "-")]
            if report.kept:
                lines.append(app.t("settings.wiped_kept",
                                   kept=", ".join(str(p) for p in report.kept)))
            app.exit(message="\n".join(lines))

        app.push_screen(ConfirmScreen(app.t("confirm.wipe")), wipe)

    def action_back(self) -> None:
        self.app.pop_screen()
