"""The one parser family shared by `debtcoach apr`, scenario files and the self-assessment: every
form people read in ads and contracts, and never anything but a located InputError on bad input."""

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.cli import cli
from debtcoach.errors import InputError
from debtcoach.finance.money import parse_money, plain_yuan
from debtcoach.finance.offers import (
    Fee,
    FeeTiming,
    Repayment,
    Term,
    parse_fee,
    parse_repayment,
    parse_term,
)
from debtcoach.finance.periods import DAY, MONTH, YEAR, Period, Unit
from debtcoach.finance.rates import Rate, parse_rate


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        # 分 and 厘: 月息1分 = 1%/month; a 厘 is a tenth of a 分, so 日息5厘 = 日息万五.
        ("月息1分5", "0.015", MONTH),
        ("月息2分", "0.02", MONTH),
        ("月息1分5厘", "0.015", MONTH),
        ("月息8厘", "0.008", MONTH),
        ("日息5厘", "0.0005", DAY),
        ("年息1分", "0.1", YEAR),
        ("5‰/day", "0.005", DAY),
        ("日息5‱", "0.0005", DAY),
        ("月息6‰", "0.006", MONTH),
        ("年化利率（单利）18%", "0.18", YEAR),
        ("0.05%/日", "0.0005", DAY),
        ("18%/年", "0.18", YEAR),
        ("1.5%/月", "0.015", MONTH),
        ("日息：万五", "0.0005", DAY),
        ("年化36%（含服务费）", "0.36", YEAR),
        ("综合年化24%", "0.24", YEAR),
        ("APR 24%", "0.24", YEAR),
        ("apr: 24%", "0.24", YEAR),
        ("１８％/年", "0.18", YEAR),
        ("年化１８％", "0.18", YEAR),
    ],
)
def test_parses_rates_as_contracts_and_ads_say_them(text: str, value: str, period: Period) -> None:
    assert parse_rate(text) == Rate(Fraction(value), period)


def test_fen_and_li_agree_with_the_ten_thousandths_form() -> None:
    assert parse_rate("日息5厘") == parse_rate("日息万五") == parse_rate("0.05%/day")
    assert parse_rate("月息1分5") == parse_rate("1.5%/month")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("年化7.2%-24%", "rate_range"),
        ("年化7.2%~24%", "rate_range"),
        ("7.2%至24%/year", "rate_range"),
        ("日息万十十", "rate_invalid"),
        ("月息分", "rate_invalid"),
        ("5‰", "rate_no_period"),
        ("APR", "rate_invalid"),
        ("月息1分5" * 30, "rate_invalid"),
    ],
)
def test_refuses_ranges_and_nonsense_with_a_code(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_rate(text, "loans[0].rate")
    assert (caught.value.field, caught.value.code) == ("loans[0].rate", code)


@pytest.mark.parametrize(
    ("text", "fen"),
    [("1万", 1_000_000), ("1.5万", 1_500_000), ("1.5万元", 1_500_000), ("１０，０００", 1_000_000),
     ("１２３４.５", 123_450), ("¥1,234,567.89", 123_456_789), ("800元", 80_000), ("0", 0),
     (2700, 270_000), ("￥50", 5_000)],
)
def test_parses_amounts(text: str, fen: int) -> None:
    assert parse_money(text, "amount") == fen


@pytest.mark.parametrize(
    ("text", "code"),
    [("1,0,0", "money_invalid"), ("12,34", "money_invalid"), ("9" * 400, "money_too_large"),
     ("9" * 20, "money_too_large"), ("-5", "money_negative"), (-5, "money_negative"),
     ("1.001", "money_invalid"), ("万", "money_invalid"), ("1e5", "money_invalid")],
)
def test_refuses_bad_amounts_with_a_code(text: str | int, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_money(text, "--amount")
    assert (caught.value.field, caught.value.code) == ("--amount", code)


@pytest.mark.parametrize(
    ("text", "term"),
    [("12期", Term(12, Unit.MONTH)), ("1年", Term(12, Unit.MONTH)),
     ("十二个月", Term(12, Unit.MONTH)), ("三个月", Term(3, Unit.MONTH)),
     ("2y", Term(24, Unit.MONTH)), ("30天", Term(30, Unit.DAY)), ("2 weeks", Term(14, Unit.DAY)),
     ("１２期", Term(12, Unit.MONTH))],
)
def test_parses_chinese_terms(text: str, term: Term) -> None:
    assert parse_term(text) == term


@pytest.mark.parametrize(("text", "code"), [("0期", "term_zero"), ("999年", "term_too_long"),
                                            ("十十个月", "term_invalid"), ("期", "term_invalid")])
def test_refuses_bad_terms(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_term(text, "term")
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "method"),
    [("等额本息", Repayment.EQUAL_INSTALLMENT), ("等额本金", Repayment.EQUAL_PRINCIPAL),
     ("先息后本", Repayment.INTEREST_FIRST), ("一次性还本付息", Repayment.BULLET),
     ("等本等费", Repayment.FLAT_FEE), ("equal-installment", Repayment.EQUAL_INSTALLMENT),
     ("Flat_Fee", Repayment.FLAT_FEE)],
)
def test_parses_repayment_names(text: str, method: Repayment) -> None:
    assert parse_repayment(text) is method


def test_unknown_repayment_names_list_what_is_allowed() -> None:
    with pytest.raises(InputError) as caught:
        parse_repayment("每月随便还", "loans[2].repayment")
    assert caught.value.code == "choice_invalid"
    assert "等额本息" in caught.value.params["allowed"]


_ALPHABET = st.characters(codec="utf-8", categories=("N", "P", "S", "L", "Zs")) | st.sampled_from(
    list("0123456789.%‰‱分厘万千日月年化息利率/:：（）()-~至期个十一二五APRday ¥,，元"))


@settings(deadline=None, max_examples=300)
@given(st.text(_ALPHABET, max_size=40) | st.text(max_size=500))
def test_rate_parser_never_crashes(text: str) -> None:
    try:
        rate = parse_rate(text, "rate")
    except InputError as error:
        assert error.field == "rate"
    else:
        assert rate.value >= 0


@settings(deadline=None, max_examples=300)
@given(st.text(_ALPHABET, max_size=40) | st.text(max_size=500) | st.integers())
def test_money_parser_never_crashes(text: str | int) -> None:
    try:
        fen = parse_money(text, "amount")
    except InputError as error:
        assert error.field == "amount"
    else:
        assert 0 <= fen <= 10**14


@settings(deadline=None, max_examples=200)
@given(st.text(_ALPHABET, max_size=30) | st.integers())
def test_term_and_repayment_parsers_never_crash(text: str | int) -> None:
    try:
        term = parse_term(text, "term")
    except InputError as error:
        assert error.field == "term"
    else:
        assert term.count >= 1
    try:
        parse_repayment(text, "repayment")
    except InputError as error:
        assert error.field == "repayment"


@settings(deadline=None, max_examples=200)
@given(st.text(_ALPHABET, max_size=30))
def test_fee_parser_never_crashes(text: str) -> None:
    try:
        parse_fee(text, "service_fee", FeeTiming.PER_PERIOD)
    except InputError as error:
        assert error.field == "service_fee"


@pytest.mark.parametrize(
    ("args", "starts"),
    [(["--amount", "1,0,0"], "--amount: "), (["--amount", "9" * 400], "--amount: "),
     (["--rate", "日息万十十"], "--rate: "), (["--rate", "年化7.2%-24%"], "--rate: "),
     (["--term", "十十个月"], "--term: ")],
)
def test_apr_command_gives_one_clear_line_for_bad_input(args: list[str], starts: str) -> None:
    base = {"--amount": "1万", "--term": "12期", "--rate": "月息1分5"}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    result = CliRunner().invoke(cli, ["--lang", "en", "apr", *sum(base.items(), ())])
    assert result.exit_code == 2
    assert result.stderr.startswith(starts) and len(result.stderr.strip().splitlines()) == 1


def test_apr_command_reads_chinese_amounts_terms_and_rates() -> None:
    result = CliRunner().invoke(cli, ["apr", "--amount", "1万", "--term", "十二个月", "--rate",
                                      "月息1分5", "--repayment", "等额本息", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["apr_advertised"] == pytest.approx(0.18)
    assert data["cash_received"] == 10000.0
    assert len(data["schedule"]) == 13


@given(st.integers(0, 10**14))
def test_plain_yuan_is_read_back_to_the_fen(fen: int) -> None:
    text = plain_yuan(fen)
    assert parse_money(text, "amount") == fen
    assert "," not in text and "e" not in text and not text.endswith((".", "0.0"))


@given(st.integers(0, 10**8), st.sampled_from([Unit.DAY, Unit.MONTH, Unit.YEAR, Unit.WEEK]))
def test_a_rate_in_chinese_is_read_back_as_the_same_rate(millionths: int, unit: Unit) -> None:
    rate = Rate(Fraction(millionths, 10**8), Period(unit))
    spelled = rate.in_chinese()
    assert spelled.isascii() is False and parse_rate(spelled) == rate


@given(st.sampled_from(list(FeeTiming)), st.sampled_from(list(FeeTiming)),
       st.integers(0, 10**9), st.booleans(), st.sampled_from(["en", "zh"]))
def test_a_spelled_fee_is_read_back_as_the_same_fee(timing: FeeTiming, default: FeeTiming,
                                                    amount: int, share: bool, lang: str) -> None:
    fee = (Fee(timing, share=Fraction(amount, 10**6)) if share
           else Fee(timing, fixed_fen=amount))
    assert parse_fee(fee.spelled(lang), "service_fee", default) == fee


def test_spelled_terms_and_fees_are_chinese_in_chinese() -> None:
    assert Term(30, Unit.DAY).in_chinese() == "30天"
    assert Rate(Fraction(1, 2000), DAY).in_chinese() == "0.05%/天"
    assert Fee(FeeTiming.PER_PERIOD, share=Fraction(3, 400)).spelled("zh") == "0.75%/每期"
    assert Fee(FeeTiming.UPFRONT, fixed_fen=123456789).spelled("en") == "1234567.89/upfront"
