"""The key footer, rebuilt once per burst of binding changes.

Textual's Footer rebuilds all its keys on every change of the screen's bindings; opening a lesson
changes them several times in one frame (the screen, the focused control, the step's own keys),
and each rebuild restyles every key. This one rebuilds once, after the burst. Below 100 columns
it drops the padding and the palette key (ctrl+p still works; `?` lists it) so that every key of
a step, the language switch included, fits in 80 columns."""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer

NARROW_COLUMNS = 100


class CalmFooter(Footer):
    _rebuild_queued = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_queued:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def on_resize(self, event: events.Resize) -> None:
        narrow = self.app.size.width < NARROW_COLUMNS
        self.compact = narrow
        self.show_command_palette = not narrow

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.recompose()
