"""Loan offers as lenders make them: contract amount, term, headline rate, repayment method, fees.

Inputs are what people read in an app or contract (yuan, "12m", "日息万五", "10%"); the model keeps
exact values (fen, :class:`Rate`, :class:`Fee`). Parsing errors are :class:`InputError`s naming the
field, so a lesson file or a command line can point at the exact mistake.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from debtcoach.errors import InputError
from debtcoach.finance.money import parse_money, plain_yuan, round_fen
from debtcoach.finance.periods import Unit, first_chinese, unit_from_word
from debtcoach.finance.rates import Rate, cn_number, format_percent, parse_rate


class Repayment(StrEnum):
    BULLET = "bullet"  # 一次性还本付息
    EQUAL_INSTALLMENT = "equal-installment"  # 等额本息
    EQUAL_PRINCIPAL = "equal-principal"  # 等额本金
    INTEREST_FIRST = "interest-first"  # 先息后本
    FLAT_FEE = "flat-fee"  # 等本等费: equal principal + a fee on the original principal


class FeeTiming(StrEnum):
    UPFRONT = "upfront"  # deducted from the payout (砍头息)
    ONCE = "once"  # paid separately when the loan is paid out
    PER_PERIOD = "per-period"  # with every instalment
    PER_MONTH = "per-month"  # once per started month of the term, all paid at payout


@dataclass(frozen=True)
class Fee:
    """A fixed amount plus a share of the contract amount, charged at ``timing``."""

    timing: FeeTiming
    fixed_fen: int = 0
    share: Fraction = Fraction(0)

    def amount_fen(self, contract_fen: int) -> int:
        return self.fixed_fen + round_fen(self.share * contract_fen)

    def spelled(self, lang: str = "en") -> str:
        """'10%/upfront', '50/period', '0.75%/每期': as parse_fee reads it, timing included."""
        value = format_percent(self.share) if self.share else plain_yuan(self.fixed_fen)
        words = CHINESE_TIMING if lang == "zh" else ENGLISH_TIMING
        return f"{value}/{words[self.timing]}"


_TIMING_WORDS = {
    "upfront": FeeTiming.UPFRONT, "砍头": FeeTiming.UPFRONT,
    "once": FeeTiming.ONCE, "one-off": FeeTiming.ONCE, "一次性": FeeTiming.ONCE,
    "period": FeeTiming.PER_PERIOD, "per-period": FeeTiming.PER_PERIOD,
    "每期": FeeTiming.PER_PERIOD,
    "month": FeeTiming.PER_MONTH, "per-month": FeeTiming.PER_MONTH, "每月": FeeTiming.PER_MONTH,
    "月": FeeTiming.PER_MONTH,
}
CHINESE_TIMING = first_chinese(_TIMING_WORDS)  # FeeTiming.UPFRONT → 砍头
ENGLISH_TIMING = {FeeTiming.UPFRONT: "upfront", FeeTiming.ONCE: "once",
                  FeeTiming.PER_PERIOD: "period", FeeTiming.PER_MONTH: "month"}
_FEE = re.compile(r"^(?P<value>[^/\s]+?)\s*(?:(?:/|\s+)\s*(?P<timing>[\w-]+|[\u4e00-\u9fff]+))?$")
_SHARE = re.compile(r"^(?P<num>\d+(?:\.\d+)?)\s*%$")


def parse_fee(text: str | int | float, field: str, default: FeeTiming) -> Fee:
    """'2000' (yuan), '10%' (of the contract amount), optionally '/month', '/period', ' once'."""
    raw = str(text).strip().replace("％", "%")
    match = _FEE.match(raw)
    if not match:
        raise InputError(field, "fee_invalid", value=raw)
    timing = default
    if match["timing"]:
        found = _TIMING_WORDS.get(match["timing"].lower())
        if found is None:
            raise InputError(field, "fee_bad_timing", value=raw)
        timing = found
    value = match["value"]
    if share := _SHARE.match(value):
        try:
            return Fee(timing, share=Fraction(Decimal(share["num"])) / 100)
        except InvalidOperation:
            raise InputError(field, "fee_invalid", value=raw) from None
    if value.startswith("-"):
        raise InputError(field, "money_negative", value=raw)
    try:
        return Fee(timing, fixed_fen=parse_money(value, field))
    except InputError:
        raise InputError(field, "fee_invalid", value=raw) from None


@dataclass(frozen=True)
class Term:
    """A loan's length: ``count`` days or months."""

    count: int
    unit: Unit

    def __str__(self) -> str:
        return f"{self.count}{'d' if self.unit is Unit.DAY else 'm'}"

    def in_chinese(self) -> str:
        """12个月, 7天: as parse_term reads it."""
        return f"{self.count}{'天' if self.unit is Unit.DAY else '个月'}"

    @property
    def years(self) -> Fraction:
        return Fraction(self.count, 365 if self.unit is Unit.DAY else 12)


_TERM = re.compile(
    r"^(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?P<unit>[a-z]+|个月|月|天|日|期|年|周)$"
)
_TERM_UNITS = {"个月": Unit.MONTH, "期": Unit.MONTH}  # 期: monthly instalments


def parse_term(text: str | int, field: str = "term") -> Term:
    """'7d', '30 days', '12m', '12 months', '12个月', '十二个月', '12期', '1年', '7天'. A year
    is 12 months, a week 7 days."""
    raw = unicodedata.normalize("NFKC", str(text)).strip().lower()
    match = _TERM.match(raw) if len(raw) <= 20 else None
    unit = None
    if match:
        word = match["unit"]
        unit = _TERM_UNITS.get(word) or unit_from_word(word)
    if match is None or unit not in (Unit.DAY, Unit.MONTH, Unit.YEAR, Unit.WEEK):
        raise InputError(field, "term_invalid", value=str(text)[:40])
    try:
        count = int(cn_number(match["n"]))
    except ValueError:
        raise InputError(field, "term_invalid", value=str(text)[:40]) from None
    if count < 1:
        raise InputError(field, "term_zero", value=str(text))
    if unit is Unit.YEAR:
        count, unit = count * 12, Unit.MONTH
    elif unit is Unit.WEEK:
        count, unit = count * 7, Unit.DAY
    if count > MAX_TERM[unit]:
        raise InputError(field, "term_too_long", value=str(text))
    return Term(count, unit)


MAX_TERM = {Unit.DAY: 3650, Unit.MONTH: 600}

_REPAYMENT_NAMES = {
    "等额本息": Repayment.EQUAL_INSTALLMENT,
    "等额本金": Repayment.EQUAL_PRINCIPAL,
    "先息后本": Repayment.INTEREST_FIRST,
    "按月付息到期还本": Repayment.INTEREST_FIRST,
    "一次性还本付息": Repayment.BULLET,
    "到期一次性还本付息": Repayment.BULLET,
    "到期还本付息": Repayment.BULLET,
    "等本等费": Repayment.FLAT_FEE,
    "等本等息": Repayment.FLAT_FEE,
}


CHINESE_REPAYMENT = first_chinese(_REPAYMENT_NAMES)  # Repayment.EQUAL_INSTALLMENT → 等额本息


def parse_repayment(text: object, field: str = "repayment") -> Repayment:
    """A repayment method by its English name (equal-installment) or its Chinese name (等额本息)."""
    if isinstance(text, Repayment):
        return text
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if raw in _REPAYMENT_NAMES:
        return _REPAYMENT_NAMES[raw]
    try:
        return Repayment(raw.lower().replace("_", "-"))
    except ValueError:
        allowed = ", ".join([method.value for method in Repayment] + list(_REPAYMENT_NAMES)[:5])
        raise InputError(field, "choice_invalid", value=raw[:40], allowed=allowed) from None


def _reraise_as_input_error(parse: Any, field: str, *args: Any) -> Any:
    def validate(value: Any) -> Any:
        if isinstance(value, Fee | Rate | Term):
            return value
        return parse(value, field, *args)

    return BeforeValidator(validate)


def _money(field: str) -> BeforeValidator:
    def validate(value: Any) -> int:
        if isinstance(value, bool):
            raise InputError(field, "money_invalid", value=str(value))
        return parse_money(value, field)

    return BeforeValidator(validate)


class LateTerms(BaseModel):
    """What happens when a payment is missed: daily penalty interest on the overdue amount, a
    fixed late fee per missed payment, and days of grace before either applies."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    penalty_rate: Annotated[Rate, _reraise_as_input_error(parse_rate, "penalty_rate")]
    late_fee_fen: Annotated[int, _money("late_fee")] = Field(default=0, alias="late_fee")
    grace_days: int = Field(default=0, ge=0)


class LoanOffer(BaseModel):
    """One loan as offered. Amounts are given in yuan and kept in fen."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    amount_fen: Annotated[int, _money("amount")] = Field(alias="amount")
    term: Annotated[Term, _reraise_as_input_error(parse_term, "term")]
    rate: Annotated[Rate, _reraise_as_input_error(parse_rate, "rate")]
    repayment: Annotated[Repayment, BeforeValidator(lambda value: parse_repayment(value))] = (
        Repayment.EQUAL_INSTALLMENT
    )
    upfront_fee: Annotated[
        Fee | None, _reraise_as_input_error(parse_fee, "upfront_fee", FeeTiming.UPFRONT)
    ] = None
    service_fee: Annotated[
        Fee | None, _reraise_as_input_error(parse_fee, "service_fee", FeeTiming.PER_PERIOD)
    ] = None
    membership_fee: Annotated[
        Fee | None, _reraise_as_input_error(parse_fee, "membership_fee", FeeTiming.ONCE)
    ] = None
    guarantee_fee: Annotated[
        Fee | None, _reraise_as_input_error(parse_fee, "guarantee_fee", FeeTiming.PER_PERIOD)
    ] = None
    late: LateTerms | None = None

    @model_validator(mode="after")
    def _amount_and_fees_make_sense(self) -> LoanOffer:
        if self.amount_fen <= 0:
            raise InputError("amount", "amount_not_positive", value=plain_yuan(self.amount_fen))
        at_payout = self.deducted_at_payout_fen() + self.paid_at_payout_fen()
        if at_payout >= self.amount_fen:
            raise InputError("upfront_fee", "fees_exceed_amount",
                             fees=plain_yuan(at_payout), amount=plain_yuan(self.amount_fen))
        return self

    def fees(self) -> list[tuple[str, Fee]]:
        """The fees this offer charges, by name."""
        named = [("upfront_fee", self.upfront_fee), ("service_fee", self.service_fee),
                 ("membership_fee", self.membership_fee), ("guarantee_fee", self.guarantee_fee)]
        return [(name, fee) for name, fee in named if fee is not None]

    def _fees_fen(self, *timings: FeeTiming) -> int:
        return sum(fee.amount_fen(self.amount_fen) for _, fee in self.fees()
                   if fee.timing in timings)

    def deducted_at_payout_fen(self) -> int:
        """砍头息: taken out of the money paid out."""
        return self._fees_fen(FeeTiming.UPFRONT)

    def term_months(self) -> int:
        """Started months of the term: ``m`` for an ``m``-month term, one per 30 days started
        for a day term (7d and 30d: 1, 45d: 2)."""
        return -(-self.term.count // 30) if self.term.unit is Unit.DAY else self.term.count

    def paid_at_payout_fen(self) -> int:
        """One-off fees, plus a monthly fee (a membership priced by the month) for every started
        month of the term, whatever its unit: the membership is bought with the loan."""
        return (self._fees_fen(FeeTiming.ONCE)
                + self.term_months() * self._fees_fen(FeeTiming.PER_MONTH))

    def fees_per_instalment_fen(self) -> int:
        """Fees added to every instalment."""
        return self._fees_fen(FeeTiming.PER_PERIOD)
