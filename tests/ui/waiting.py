"""Waiting for the app without a clock: Pilot's pause() decides "idle" from CPU time, which a
loaded machine fools (a starved process looks idle). Tests wait for what they need instead."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str,
                rounds: int = 500) -> None:
    """Let the app handle its messages, round after round, until ``condition`` holds."""
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")
