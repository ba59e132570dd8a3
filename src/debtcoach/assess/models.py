"""What a person tells us about their situation: income, spending, savings and their loans.

The same fields come from a TOML file (``debtcoach assess``) and from the app's form. Amounts
are yuan as typed ("1.5万", full-width digits) and kept in fen; rates, terms and repayment
names accept every form :mod:`debtcoach.finance` parses. Each problem is an
:class:`InputError` with the field path (``loans[1].received``), so a form or a file can
point at it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from debtcoach.errors import InputError
from debtcoach.finance.money import parse_money
from debtcoach.finance.offers import (
    Fee,
    FeeTiming,
    LateTerms,
    LoanOffer,
    Repayment,
    Term,
    parse_fee,
    parse_repayment,
    parse_term,
)
from debtcoach.finance.periods import YEAR
from debtcoach.finance.rates import Rate, parse_rate

MAX_LOANS = 50
MAX_PLAN_MONTHS = 120


def _fen(field: str) -> BeforeValidator:
    def validate(value: Any) -> int:
        if isinstance(value, bool):
            raise InputError(field, "money_invalid", value=str(value))
        return parse_money(value, field)

    return BeforeValidator(validate)


def _optional_fen(field: str) -> BeforeValidator:
    def validate(value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool):
            raise InputError(field, "money_invalid", value=str(value))
        return parse_money(value, field)

    return BeforeValidator(validate)


def _optional(parse: Any, field: str, *args: Any) -> BeforeValidator:
    def validate(value: Any) -> Any:
        if value is None or isinstance(value, Fee | Rate | Term):
            return value
        return parse(value, field, *args)

    return BeforeValidator(validate)


def _yuan(fen: int) -> str:
    """12345 → '123.45', 120000 → '1200': the amount as the person typed it."""
    return format(Decimal(fen) / 100, "f").rstrip("0").rstrip(".") if fen % 100 else str(fen // 100)


class Person(BaseModel):
    """Monthly money after tax, essential spending, and savings on hand today."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    monthly_income_fen: Annotated[int, _fen("monthly_income")] = Field(alias="monthly_income")
    monthly_expenses_fen: Annotated[int, _fen("monthly_expenses")] = Field(
        alias="monthly_expenses")
    savings_fen: Annotated[int, _fen("savings")] = Field(default=0, alias="savings")


class LoanKind(StrEnum):
    LOAN = "loan"  # online loan, consumer-finance or bank loan, instalment purchase
    CREDIT_CARD = "credit-card"  # a card instalment (账单分期): 个性化分期 rules apply


class LoanInput(BaseModel):
    """One loan as the person sees it: contract terms, or the repayment plan the app shows.

    Either ``term`` + ``rate`` (+ ``amount``) describe the contract, or ``schedule`` lists the
    payments (dates or period numbers and amounts, as pasted from the app). ``paid_instalments``
    (or ``start`` with today's date) says how far along it is."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    lender: str = Field(default="", max_length=60)
    kind: LoanKind = LoanKind.LOAN
    enabled: bool = True  # switched off in the form: kept, but left out of every figure
    amount_fen: Annotated[int | None, _optional_fen("amount")] = Field(default=None,
                                                                        alias="amount")
    received_fen: Annotated[int | None, _optional_fen("received")] = Field(default=None,
                                                                            alias="received")
    term: Annotated[Term | None, _optional(parse_term, "term")] = None
    rate: Annotated[Rate | None, _optional(parse_rate, "rate")] = None
    repayment: Annotated[Repayment, BeforeValidator(lambda value: parse_repayment(value))] = (
        Repayment.EQUAL_INSTALLMENT
    )
    upfront_fee: Annotated[Fee | None, _optional(parse_fee, "upfront_fee",
                                                 FeeTiming.UPFRONT)] = None
    service_fee: Annotated[Fee | None, _optional(parse_fee, "service_fee",
                                                 FeeTiming.PER_PERIOD)] = None
    membership_fee: Annotated[Fee | None, _optional(parse_fee, "membership_fee",
                                                    FeeTiming.ONCE)] = None
    guarantee_fee: Annotated[Fee | None, _optional(parse_fee, "guarantee_fee",
                                                   FeeTiming.PER_PERIOD)] = None
    schedule: str | None = Field(default=None, max_length=20_000)
    paid_instalments: int | None = Field(default=None, ge=0, le=600)
    start: date | None = None
    days_overdue: int = Field(default=0, ge=0, le=3650)
    late: LateTerms | None = None
    to_repay_other_loans: bool = False  # 借新还旧: taken to pay another loan

    @model_validator(mode="after")
    def _describes_one_loan(self) -> LoanInput:
        if self.schedule is None:
            if self.term is None:
                raise InputError("term", "field_missing", value="")
            if self.rate is None:
                raise InputError("rate", "field_missing", value="")
            if self.amount_fen is None:
                raise InputError("amount", "field_missing", value="")
            received = self.received_fen
            if received is not None and received > self.amount_fen:
                raise InputError("received", "received_above_amount",
                                 received=_yuan(received), amount=_yuan(self.amount_fen))
            self.offer()  # checks fees against the amount and the cash received
            if self.paid_instalments is not None and self.paid_instalments > self.instalments():
                raise InputError("paid_instalments", "paid_above_instalments",
                                 paid=self.paid_instalments, count=self.instalments())
        else:
            if self.received_fen is None:
                raise InputError("received", "field_missing", value="")
            if self.received_fen <= 0:
                raise InputError("received", "amount_not_positive", value=0)
            if self.amount_fen is not None and self.received_fen > self.amount_fen:
                raise InputError("received", "received_above_amount",
                                 received=_yuan(self.received_fen), amount=_yuan(self.amount_fen))
            if self.term is not None or self.rate is not None:
                raise InputError("schedule", "schedule_and_terms")
        if self.paid_instalments is not None and self.start is not None:
            raise InputError("start", "start_and_paid")
        return self

    def offer(self) -> LoanOffer:
        """The contract as a :class:`LoanOffer` (loans given by their terms only)."""
        if self.term is None or self.rate is None or self.amount_fen is None:
            raise InputError("schedule", "no_contract_terms")
        fields: dict[str, Any] = {
            "amount": self.amount_fen / 100 if self.amount_fen % 100 else self.amount_fen // 100,
            "term": self.term, "rate": self.rate, "repayment": self.repayment,
            "late": self.late,
        }
        for name in ("upfront_fee", "service_fee", "membership_fee", "guarantee_fee"):
            if (fee := getattr(self, name)) is not None:
                fields[name] = fee
        offer = LoanOffer.model_validate(fields)
        if self.received_fen is None:
            return offer
        # The cash received is the fact: whatever the contract's fees leave out of it was
        # deducted at payout too (砍头息).
        paid_out = offer.amount_fen - offer.deducted_at_payout_fen()
        if self.received_fen > paid_out:
            raise InputError("received", "received_above_payout", received=_yuan(
                self.received_fen), payout=_yuan(paid_out))
        if self.received_fen == paid_out:
            return offer
        gap = Fee(FeeTiming.UPFRONT, fixed_fen=paid_out - self.received_fen)
        fields["upfront_fee"] = gap if self.upfront_fee is None else Fee(
            FeeTiming.UPFRONT, self.upfront_fee.fixed_fen + gap.fixed_fen, self.upfront_fee.share)
        return LoanOffer.model_validate(fields)

    def instalments(self) -> int:
        if self.term is None:
            return 0
        return 1 if self.term.unit.value == "day" else self.term.count


class NegotiatedTerms(BaseModel):
    """The negotiated plan (个性化分期 / 协商还款), every term editable: what is owed repaid in
    equal monthly instalments over ``months`` (at most 60), interest at the contract rate but
    never above ``rate_cap``, fees and penalties waived unless switched off."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    months: int = Field(default=60, ge=1, le=60)
    rate_cap: Annotated[Rate, BeforeValidator(
        lambda v: v if isinstance(v, Rate) else parse_rate(v, "negotiated.rate_cap"))] = Field(
        default_factory=lambda: Rate(Fraction(24, 100), YEAR))
    waive_fees: bool = True
    waive_penalties: bool = True


class Situation(BaseModel):
    """A person and their loans: the whole input of :func:`debtcoach.assess.assess`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    person: Person
    loans: list[LoanInput] = Field(default_factory=list, max_length=MAX_LOANS)
    negotiated: NegotiatedTerms = Field(default_factory=NegotiatedTerms)

    def active_loans(self) -> list[tuple[int, LoanInput]]:
        """(index in ``loans``, loan) for the loans switched on."""
        return [(index, loan) for index, loan in enumerate(self.loans) if loan.enabled]
