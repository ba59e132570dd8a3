"""Published APR / IRR worked examples, recomputed through irr at their published rounding."""

from __future__ import annotations

from datetime import date

import pytest

from debtcoach.finance.irr import irr, irr_one
from tests.finance.worked_examples import WORKED_EXAMPLES, WorkedExample


def _params(examples: list[WorkedExample]) -> list[object]:
    return [pytest.param(example, id=example.name) for example in examples]


EXAMPLES = _params(list(WORKED_EXAMPLES))
# Examples whose unit-period is not a year, where nominal and effective rates differ.
SUB_ANNUAL = _params([e for e in WORKED_EXAMPLES if e.periods_per_year != 1])
DATED = _params([e for e in WORKED_EXAMPLES if e.dates])


def _annualise(periodic: float, measure: str, periods_per_year: float) -> float:
    """The annual rate in percent, by the measure the source publishes."""
    if measure == "nominal":
        return 100.0 * periodic * periods_per_year
    return 100.0 * ((1.0 + periodic) ** periods_per_year - 1.0)


def _matches(percent: float, example: WorkedExample) -> bool:
    return abs(percent - example.published) <= example.rounding / 2 + 1e-9


@pytest.mark.parametrize("example", EXAMPLES)
def test_published_figure_is_reproduced(example: WorkedExample) -> None:
    periodic = float(irr(example.amounts, example.times))
    assert periodic == irr_one(example.amounts, example.times)
    percent = _annualise(periodic, example.measure, example.periods_per_year)
    assert _matches(percent, example), f"{percent:.6f}% against {example.published}%"


@pytest.mark.parametrize("example", SUB_ANNUAL)
def test_the_other_annualisation_would_not_match(example: WorkedExample) -> None:
    periodic = irr_one(example.amounts, example.times)
    other = "effective" if example.measure == "nominal" else "nominal"
    assert not _matches(_annualise(periodic, other, example.periods_per_year), example)


@pytest.mark.parametrize("example", DATED)
def test_times_follow_from_the_dates(example: WorkedExample) -> None:
    # A unit-period of 365 / periods_per_year days: years for the EU examples, the term for
    # the single-payment Regulation Z example.
    start = date.fromisoformat(example.dates[0])
    days = [(date.fromisoformat(d) - start).days for d in example.dates]
    assert [d / 365 * example.periods_per_year for d in days] == pytest.approx(example.times)
