"""Periods a rate or a payment schedule is measured in, with how many fit in a year.

Periods-per-year follow Regulation Z Appendix J's unit periods (52 weeks, 24 half-months,
12 months) and the 365-day year used by Chinese lenders for daily rates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from debtcoach.errors import InputError

T = TypeVar("T")


class Unit(StrEnum):
    DAY = "day"
    WEEK = "week"
    SEMIMONTH = "semimonth"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


_PER_YEAR = {
    Unit.DAY: 365,
    Unit.WEEK: 52,
    Unit.SEMIMONTH: 24,
    Unit.MONTH: 12,
    Unit.QUARTER: 4,
    Unit.YEAR: 1,
}

_ALIASES = {
    "d": Unit.DAY, "day": Unit.DAY, "days": Unit.DAY, "daily": Unit.DAY,
    "天": Unit.DAY, "日": Unit.DAY,
    "w": Unit.WEEK, "wk": Unit.WEEK, "week": Unit.WEEK, "weeks": Unit.WEEK, "weekly": Unit.WEEK,
    "周": Unit.WEEK,
    "semimonth": Unit.SEMIMONTH, "semimonthly": Unit.SEMIMONTH, "半月": Unit.SEMIMONTH,
    "m": Unit.MONTH, "mo": Unit.MONTH, "month": Unit.MONTH, "months": Unit.MONTH,
    "monthly": Unit.MONTH, "月": Unit.MONTH,
    "q": Unit.QUARTER, "quarter": Unit.QUARTER, "quarters": Unit.QUARTER, "quarterly": Unit.QUARTER,
    "季": Unit.QUARTER,
    "y": Unit.YEAR, "yr": Unit.YEAR, "year": Unit.YEAR, "years": Unit.YEAR, "annual": Unit.YEAR,
    "annually": Unit.YEAR, "a": Unit.YEAR, "pa": Unit.YEAR, "年": Unit.YEAR,
}


def first_chinese(words: dict[str, T]) -> dict[T, str]:
    """Each value's first Chinese word in a parser's table: a way to write it in Chinese that
    the parser reads back."""
    names: dict[T, str] = {}
    for word, value in words.items():
        if not word.isascii():
            names.setdefault(value, word)
    return names


CHINESE_UNIT = first_chinese(_ALIASES)  # Unit.DAY → 天


@dataclass(frozen=True, order=True)
class Period:
    """``count`` consecutive ``unit``s: Period(Unit.DAY, 14) is a 14-day period."""

    unit: Unit
    count: int = 1

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError("a period is at least one unit long")

    @property
    def per_year(self) -> Fraction:
        """How many of these periods make a year (365/14 for a 14-day period)."""
        return Fraction(_PER_YEAR[self.unit], self.count)

    def __str__(self) -> str:
        return self.unit.value if self.count == 1 else f"{self.count}{self.unit.value}"


DAY = Period(Unit.DAY)
WEEK = Period(Unit.WEEK)
MONTH = Period(Unit.MONTH)
YEAR = Period(Unit.YEAR)


def unit_from_word(word: str) -> Unit | None:
    return _ALIASES.get(word.strip().lower())


_N_UNITS = re.compile(r"^(\d+)\s*([a-z\u4e00-\u9fff]+)$")


def parse_period(text: str, field: str = "period") -> Period:
    """Parse 'day', 'month', 'semimonth', '14d' or '2 weeks' into a Period."""
    raw = text.strip().lower()
    unit = unit_from_word(raw)
    if unit is not None:
        return Period(unit)
    match = _N_UNITS.match(raw)
    if match and int(match[1]) >= 1 and (unit := unit_from_word(match[2])) is not None:
        return Period(unit, int(match[1]))
    raise InputError(field, "period_invalid", value=text)
