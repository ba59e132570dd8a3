from datetime import date
from decimal import Decimal

import pytest

from debtcoach.finance.legal import court_cap_line, lines_crossed, lines_in_force, lpr_on


@pytest.mark.parametrize(
    ("day", "cap"),
    [
        (date(2020, 8, 20), "0.154"),  # LPR 3.85% when the 4× rule began (FACTS §2.2)
        (date(2024, 11, 1), "0.124"),  # LPR 3.10% from Oct 2024
        (date(2025, 5, 20), "0.12"),  # LPR 3.00% from 2025-05-20
        (date(2026, 11, 23), "0.12"),
    ],
)
def test_court_cap_is_four_times_the_lpr_at_contract_time(day: date, cap: str) -> None:
    assert court_cap_line(day).annual_rate == Decimal(cap)


def test_lpr_fixings_are_in_date_order_with_sources() -> None:
    from debtcoach.finance.legal import LPR_ONE_YEAR

    assert [f.start for f in LPR_ONE_YEAR] == sorted(f.start for f in LPR_ONE_YEAR)
    assert all(f.source for f in LPR_ONE_YEAR)
    assert lpr_on(date(2025, 5, 19)).rate == Decimal("0.031")


def test_lines_in_force_depend_on_the_date() -> None:
    ids_2016 = {line.id for line in lines_in_force(date(2016, 6, 1))}
    assert ids_2016 == {"court-2015-24", "court-2015-36"}
    ids_2026 = {line.id for line in lines_in_force(date(2026, 1, 1))}
    assert ids_2026 == {"court-4x-lpr", "cash-loan-2017-36", "bank-platform-2025-24"}
    ids_2025_09 = {line.id for line in lines_in_force(date(2025, 9, 30))}
    assert "bank-platform-2025-24" not in ids_2025_09


@pytest.mark.parametrize(
    ("rate", "crossed"),
    [
        (0.70, ["court-4x-lpr", "bank-platform-2025-24", "cash-loan-2017-36"]),
        (0.20, ["court-4x-lpr"]),
        (0.24, ["court-4x-lpr"]),  # at the line is not above it
        (0.10, []),
    ],
)
def test_lines_crossed_are_those_strictly_below_the_rate(rate: float, crossed: list[str]) -> None:
    assert [line.id for line in lines_crossed(rate, date(2026, 1, 1))] == crossed


def test_every_line_has_a_source_and_both_languages() -> None:
    for line in lines_in_force(date(2026, 1, 1)) + lines_in_force(date(2016, 1, 1)):
        assert line.source and line.name_zh and line.name_en
        assert line.applies_to_zh and line.applies_to_en


def test_the_court_cap_dates_from_the_lpr_fixing_that_sets_it() -> None:
    """12% has been the cap since the 3.00% fixing of 2025-05-20, not since the rule of 2020."""
    line = court_cap_line(date(2026, 11, 30))
    assert (line.annual_rate, line.start) == (Decimal("0.12"), date(2025, 5, 20))
    assert "3.00%" in line.name_en and "3.00%" in line.name_zh
    assert court_cap_line(date(2020, 8, 20)).start == date(2020, 8, 20)  # the rule's first day
