"""Interest rates that always carry their period.

A bare number is never a rate here: "18%" is refused until it says per day, month or year. Changing
between periods is explicit (:meth:`Rate.per`) and simple (nominal), the way lenders quote them:
0.05%/day × 365 = 18.25%/year. Compounding belongs to the APR functions, not to rate conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from debtcoach.errors import InputError
from debtcoach.finance.periods import YEAR, Period, Unit, unit_from_word


@dataclass(frozen=True)
class Rate:
    """``value`` is the exact share per ``period``: Rate(Fraction(1, 2000), DAY) is 0.05% a day.

    Exact, because a converted rate rarely has a finite decimal (0.05%/day is 73/4800 a month) and
    interest is rounded to the fen from it."""

    value: Fraction
    period: Period

    def per(self, period: Period) -> Rate:
        """The same rate quoted for another period, by simple scaling (no compounding)."""
        return Rate(self.value * self.period.per_year / period.per_year, period)

    @property
    def annual(self) -> Fraction:
        """Simple annual rate: what an advert's "年化" would be if it only scaled the headline."""
        return self.per(YEAR).value

    def __str__(self) -> str:
        return f"{format_percent(self.value)}/{self.period}"


def format_percent(share: Fraction) -> str:
    """1/2000 → '0.05%': every significant digit (up to 12), no trailing zeros."""
    percent = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    text = format(round(percent, 12).normalize(), "f")
    return f"{text}%"


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}


def _cn_number(text: str) -> Decimal:
    """Arabic digits, or Chinese numerals up to 99 with an optional 点 decimal part."""
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return Decimal(text)
    whole, _, frac = text.partition("点")
    if not whole or any(ch not in _CN_DIGITS and ch != "十" for ch in whole):
        raise ValueError(text)
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    elif len(whole) == 1:
        value = _CN_DIGITS[whole]
    else:
        raise ValueError(text)
    if frac:
        if any(ch not in _CN_DIGITS for ch in frac):
            raise ValueError(text)
        return Decimal(f"{value}.{''.join(str(_CN_DIGITS[ch]) for ch in frac)}")
    return Decimal(value)


_CN_PREFIX = {
    "日": Unit.DAY, "周": Unit.WEEK, "月": Unit.MONTH, "季": Unit.QUARTER, "年": Unit.YEAR,
}
_CN_PREFIX_RE = re.compile(
    r"^(?P<unit>[日周月季年])(?:化利率|化费率|化|利率|费率|利息|息|手续费率|综合费率)"
)
_NOISE = re.compile(r"^(?:低至|最低|仅|约|only|from|as low as)\s*|\s*(?:起|左右|起步)$", re.I)
_SCALE = {"百分之": Decimal(100), "千分之": Decimal(1000), "万分之": Decimal(10000),
          "千": Decimal(1000), "万": Decimal(10000)}
_CN_VALUE = re.compile(
    r"^(?P<scale>百分之|千分之|万分之|千|万)(?P<num>[0-9.一二两三四五六七八九十零〇点]+)$"
)
_PERCENT = re.compile(r"^(?P<num>-?\d+(?:\.\d+)?)\s*%$")
_EN_RATE = re.compile(
    r"^(?P<value>-?\d+(?:\.\d+)?\s*%)\s*(?:/|per\s+|a\s+|an\s+|every\s+|p\.?\s*)?\s*(?P<unit>[a-z.]+)?$",
    re.I,
)


def _value(text: str, original: str, field: str) -> Fraction:
    """A rate's number: '0.05%', '万五', '万分之五', '千一', '万2.5'."""
    text = text.strip()
    try:
        if m := _PERCENT.match(text):
            value = Decimal(m["num"]) / 100
        elif m := _CN_VALUE.match(text):
            value = _cn_number(m["num"]) / _SCALE[m["scale"]]
        else:
            raise InputError(field, "rate_invalid", value=original)
    except (ValueError, InvalidOperation):
        raise InputError(field, "rate_invalid", value=original) from None
    if value < 0:
        raise InputError(field, "rate_negative", value=original)
    return Fraction(value)


def parse_rate(text: str, field: str = "rate") -> Rate:
    """Parse a rate as people see it in an ad or a contract, refusing any without a period."""
    original = text
    raw = text.strip().replace("％", "%").replace("p.a.", "/year")
    raw = _NOISE.sub("", raw).strip()
    raw = _NOISE.sub("", raw).strip()
    if m := _CN_PREFIX_RE.match(raw):
        return Rate(_value(raw[m.end():], original, field), Period(_CN_PREFIX[m["unit"]]))
    if m := _EN_RATE.match(raw):
        value = _value(m["value"], original, field)
        if m["unit"] is None:
            raise InputError(field, "rate_no_period", value=original)
        word = m["unit"].rstrip(".").lower()
        unit = Unit.YEAR if word == "apr" else unit_from_word(word)
        if unit is None:
            raise InputError(field, "rate_bad_period", value=original)
        return Rate(value, Period(unit))
    if _CN_VALUE.match(raw):
        raise InputError(field, "rate_no_period", value=original)
    raise InputError(field, "rate_invalid", value=original)
