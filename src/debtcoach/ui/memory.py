"""Python's garbage collector, kept from stalling the lesson player.

Every few month steps the collector's full pass walks every object the process holds (the app's
widgets, the lesson, numpy, pydantic: some 200,000), which stalls that step for a tenth of a
second or more. Once a lesson is on screen, what exists lives about as long as the lesson, so it
is set aside from later passes (``gc.freeze``, which costs nothing), and they walk only what the
lesson's steps made since. When the lesson closes, what was set aside is handed back and
collected, once, on the way home: the closed lesson's screen is garbage then.
"""

from __future__ import annotations

import gc


def freeze_what_lives() -> None:
    """Leave every object alive now out of later collections."""
    gc.freeze()


def release_and_collect() -> None:
    """Hand what was set aside back to the collector, and collect."""
    gc.unfreeze()
    gc.collect()
