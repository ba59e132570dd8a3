from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.finance.periods import DAY, MONTH, YEAR, Period, Unit, parse_period
from debtcoach.finance.rates import Rate, parse_rate


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("0.05%/day", "0.0005", DAY),
        ("1.5%/month", "0.015", MONTH),
        ("18%/year", "0.18", YEAR),
        ("0.6%/month", "0.006", MONTH),
        ("18% per year", "0.18", YEAR),
        ("18% p.a.", "0.18", YEAR),
        ("18% APR", "0.18", YEAR),
        ("2%/m", "0.02", MONTH),
        ("0.1% a day", "0.001", DAY),
        ("日息万五", "0.0005", DAY),
        ("日息万分之五", "0.0005", DAY),
        ("日利率0.05%", "0.0005", DAY),
        ("日息千一", "0.001", DAY),
        ("日息万2.5", "0.00025", DAY),
        ("日息万二点五", "0.00025", DAY),
        ("月息1.5%", "0.015", MONTH),
        ("月费率0.6%", "0.006", MONTH),
        ("年化18%", "0.18", YEAR),
        ("年化利率18%", "0.18", YEAR),
        ("年化18%起", "0.18", YEAR),
        ("低至日息万二", "0.0002", DAY),
        ("年利率 7.2 ％", "0.072", YEAR),
    ],
)
def test_parses_rates_as_advertised(text: str, value: str, period: Period) -> None:
    assert parse_rate(text) == Rate(Fraction(value), period)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("18%", "rate_no_period"),
        ("万五", "rate_no_period"),
        ("0.05", "rate_invalid"),
        ("abc", "rate_invalid"),
        ("", "rate_invalid"),
        ("-1%/day", "rate_negative"),
        ("18%/fortnight", "rate_bad_period"),
        ("日息万", "rate_invalid"),
    ],
)
def test_refuses_rates_without_a_clear_period_or_value(text: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_rate(text, "rate")
    assert caught.value.code == code
    assert caught.value.field == "rate"


@pytest.mark.parametrize(
    ("rate", "period", "expected"),
    [
        ("0.05%/day", YEAR, Fraction("0.1825")),  # 日息万五 = 18.25%/year (FACTS §1.5)
        ("0.02%/day", YEAR, Fraction("0.073")),
        ("0.1%/day", YEAR, Fraction("0.365")),
        ("18%/year", MONTH, Fraction("0.015")),
        ("0.6%/month", YEAR, Fraction("0.072")),
        ("0.05%/day", MONTH, Fraction(73, 4800)),
        ("24%/year", Period(Unit.DAY, 14), Fraction("0.24") * 14 / 365),
    ],
)
def test_converts_between_periods_by_simple_scaling(
    rate: str, period: Period, expected: Fraction
) -> None:
    converted = parse_rate(rate).per(period)
    assert converted.value == expected
    assert converted.period == period


@given(st.decimals(min_value=0, max_value=10, places=6), st.sampled_from(list(Unit)))
def test_printed_rates_parse_back_to_the_same_rate(value: Decimal, unit: Unit) -> None:
    rate = Rate(Fraction(value), Period(unit))
    assert parse_rate(str(rate)) == rate


@given(st.text(max_size=20))
def test_any_text_parses_or_fails_with_an_input_error(text: str) -> None:
    try:
        rate = parse_rate(text)
    except InputError as error:
        assert error.code.startswith("rate_")
    else:
        assert rate.value >= 0


@pytest.mark.parametrize(
    ("text", "period", "per_year"),
    [("day", DAY, 365), ("month", MONTH, 12), ("semimonth", Period(Unit.SEMIMONTH), 24),
     ("week", Period(Unit.WEEK), 52), ("14d", Period(Unit.DAY, 14), None),
     ("quarter", Period(Unit.QUARTER), 4), ("year", YEAR, 1)],
)
def test_parses_periods(text: str, period: Period, per_year: int | None) -> None:
    assert parse_period(text) == period
    if per_year is not None:
        assert period.per_year == per_year


def test_fourteen_day_period_fits_365_over_14_times_a_year() -> None:
    assert Period(Unit.DAY, 14).per_year * 14 == 365


@pytest.mark.parametrize("text", ["fortnight", "0d", "", "-3d", "d14"])
def test_refuses_unknown_periods(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_period(text)
    assert caught.value.code == "period_invalid"
