"""Scenario files: a borrower, cash needs, lenders and a policy (TOML; the format is a contract).

Amounts are yuan in the file and fen in the model. Lenders reuse the loan-offer fields of
:class:`debtcoach.finance.offers.LoanOffer` plus how the lender behaves.
"""

from __future__ import annotations

import math
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from debtcoach.errors import InputError
from debtcoach.finance.money import parse_money, round_fen
from debtcoach.finance.offers import Fee, FeeTiming, LateTerms, LoanOffer, parse_fee
from debtcoach.finance.rates import Rate, parse_rate


class Localized(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def _localized(value: Any) -> Any:
    """A plain string serves both languages (names like "QuickCash")."""
    if isinstance(value, str):
        return {"zh": value, "en": value}
    return value


Text = Annotated[Localized, BeforeValidator(_localized)]


# ¥1,000,000,000,000: far above any borrower or credit line, far below the engine's int64 fen.
MAX_FEN = 10**14


def _fen(field: str, positive: bool = False) -> BeforeValidator:
    def validate(value: Any) -> int:
        if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
            raise InputError(field, "money_invalid", value=str(value))
        if isinstance(value, int | float) and abs(value) > MAX_FEN / 100:
            raise InputError(field, "money_too_large", value=str(value), limit=MAX_FEN // 100)
        fen = parse_money(value, field)
        if abs(fen) > MAX_FEN:
            raise InputError(field, "money_too_large", value=str(value), limit=MAX_FEN // 100)
        if positive and fen <= 0:
            raise InputError(field, "amount_not_positive", value=str(value))
        return fen

    return BeforeValidator(validate)


class WhenShort(StrEnum):
    STACK = "stack"  # 以贷养贷: borrow from whoever approves
    ROLLOVER = "rollover"  # pay only what an extension needs
    DEFAULT = "default"  # borrow nothing; unpaid amounts go overdue
    CUT_SPENDING = "cut_spending"  # borrow nothing; cut spending from next month


class PenaltyBase(StrEnum):
    """What daily penalty interest is charged on (docs/engine.md, "Penalties")."""

    PRINCIPAL = "principal"  # overdue principal only
    PRINCIPAL_INTEREST = "principal+interest"  # overdue principal and interest
    ALL = "all"  # everything overdue: principal, interest, fees and penalties (compounds)


class LenderLateTerms(LateTerms):
    """A lender's late terms: the offer's, plus what its penalty interest is charged on."""

    penalty_base: PenaltyBase = PenaltyBase.PRINCIPAL_INTEREST


class ExtraPayments(StrEnum):
    NONE = "none"
    AVALANCHE = "avalanche"  # highest rate first
    SNOWBALL = "snowball"  # smallest balance first


class Borrower(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    monthly_income_fen: Annotated[int, _fen("monthly_income")] = Field(alias="monthly_income")
    monthly_expenses_fen: Annotated[int, _fen("monthly_expenses")] = Field(
        alias="monthly_expenses"
    )
    savings_fen: Annotated[int, _fen("savings")] = Field(default=0, alias="savings")
    payday: int = Field(default=1, ge=1, le=30, strict=True)
    income_volatility: float = Field(default=0.0, ge=0, le=5, strict=True)


class Event(BaseModel):
    """A cash need at the start of ``month`` (0-based), repeated every ``every`` months."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    month: int = Field(ge=0, le=600, strict=True)
    amount_fen: Annotated[int, _fen("amount")] = Field(alias="amount")
    label: Text = Field(default_factory=lambda: Localized(zh="", en=""))
    every: int = Field(default=0, ge=0, le=600, strict=True)
    until: int | None = Field(default=None, ge=0, le=600, strict=True)

    def falls_in(self, month: int) -> bool:
        if month < self.month or (self.until is not None and month > self.until):
            return False
        return month == self.month or (self.every > 0 and (month - self.month) % self.every == 0)


def _rate_or_none(field: str) -> BeforeValidator:
    def validate(value: Any) -> Any:
        return value if value is None or isinstance(value, Rate) else parse_rate(value, field)

    return BeforeValidator(validate)


def _fee_or_none(field: str, default: FeeTiming) -> BeforeValidator:
    def validate(value: Any) -> Any:
        return value if value is None or isinstance(value, Fee) else parse_fee(value, field,
                                                                                default)

    return BeforeValidator(validate)


_OFFER_FIELDS = ("term", "rate", "repayment", "upfront_fee", "service_fee", "membership_fee",
                 "guarantee_fee", "late")


class Lender(LoanOffer):
    """A loan-offer template (amount comes per loan) plus how the lender behaves."""

    id: str = Field(min_length=1)
    name: Text
    amount_fen: Annotated[int, _fen("max_amount", positive=True)] = Field(alias="max_amount")
    repeat_rate: Annotated[Rate | None, _rate_or_none("repeat_rate")] = None
    line_growth: float = Field(default=0.0, ge=0, le=10, strict=True)
    max_line_fen: Annotated[int | None, BeforeValidator(
        lambda v: v if v is None else parse_money(v, "max_line"))] = Field(
        default=None, alias="max_line")
    invite_bonus_fen: Annotated[int, _fen("invite_bonus")] = Field(default=0,
                                                                   alias="invite_bonus")
    rollover_fee: Annotated[Fee | None, _fee_or_none("rollover_fee", FeeTiming.ONCE)] = None
    max_rollovers: int = Field(default=2, ge=0, le=1000, strict=True)
    max_lenders: int | None = Field(default=None, ge=0, le=1000, strict=True)
    max_debt_to_income: float | None = Field(default=None, gt=0, le=1000, strict=True)
    refuse_when_overdue: bool = Field(default=True, strict=True)
    late: LenderLateTerms | None = None

    @model_validator(mode="before")
    @classmethod
    def _rates_are_text(cls, data: Any) -> Any:
        """``rate = 18`` hides its period (a day? a year?): say what to write instead."""
        if isinstance(data, dict):
            for name in ("rate", "repeat_rate"):
                value = data.get(name)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    raise InputError(name, "rate_not_text", value=value)
            for name in ("term", "rate", "repeat_rate", "upfront_fee", "service_fee",
                         "membership_fee", "guarantee_fee", "rollover_fee"):
                value = data.get(name)
                if isinstance(value, bool | list | dict):  # the parsers take text (or a number)
                    raise InputError(name, "text_invalid", value=repr(value)[:40])
        return data

    @property
    def max_amount_fen(self) -> int:
        return self.amount_fen

    def offer(self, amount_fen: int, repeat: bool) -> LoanOffer:
        """The offer this lender makes for a contract of ``amount_fen``."""
        fields: dict[str, Any] = {name: getattr(self, name) for name in _OFFER_FIELDS}
        if repeat and self.repeat_rate is not None:
            fields["rate"] = self.repeat_rate
        return LoanOffer.model_construct(amount_fen=amount_fen, **fields)

    def rate_for(self, repeat: bool) -> Rate:
        return self.repeat_rate if repeat and self.repeat_rate is not None else self.rate


class Policy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    when_short: WhenShort = WhenShort.STACK
    extra_payments: ExtraPayments = ExtraPayments.NONE
    cut_share: float = Field(default=0.2, ge=0, le=1, strict=True)
    invite_friends: int = Field(default=0, ge=0, le=1000, strict=True)


class Scenario(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    months: int = Field(ge=1, le=600, strict=True)
    slots: int = Field(default=16, ge=1, le=256, strict=True)
    borrower: Borrower
    events: list[Event] = Field(default_factory=list)
    lenders: list[Lender] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)

    @model_validator(mode="after")
    def _lender_ids_are_unique(self) -> Scenario:
        seen: set[str] = set()
        for index, lender in enumerate(self.lenders):
            if lender.id in seen:
                raise InputError(f"lenders[{index}].id", "duplicate_id", value=lender.id)
            seen.add(lender.id)
        return self

    def cut_expenses_fen(self) -> int:
        """Monthly expenses while spending is cut."""
        return round_fen(self.borrower.monthly_expenses_fen * (1 - exact(self.policy.cut_share)))


def exact(value: float) -> Fraction:
    """The decimal a person wrote (0.2), not the nearest binary float, for exact money maths."""
    return Fraction(repr(value))
