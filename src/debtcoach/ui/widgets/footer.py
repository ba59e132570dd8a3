"""The key footer, rebuilt once per burst of binding changes.

Textual's Footer rebuilds all its keys on every change of the screen's bindings; opening a lesson
changes them several times in one frame (the screen, the focused control, the step's own keys),
and each rebuild restyles every key. This one rebuilds once, after the burst."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class CalmFooter(Footer):
    _rebuild_queued = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._rebuild_queued:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.recompose()
