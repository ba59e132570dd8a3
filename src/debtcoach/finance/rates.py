"""Interest rates that always carry their period.

A bare number is never a rate here: "18%" is refused until it says per day, month or year. Changing
between periods is explicit (:meth:`Rate.per`) and simple (nominal), the way lenders quote them:
0.05%/day × 365 = 18.25%/year. Compounding belongs to the APR functions, not to rate conversion.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from debtcoach.errors import InputError
from debtcoach.finance.periods import CHINESE_UNIT, YEAR, Period, Unit, unit_from_word


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

    def in_chinese(self) -> str:
        """0.05%/天, 2%/月: as parse_rate reads it (a period of several units stays '1%/14day')."""
        if self.period.count != 1:
            return str(self)
        return f"{format_percent(self.value)}/{CHINESE_UNIT[self.period.unit]}"


def format_percent(share: Fraction) -> str:
    """1/2000 → '0.05%': every significant digit (up to 12), no trailing zeros."""
    percent = Decimal(share.numerator) * 100 / Decimal(share.denominator)
    text = format(round(percent, 12).normalize(), "f")
    return f"{text}%"


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> Decimal:
    """Arabic digits, or Chinese numerals up to 99 with an optional 点 decimal part."""
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return Decimal(text)
    whole, _, frac = text.partition("点")
    if not whole or any(ch not in _CN_DIGITS and ch != "十" for ch in whole):
        raise ValueError(text)
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in tens + ones:
            raise ValueError(text)
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
    r"^(?:综合)?(?P<unit>[日周月季年])(?:化综合资金成本|化综合成本|化综合费率|化利率|化费率|化|"
    r"利率|费率|利息|息|手续费率|综合费率)(?:[:\s]*)"
)
_APR_PREFIX = re.compile(r"^(?:APR|apr|年化)\s*[:]?\s*(?=[\d.])")
_NOISE = re.compile(r"^(?:低至|最低|仅|约|only|from|as low as)\s*|\s*(?:起|左右|起步)$", re.I)
_NOTE = re.compile(r"\([^()]*\)")  # (单利), (含服务费): a note about the rate, not its value
_RANGE = re.compile(r"\d\s*[%‰‱]?\s*(?:-|~|至|到|—|–)\s*\d")
_SCALE = {"百分之": Decimal(100), "千分之": Decimal(1000), "万分之": Decimal(10000),
          "千": Decimal(1000), "万": Decimal(10000)}
_CN_VALUE = re.compile(
    r"^(?P<scale>百分之|千分之|万分之|千|万)(?P<num>[0-9.一二两三四五六七八九十零〇点]+)$"
)
_PERCENT = re.compile(r"^(?P<num>-?\d+(?:\.\d+)?)\s*(?P<sign>[%‰‱])$")
_PER_SIGN = {"%": Decimal(100), "‰": Decimal(1000), "‱": Decimal(10000)}
# 分 and 厘 count tenths of the unit's customary step: 月息1分 = 1%/month, 年息1分 = 10%/year,
# 日息1分 = 0.1%/day; a 厘 is a tenth of a 分 (so 日息5厘 = 0.05%/day = 日息万五).
_FEN_SHARE = {Unit.YEAR: Decimal("0.1"), Unit.MONTH: Decimal("0.01"), Unit.DAY: Decimal("0.001")}
_FEN_LI = re.compile(
    r"^(?:(?P<fen>[0-9一二两三四五六七八九十]+(?:\.\d+)?)分)?"
    r"(?:(?P<li>[0-9一二两三四五六七八九]+(?:\.\d+)?)(?:厘)?)?$"
)
_EN_RATE = re.compile(
    r"^(?P<value>-?\d+(?:\.\d+)?\s*[%‰‱])\s*(?:/|per\s+|a\s+|an\s+|every\s+|p\.?\s*)?\s*"
    r"(?P<unit>[a-z.]+|[日天周月季年])?$",
    re.I,
)
MAX_RATE_DIGITS = 30


def _value(text: str, original: str, field: str, unit: Unit | None = None) -> Fraction:
    """A rate's number: '0.05%', '5‰', '5‱', '万五', '万分之五', '千一', '万2.5', and with a
    unit '1分5', '2分', '5厘'."""
    text = text.strip()
    if len(text) > MAX_RATE_DIGITS:
        raise InputError(field, "rate_invalid", value=original[:40])
    try:
        if m := _PERCENT.match(text):
            value = Decimal(m["num"]) / _PER_SIGN[m["sign"]]
        elif m := _CN_VALUE.match(text):
            value = cn_number(m["num"]) / _SCALE[m["scale"]]
        elif (unit in _FEN_SHARE and (m := _FEN_LI.match(text)) and ("分" in text or "厘" in text)
              and (m["fen"] or m["li"])):
            step = _FEN_SHARE[unit]
            value = Decimal(0)
            if m["fen"]:
                value += cn_number(m["fen"]) * step
            if m["li"]:
                value += cn_number(m["li"]) * step / 10
        else:
            raise InputError(field, "rate_invalid", value=original)
    except (ValueError, InvalidOperation):
        raise InputError(field, "rate_invalid", value=original) from None
    if value < 0:
        raise InputError(field, "rate_negative", value=original)
    return Fraction(value)


def _normalize(text: str) -> str:
    """Full-width forms to ASCII (１８％ → 18%), notes in brackets and stray colons dropped."""
    raw = unicodedata.normalize("NFKC", text).strip().replace("p.a.", "/year")
    raw = _NOTE.sub("", raw).replace("：", ":").strip()
    for _ in range(2):
        raw = _NOISE.sub("", raw).strip()
    return raw


def parse_rate(text: str, field: str = "rate") -> Rate:
    """Parse a rate as people see it in an ad or a contract, refusing any without a period and
    any range (年化7.2%-24%): only the contract says which rate is yours."""
    original = text if isinstance(text, str) else str(text)
    if not isinstance(text, str) or len(text) > 200:
        raise InputError(field, "rate_invalid", value=original[:40])
    raw = _normalize(text)
    if _RANGE.search(raw):
        raise InputError(field, "rate_range", value=original)
    if m := _CN_PREFIX_RE.match(raw):
        unit = _CN_PREFIX[m["unit"]]
        return Rate(_value(raw[m.end():], original, field, unit), Period(unit))
    if m := _APR_PREFIX.match(raw):
        rest = raw[m.end():]
        if _PERCENT.match(rest.strip()):
            return Rate(_value(rest, original, field), Period(Unit.YEAR))
    if m := _EN_RATE.match(raw):
        value = _value(m["value"], original, field)
        if m["unit"] is None:
            raise InputError(field, "rate_no_period", value=original)
        word = m["unit"].rstrip(".").lower()
        found = Unit.YEAR if word == "apr" else unit_from_word(word)
        if found is None:
            raise InputError(field, "rate_bad_period", value=original)
        return Rate(value, Period(found))
    if _CN_VALUE.match(raw) or _PERCENT.match(raw):
        raise InputError(field, "rate_no_period", value=original)
    raise InputError(field, "rate_invalid", value=original)
