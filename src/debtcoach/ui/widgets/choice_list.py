"""Quiz choices that wrap (a long choice is never cut with "…") and show what is picked with a
symbol, not colour alone: ( ) / (●) pick one, [ ] / [x] pick any. ↑/↓ move, Enter or space picks."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList

from debtcoach.ui.widgets.wrapped_text import WrappedText


class ChoiceList(OptionList):
    BINDINGS = [Binding("space", "select", "Pick", show=False)]  # noqa: RUF012

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 100%;
    }
    """

    def __init__(self, texts: list[Text], multiple: bool, id: str | None = None) -> None:
        self.texts = texts
        self.multiple = multiple
        self.picked: set[int] = set()
        super().__init__(*[self._prompt(i) for i in range(len(texts))], id=id)

    def _prompt(self, index: int) -> WrappedText:
        """The choice with its mark; a long choice wraps as Chinese is typeset, hanging under
        its first line."""
        on = index in self.picked
        mark = ("[x]" if on else "[ ]") if self.multiple else ("(●)" if on else "( )")
        return WrappedText(Content.from_rich_text(self.texts[index]), prefix=Content(f"{mark} "))

    def pick(self, index: int) -> None:
        """Toggle a choice (pick any) or choose it alone (pick one)."""
        before = set(self.picked)
        if self.multiple:
            self.picked ^= {index}
        else:
            self.picked = {index}
        for changed in before ^ self.picked:
            self.replace_option_prompt_at_index(changed, self._prompt(changed))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self:
            event.stop()
            self.pick(event.option_index)
