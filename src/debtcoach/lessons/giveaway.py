"""Does a text give a computed answer away? The ways a learner would recognise the number."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from debtcoach.coach.quiz import Unit, to_shown


def answer_spellings(value: float, unit: Unit) -> list[str]:
    """How the answer could be written: 18.25 and 18.3 for 18.25%; 3,261.12, 3261.12, 3,261 and
    3261 for ¥3,261.12. Spellings shorter than three digits (a bare "18") are left out: they
    turn up in ordinary text too often to mean the answer."""
    if not math.isfinite(value):
        return []
    shown = Decimal(repr(to_shown(value, unit)))
    cents, tenths = (shown.quantize(Decimal(q), ROUND_HALF_UP) for q in ("0.01", "0.1"))
    spellings = {f"{cents:f}", f"{tenths:f}", f"{cents:,f}", f"{tenths:,f}"}
    whole = shown.quantize(Decimal(1), ROUND_HALF_UP)
    if unit in ("yuan", "number") or abs(shown - whole) < Decimal("0.05"):
        spellings |= {f"{whole:f}", f"{whole:,f}"}
    trimmed = {s.rstrip("0").rstrip(".") if "." in s else s for s in spellings}
    return sorted((s for s in trimmed if sum(ch.isdigit() for ch in s) >= 3),
                  key=len, reverse=True)


def contains_answer(text: str, value: float, unit: Unit) -> str | None:
    """The first spelling of the answer found in ``text`` as a whole number, or None."""
    for spelling in answer_spellings(value, unit):
        if re.search(rf"(?<![\d.,]){re.escape(spelling)}(?![\d]|[.,]\d)", text):
            return spelling
    return None
