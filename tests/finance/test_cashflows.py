from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.finance.cashflows import parse_cashflows
from debtcoach.finance.periods import DAY, MONTH, Period, Unit


def test_parses_periodic_flows() -> None:
    flows = parse_cashflows("period,amount\n0,1000\n1,-520\n2,-520\n", MONTH)
    assert flows.amounts == [100_000, -52_000, -52_000]
    assert flows.times == [0, 1, 2]
    assert flows.per_year == 12


def test_parses_dated_flows_in_days_since_the_first() -> None:
    flows = parse_cashflows("date,amount\n2026-01-01,100\n2026-01-15,-115\n", DAY)
    assert flows.times == [0, 14]
    assert flows.per_year == 365
    assert flows.dates == [date(2026, 1, 1), date(2026, 1, 15)]


def test_sorts_and_adds_up_flows_on_the_same_period() -> None:
    flows = parse_cashflows("Period,Amount\n2,-10\n0,100\n2,-5.5\n\n", Period(Unit.DAY, 14))
    assert flows.amounts == [10_000, -1_550]
    assert flows.per_year == Fraction(365, 14)


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ("", "f.csv", "file_empty"),
        ("   \n", "f.csv", "file_empty"),
        ("when,amount\n0,1\n", "f.csv:1", "csv_header"),
        ("period,amount\n", "f.csv", "csv_no_rows"),
        ("period,amount\n0,100\n1\n", "f.csv:3", "csv_columns"),
        ("period,amount\n0,100\n-1,-50\n", "f.csv:3", "csv_period"),
        ("period,amount\n0,100\n1.5,-50\n", "f.csv:3", "csv_period"),
        ("period,amount\n0,abc\n", "f.csv:2", "csv_amount"),
        ("period,amount\n0,1.234\n", "f.csv:2", "csv_amount"),
        ("date,amount\n2026-13-01,100\n", "f.csv:2", "csv_date"),
    ],
)
def test_errors_name_the_line(text: str, where: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_cashflows(text, MONTH, source="f.csv")
    assert (caught.value.field, caught.value.code) == (where, code)


@given(st.text(max_size=80))
def test_garbage_parses_or_fails_with_an_input_error(text: str) -> None:
    try:
        parse_cashflows(text, MONTH)
    except InputError as error:
        assert error.code.startswith(("csv_", "file_"))
