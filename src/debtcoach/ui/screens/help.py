"""`?`: every key that works on the screen underneath, in the current language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from debtcoach.i18n.messages import MESSAGES


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", show=False),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.key_table(), id="keys")

    def key_table(self) -> str:
        """Every key of ours that works underneath (they all have labels in the catalog), then
        the generic ones: scrolling, tab and the mouse."""
        t = self.app.t  # type: ignore[attr-defined]
        lines = [f"[b]{t('help.title')}[/b]", ""]
        seen: set[str] = set()
        for key, active in self.under.active_bindings.items():
            binding = active.binding
            if f"key.{binding.id}" not in MESSAGES:
                continue
            label = binding.key_display or self.app.get_key_display(binding)
            line = f"  {label:<10} {t(f'key.{binding.id}')}"
            if key not in seen and line not in lines:
                seen.add(key)
                lines.append(line)
        lines.append(f"  {'ctrl+p':<10} {t('help.palette')}")
        lines += ["", t("help.scroll"), t("help.mouse"), t("help.close")]
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
