from fractions import Fraction

import pytest
from pydantic import ValidationError

from debtcoach.errors import InputError
from debtcoach.finance.offers import Fee, FeeTiming, LoanOffer, Term, parse_fee, parse_term
from debtcoach.finance.periods import Unit
from debtcoach.validation import input_errors


@pytest.mark.parametrize(
    ("text", "default", "fee"),
    [
        ("2000", FeeTiming.UPFRONT, Fee(FeeTiming.UPFRONT, fixed_fen=200_000)),
        ("10%", FeeTiming.UPFRONT, Fee(FeeTiming.UPFRONT, share=Fraction("0.1"))),
        ("0.6%", FeeTiming.PER_PERIOD, Fee(FeeTiming.PER_PERIOD, share=Fraction("0.006"))),
        ("19.9/month", FeeTiming.ONCE, Fee(FeeTiming.PER_MONTH, fixed_fen=1990)),
        ("198 once", FeeTiming.PER_PERIOD, Fee(FeeTiming.ONCE, fixed_fen=19_800)),
        ("1%/period", FeeTiming.ONCE, Fee(FeeTiming.PER_PERIOD, share=Fraction("0.01"))),
        ("¥50", FeeTiming.ONCE, Fee(FeeTiming.ONCE, fixed_fen=5000)),
    ],
)
def test_parses_fees(text: str, default: FeeTiming, fee: Fee) -> None:
    assert parse_fee(text, "fee", default) == fee


@pytest.mark.parametrize(
    ("text", "code"),
    [("abc", "fee_invalid"), ("-5", "money_negative"), ("10%/fortnight", "fee_bad_timing"),
     ("1.234", "fee_invalid"), ("", "fee_invalid")],
)
def test_refuses_bad_fees(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_fee(text, "service_fee", FeeTiming.PER_PERIOD)
    assert (caught.value.field, caught.value.code) == ("service_fee", code)


def test_percentage_fees_are_charged_on_the_contract_amount_to_the_fen() -> None:
    assert Fee(FeeTiming.UPFRONT, share=Fraction("0.006")).amount_fen(123_457) == 741  # 740.742


@pytest.mark.parametrize(
    ("text", "term"),
    [("7d", Term(7, Unit.DAY)), ("30 days", Term(30, Unit.DAY)), ("12m", Term(12, Unit.MONTH)),
     ("3 months", Term(3, Unit.MONTH)), ("12个月", Term(12, Unit.MONTH)),
     ("7天", Term(7, Unit.DAY))],
)
def test_parses_terms(text: str, term: Term) -> None:
    assert parse_term(text) == term


@pytest.mark.parametrize(("text", "code"), [("0d", "term_zero"), ("12", "term_invalid"),
                                            ("2 fortnights", "term_invalid"),
                                            ("x", "term_invalid")])
def test_refuses_bad_terms(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_term(text)
    assert caught.value.code == code


def test_offer_keeps_yuan_inputs_as_fen() -> None:
    offer = LoanOffer.model_validate(
        {"amount": "1,000.50", "term": "7d", "rate": "日息万五", "upfront_fee": "10%"}
    )
    assert offer.amount_fen == 100_050
    assert offer.upfront_fee == Fee(FeeTiming.UPFRONT, share=Fraction("0.1"))


def _errors(**fields: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        LoanOffer.model_validate(fields)
    return [(e.field, e.code) for e in input_errors(caught.value, "lenders[1]")]


def test_offer_errors_name_the_field_path() -> None:
    assert _errors(amount=-5, term="7d", rate="1%") == [
        ("lenders[1].amount", "money_negative"),
        ("lenders[1].rate", "rate_no_period"),
    ]
    assert _errors(amount=0, term="7d", rate="1%/day") == [("lenders[1].amount",
                                                              "amount_not_positive")]
    assert _errors(amount=100, term="7d", rate="1%/day", upfront_fee="60", membership_fee="40") == [
        ("lenders[1].upfront_fee", "fees_exceed_amount")
    ]
    assert _errors(amount=100, term="7d", rate="1%/day", repayment="weird", bogus=1) == [
        ("lenders[1].repayment", "choice_invalid"),
        ("lenders[1].bogus", "field_unknown"),
    ]
    assert _errors(amount=100, term="7d", rate="1%/day", late={"penalty_rate": "x"}) == [
        ("lenders[1].late.penalty_rate", "rate_invalid")
    ]
    assert _errors(term="7d", rate="1%/day") == [("lenders[1].amount", "field_missing")]


def test_late_terms_parse_like_everything_else() -> None:
    offer = LoanOffer.model_validate({"amount": 1000, "term": "7d", "rate": "1%/day",
                                      "late": {"penalty_rate": "日息万五", "late_fee": 30}})
    assert offer.late is not None
    assert offer.late.late_fee_fen == 3000
    assert offer.late.penalty_rate.value == Fraction("0.0005")
