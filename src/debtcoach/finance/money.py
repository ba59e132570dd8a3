"""Money is integer fen (0.01 yuan) wherever a ledger is kept, so every ledger balances exactly."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from debtcoach.errors import InputError

FEN_PER_YUAN = 100

_MONEY = re.compile(r"^[¥￥]?\s*(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:元|yuan|CNY)?$", re.I)


def round_fen(amount: Fraction | Decimal | int) -> int:
    """Round an exact, non-negative number of fen to a whole fen, half up, as lenders do."""
    exact = Fraction(amount)
    return (2 * exact.numerator + exact.denominator) // (2 * exact.denominator)


def yuan_to_fen(yuan: Decimal | int | str) -> int:
    """Exact conversion; raises ValueError if the amount has fractions of a fen."""
    value = Decimal(str(yuan)) * FEN_PER_YUAN
    if value != value.to_integral_value():
        raise ValueError(f"{yuan} has fractions of a fen")
    return int(value)


def parse_money(text: str | int | float, field: str) -> int:
    """Parse '10000', '10,000.50', '¥800' or '800元' into fen; refuse negatives and sub-fen."""
    raw = str(text).strip()
    match = _MONEY.match(raw)
    if not match:
        if raw.startswith("-"):
            raise InputError(field, "money_negative", value=raw)
        raise InputError(field, "money_invalid", value=raw)
    try:
        return yuan_to_fen(Decimal(match["num"].replace(",", "")))
    except (ValueError, InvalidOperation):
        raise InputError(field, "money_invalid", value=raw) from None
