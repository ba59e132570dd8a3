"""A number field that lets letter keys through to the screen (h for a hint, l for language…).

Textual gives a focused Input every printable key; a number never needs letters, so this one
takes only the characters a number can contain and lets the rest reach the screen's bindings."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

NUMBER_CHARACTERS = frozenset("0123456789.,-+%eE")


class NumberInput(Input):
    def __init__(self, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, type="number", id=id)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character is not None and character in NUMBER_CHARACTERS

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs Input's own _on_key after this one unless we prevent it; letters are not
        # ours, so prevent that and let the key bubble on to the bindings.
        if event.is_printable and event.character not in NUMBER_CHARACTERS:
            event.prevent_default()
