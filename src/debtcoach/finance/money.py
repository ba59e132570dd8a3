"""Money is integer fen (0.01 yuan) wherever a ledger is kept, so every ledger balances exactly."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from debtcoach.errors import InputError

FEN_PER_YUAN = 100

# Digits, or thousands properly grouped (1,234,567): '1,0,0' is a typo, not 100.
_MONEY = re.compile(
    r"^[¥]?\s*(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<wan>万)?\s*(?:元|yuan|CNY)?$",
    re.I,
)
MAX_FEN = 10**14  # a trillion yuan: far above any personal loan, far below the engine's int64 limit


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


def plain_yuan(fen: int) -> str:
    """Fen as the yuan a command line or a form takes, exactly and without grouping: 1234567.8,
    10000, 0.05 (parse_money reads it back)."""
    sign, fen = ("-" if fen < 0 else ""), abs(fen)
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    return f"{sign}{yuan}" + (f".{cents:02d}".rstrip("0") if cents else "")


def parse_money(text: str | int | float, field: str) -> int:
    """Parse '10000', '10,000.50', '¥800', '800元', '1万', '1.5万' or full-width digits into fen;
    refuse negatives, sub-fen amounts, badly grouped digits and absurd sizes."""
    raw = str(text).strip()
    if len(raw) > 40:
        raise InputError(field, "money_too_large", value=raw[:20] + "…")
    normal = unicodedata.normalize("NFKC", raw).replace("，", ",")
    match = _MONEY.match(normal)
    if not match:
        if normal.startswith("-"):
            raise InputError(field, "money_negative", value=raw)
        raise InputError(field, "money_invalid", value=raw)
    try:
        yuan = Decimal(match["num"].replace(",", ""))
        if match["wan"]:
            yuan *= 10_000
        fen = yuan_to_fen(yuan)
    except (ValueError, InvalidOperation):
        raise InputError(field, "money_invalid", value=raw) from None
    if fen > MAX_FEN:
        raise InputError(field, "money_too_large", value=raw)
    return fen
