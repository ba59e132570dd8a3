"""`w` on a warning: the fact behind it and where it comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from debtcoach.ui.widgets.wrapped_text import WrappedText

if TYPE_CHECKING:
    from debtcoach.lessons.player import Banner


class WhyScreen(ModalScreen[None]):
    CSS_PATH = "why.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,w,q", "close", show=False)]

    def __init__(self, banner: Banner, sources: dict[str, tuple[str, str]]) -> None:
        super().__init__()
        self.banner = banner
        self.sources = sources

    def compose(self) -> ComposeResult:
        app = self.app
        lang = app.lang  # type: ignore[attr-defined]
        t = app.t  # type: ignore[attr-defined]
        lines = [f"⚠ [b]{self.banner.message.text(lang)}[/b]", "", self.banner.why.text(lang), "",
                 f"[b]{t('player.sources')}[/b]"]
        for key in self.banner.sources:
            title, url = self.sources.get(key, (key, ""))
            lines.append(f"• {title}\n  [dim]{url}[/dim]")
        lines += ["", t("help.close")]
        with VerticalScroll():
            yield Static(WrappedText.from_markup("\n".join(lines)))

    def action_close(self) -> None:
        self.dismiss(None)
