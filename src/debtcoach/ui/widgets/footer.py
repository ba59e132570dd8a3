"""The key footer, redrawn once per burst of binding changes, and only as much as changed.

Textual's Footer rebuilds all its keys on every change of the screen's bindings; opening a lesson
changes them several times in one frame (the screen, the focused control, the step's own keys),
and every new key is styled (twice, as Textual binds it to the footer's compact style after
creating it). This one waits for the burst to end, does nothing when the keys it would show are
the ones on screen, hides or shows again keys it has when that is the whole change (Play goes
when a scenario pauses and comes back on the next one), and otherwise relabels the keys it has
(adding or removing the difference) instead of building them all again; a key is built in the
footer's style from the start.

Below 100 columns it drops the padding and the palette key (ctrl+p still works; `?` lists it) so
that every key of a step, the language switch included, fits in 80 columns."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_COLUMNS = 100

# A key as the footer draws it: key, key shown, description, action, enabled, tooltip.
Key = tuple[str, str, str, str, bool, str]
# Everything the footer is drawn from: its keys, whether any binding is in a group, whether the
# palette key is wanted, and the palette binding's description and state.
Drawn = tuple[tuple[Key, ...], bool, bool, tuple[str, bool] | None]


class CalmFooter(Footer):
    _rebuild_queued = False
    _drawn: Drawn | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                self._in_style(widget)
            yield widget

    def _in_style(self, key: FooterKey) -> None:
        """Give a key the footer's style before it mounts. (The palette key is not bound to
        the footer's style: left as Textual makes it.)"""
        key.set_reactive(FooterKey.compact, self.compact)
        key.set_class(self.compact, "-compact", update=False)

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._queue_rebuild()

    def on_resize(self, event: events.Resize) -> None:
        narrow = self.app.size.width < NARROW_COLUMNS
        if self.compact != narrow or self.show_command_palette == narrow:
            self.compact = narrow
            self.show_command_palette = not narrow
            if self._drawn is not None:  # built whole again in the new style
                self._drawn = None
                self._queue_rebuild()

    def _queue_rebuild(self) -> None:
        if not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def _now(self) -> Drawn:
        """What the footer would show now: one key per action (its first binding), as
        Textual's Footer composes them."""
        first: dict[str, tuple[object, ...]] = {}
        grouped = False
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in first:
                first[binding.action] = (binding.key, self.app.get_key_display(binding),
                                         binding.description, binding.action, enabled, tooltip)
            grouped = grouped or (binding.show and binding.group is not None)
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        keys = tuple(first.values())
        return (keys, grouped, self.show_command_palette,  # type: ignore[return-value]
                None if palette is None else (palette[1].description, palette[2]))

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if not self.is_attached:
            return
        now = self._now()
        before, self._drawn = self._drawn, now
        if now == before:
            return
        if before is not None and _relabelable(before, now):
            if not self._show_only(now[0]):
                await self._relabel(now[0])
        else:
            await self.recompose()

    def _keys(self) -> list[FooterKey]:
        return [key for key in self.query_children(FooterKey)
                if not key.has_class("-command-palette")]

    def _show_only(self, keys: tuple[Key, ...]) -> bool:
        """When every key has a widget here drawing it, in order: those shown, the others
        hidden (kept for when their key comes back). A key that comes and goes with a step,
        such as Play, then costs no relabelling of the keys after it."""
        widgets = self._keys()
        wanted = iter(keys)
        key = next(wanted, None)
        shown: set[FooterKey] = set()
        for widget in widgets:
            if key is not None and _draws(widget, key):
                shown.add(widget)
                key = next(wanted, None)
        if key is not None:
            return False
        for widget in widgets:
            if widget.display != (widget in shown):
                widget.display = widget in shown
        self.styles.grid_size_columns = len(keys)
        return True

    async def _relabel(self, keys: tuple[Key, ...]) -> None:
        """The keys on screen take the new keys' labels; extra ones go, missing ones come."""
        widgets = self._keys()
        for widget, (key, shown, description, action, _, tooltip) in zip(widgets, keys,
                                                                         strict=False):
            widget.display = True
            if (widget.key, widget.key_display, widget.description, widget.tooltip) != (
                    key, shown, description, tooltip or None):
                widget.key, widget.key_display, widget.description = key, shown, description
                widget.tooltip = tooltip or None
                widget.refresh(layout=True)
            widget.action = action
        if len(widgets) > len(keys):
            await self.remove_children(widgets[len(keys):])
        missing = []
        for key, shown, description, action, _, tooltip in keys[len(widgets):]:
            widget = FooterKey(key, shown, description, action, tooltip=tooltip)
            self._in_style(widget)
            missing.append(widget)
        if missing:
            palette = self.query_children(".-command-palette")
            await self.mount_all(missing, before=palette.first() if palette else None)
        self.styles.grid_size_columns = len(keys)


def _draws(widget: FooterKey, key: Key) -> bool:
    """Whether ``widget`` draws ``key`` as it is (same key, label, action and tooltip)."""
    name, shown, description, action, _, tooltip = key
    return (widget.key, widget.key_display, widget.description, widget.action,
            widget.tooltip) == (name, shown, description, action, tooltip or None)


def _relabelable(before: Drawn, now: Drawn) -> bool:
    """Whether relabelling the keys on screen draws what composing them again would: no
    groups, the same palette key, every key enabled (a disabled key is styled apart)."""
    return (not before[1] and not now[1] and before[2:] == now[2:]
            and all(key[4] for key in before[0]) and all(key[4] for key in now[0]))
