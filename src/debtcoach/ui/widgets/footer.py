"""The key footer, rebuilt once per burst of binding changes, and only when a key it shows changed.

Textual's Footer rebuilds all its keys on every change of the screen's bindings; opening a lesson
changes them several times in one frame (the screen, the focused control, the step's own keys),
and each rebuild restyles every key. This one rebuilds once, after the burst, and not at all when
the keys it would show are the ones on screen (the focus moved between fields, a step with the
same keys), and its keys are built in the footer's style rather than restyled after. Below 100 columns it drops the padding and the palette key (ctrl+p still works; `?`
lists it) so that every key of a step, the language switch included, fits in 80 columns."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_COLUMNS = 100


class CalmFooter(Footer):
    _rebuild_queued = False
    _shown: tuple[Any, ...] | None = None  # what the keys on screen were built from

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._queue_rebuild()

    def on_resize(self, event: events.Resize) -> None:
        narrow = self.app.size.width < NARROW_COLUMNS
        self.compact = narrow
        if self.show_command_palette == narrow:
            self.show_command_palette = not narrow
            if self._shown is not None:
                self._queue_rebuild()

    def _queue_rebuild(self) -> None:
        if not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Born in the footer's style: Textual binds each key's style to the footer's
                # after creating it, and the key restyles itself (and its parts) once or twice
                # as it mounts. The palette key is not bound to it: left as it is.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def _keys(self) -> tuple[Any, ...]:
        """Everything the footer's keys are drawn from: each shown binding as it would look,
        and the palette key."""
        active = self.screen.active_bindings
        shown = tuple((binding.key, binding.action, binding.description, binding.key_display,
                       binding.group, enabled, tooltip)
                      for _, binding, enabled, tooltip in active.values() if binding.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        return (shown, self.show_command_palette,
                None if palette is None else (palette[1].description, palette[2]))

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
