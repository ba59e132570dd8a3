"""Python's garbage collector, kept from stalling the lesson player.

Every few month steps the collector's full pass walks every object the process holds (the app's
widgets, the lesson, numpy, pydantic: some 200,000), which stalls that step for a tenth of a
second or more. Once a lesson is on screen, what exists lives about as long as the lesson: it is
collected once, and what is left is set aside from later passes (``gc.freeze``), which then
walk only what the lesson's steps made since. The next lesson first takes it back, so what the
one before left behind is still collected.
"""

from __future__ import annotations

import gc


def freeze_what_lives() -> None:
    """Collect the garbage there is now; leave what is alive out of later collections."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
