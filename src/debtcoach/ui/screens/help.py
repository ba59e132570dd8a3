"""`?`: every key that works on the screen underneath, in the current language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


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
        """One line per key of the screen underneath, mouse hint last."""
        t = self.app.t  # type: ignore[attr-defined]
        lines = [f"[b]{t('help.title')}[/b]", ""]
        seen: set[str] = set()
        for active in self.under.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            label = binding.key_display or self.app.get_key_display(binding)
            line = f"  {label:<10} {binding.description}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
        lines += ["", t("help.mouse"), t("help.close")]
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
