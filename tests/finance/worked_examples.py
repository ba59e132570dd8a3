"""Published worked examples of APR / IRR computations, recorded as data.

Amounts are from the borrower's side: positive is money received, negative money paid. Every
figure below was read in the place named in ``read_in``; where that is not the regulator's own
text, ``source`` names the primary text and ``read_in`` the copy the numbers were read from.

``measure`` says how the periodic rate r is annualised before comparing with ``published``:
"nominal" is r * periods_per_year (US Regulation Z Appendix J (b)(1), and the PBoC's simple
annualisation); "effective" is (1 + r) ** periods_per_year - 1 (EU APRC on flows dated in
years, where periods_per_year is 1, and the PBoC's IRR/compound annualisation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

REG_Z_APPENDIX_J = (
    "12 CFR Part 1026 (Regulation Z), Appendix J, Annual Percentage Rate Computations for "
    "Closed-End Credit Transactions, https://www.consumerfinance.gov/rules-policy/regulations/1026/j/"
)
REG_Z_READ_IN = (
    "the Appendix J examples as transcribed (with their dates) in the xUnit tests of "
    "simontreanor/FSharp.Finance.Personal, tests/AprUsActuarialTests.fs; the appendix's own "
    "example pages are images and were not readable here"
)
EU_ANNEX_III = (
    "Directive 98/7/EC (amending Directive 87/102/EEC on consumer credit), Annex III 'Examples "
    "of calculation', A. calendar basis (1 year = 365 days, 366 in leap years)"
)
EU_READ_IN = (
    "https://service.betterregulation.com/document/260747 (the first example also in the "
    "Commission proposal's annexes, COM(1996)79, "
    "https://parlementairemonitor.nl/9353000/1/j4nvirkkkr58fyw_j9tvgajcor7dxyk_j9vvij5epmj1ey0/"
    "vi8rm2xukhzg)"
)
PBOC_2021_3 = (
    "中国人民银行公告〔2021〕第3号 (PBoC Announcement No. 3 of 2021 on disclosing annualised loan "
    "rates), dated 2021-03-12, as cited: https://xining.pbc.gov.cn/goutongjiaoliu/113456/113469/"
    "2025092212551432728/index.html"
)
PBOC_READ_IN = (
    "a public repository note 'Official annualized-rate disclosure rule' (verified_as_of "
    "2026-09-03) that summarises the announcement's example; the announcement itself was not "
    "readable here"
)
CFPB_PAYDAY = (
    "CFPB, Ask CFPB 1625: 'My payday lender said my loan would cost 15 percent but my loan "
    "documents say the annual percentage rate (APR) is almost 400 percent...', "
    "https://www.consumerfinance.gov/ask-cfpb/my-payday-lender-said-my-loan-would-cost-15-percent"
    "-but-my-loan-documents-say-the-annual-percentage-rate-apr-is-almost-400-percent-what-is-an-"
    "apr-on-a-payday-loan-and-how-should-i-use-it-en-1625/"
)

MONTHLY_UNIT_PERIODS = (
    "whole monthly unit-periods from the advance (Appendix J (b)(3)(iv): all months equal)"
)


@dataclass(frozen=True)
class WorkedExample:
    """One published computation: the flows, the figure and how the figure was annualised."""

    name: str
    source: str
    read_in: str
    description: str
    amounts: tuple[float, ...]
    times: tuple[float, ...]
    time_basis: str
    published: float
    """The published rate in percent."""
    measure: Literal["nominal", "effective"]
    periods_per_year: float
    rounding: float
    """The published precision in percentage points (0.01 = two decimals of a percent)."""
    dates: tuple[str, ...] = ()
    """ISO dates of the flows, where the source gives them; ``times`` are derived from them."""


def _periods(n: int) -> tuple[float, ...]:
    """Times 0, 1, ..., n: an advance now and n payments a whole period apart."""
    return tuple(float(k) for k in range(n + 1))


WORKED_EXAMPLES: tuple[WorkedExample, ...] = (
    WorkedExample(
        name="reg-z-c1i",
        source=REG_Z_APPENDIX_J + ", example (c)(1)(i) 'Monthly payments (regular first period)'",
        read_in=REG_Z_READ_IN,
        description="$5,000 advanced 1978-01-10; 24 monthly payments of $230 from 1978-02-10.",
        amounts=(5000.0,) + (-230.0,) * 24,
        times=_periods(24),
        time_basis=MONTHLY_UNIT_PERIODS,
        published=9.69,
        measure="nominal",
        periods_per_year=12,
        rounding=0.01,
    ),
    WorkedExample(
        name="reg-z-c2i",
        source=REG_Z_APPENDIX_J
        + ", example (c)(2)(i) 'Monthly payments (regular first period and irregular first"
        " payment)'",
        read_in=REG_Z_READ_IN,
        description="$5,000 advanced; a first payment of $250, then 23 monthly payments of $230.",
        amounts=(5000.0, -250.0) + (-230.0,) * 23,
        times=_periods(24),
        time_basis=MONTHLY_UNIT_PERIODS,
        published=10.08,
        measure="nominal",
        periods_per_year=12,
        rounding=0.01,
    ),
    WorkedExample(
        name="reg-z-c3i",
        source=REG_Z_APPENDIX_J
        + ", example (c)(3)(i) 'Monthly payments (regular first period and irregular final"
        " payment)'",
        read_in=REG_Z_READ_IN,
        description="$5,000 advanced; 23 monthly payments of $230, then a final payment of $280.",
        amounts=(5000.0,) + (-230.0,) * 23 + (-280.0,),
        times=_periods(24),
        time_basis=MONTHLY_UNIT_PERIODS,
        published=10.50,
        measure="nominal",
        periods_per_year=12,
        rounding=0.01,
    ),
    WorkedExample(
        name="reg-z-c4i",
        source=REG_Z_APPENDIX_J
        + ", example (c)(4)(i) 'Monthly payments (regular first period, irregular first payment,"
        " and irregular final payment)'",
        read_in=REG_Z_READ_IN,
        description="$5,000 advanced; $250, then 22 monthly payments of $230, then $280.",
        amounts=(5000.0, -250.0) + (-230.0,) * 22 + (-280.0,),
        times=_periods(24),
        time_basis=MONTHLY_UNIT_PERIODS,
        published=10.90,
        measure="nominal",
        periods_per_year=12,
        rounding=0.01,
    ),
    WorkedExample(
        name="reg-z-c5i",
        source=REG_Z_APPENDIX_J
        + ", example (c)(5)(i) 'Single advance, single payment (term of less than 1 year,"
        " measured in days)'",
        read_in=REG_Z_READ_IN,
        description="$1,000 advanced 1978-01-03, repaid by one payment of $1,080 on 1978-09-15.",
        amounts=(1000.0, -1080.0),
        times=(0.0, 1.0),
        time_basis=(
            "one unit-period equal to the 255-day term (Appendix J (b)(4)(ii)), so 365/255 "
            "unit-periods a year"
        ),
        published=11.45,
        measure="nominal",
        periods_per_year=365 / 255,
        rounding=0.01,
        dates=("1978-01-03", "1978-09-15"),
    ),
    WorkedExample(
        name="cfpb-payday",
        source=CFPB_PAYDAY,
        read_in="the CFPB page itself",
        description=(
            "A $15 fee for every $100 borrowed, repaid in two weeks: $15 / 14 days x 365 = "
            "$390.55 a year, 'that's 391 percent of the borrowed amount'."
        ),
        amounts=(100.0, -115.0),
        times=(0.0, 1.0),
        time_basis="one unit-period of 14 days, 365/14 unit-periods a year",
        published=391.0,
        measure="nominal",
        periods_per_year=365 / 14,
        rounding=1.0,
    ),
    WorkedExample(
        name="eu-98-7-first",
        source=EU_ANNEX_III + ", first example",
        read_in=EU_READ_IN,
        description=(
            "ECU 1,000 lent on 1 January 1994, repaid by one payment of ECU 1,200 on 1 July 1995, "
            "546 (= 365 + 181) days later; 'rounded to 13% (or 12,96% if an accuracy of two "
            "decimal places is preferred)'."
        ),
        amounts=(1000.0, -1200.0),
        times=(0.0, 546 / 365),
        time_basis="years: days / 365 (no leap day between the dates)",
        published=12.96,
        measure="effective",
        periods_per_year=1,
        rounding=0.01,
        dates=("1994-01-01", "1995-07-01"),
    ),
    WorkedExample(
        name="eu-98-7-second",
        source=EU_ANNEX_III + ", second example",
        read_in=EU_READ_IN,
        description=(
            "As the first example, but the creditor keeps ECU 50 for administrative expenses, so "
            "ECU 950 is lent against the ECU 1,200 repaid on 1 July 1995; 'rounded to 16,9%'."
        ),
        amounts=(950.0, -1200.0),
        times=(0.0, 546 / 365),
        time_basis="years: days / 365 (no leap day between the dates)",
        published=16.9,
        measure="effective",
        periods_per_year=1,
        rounding=0.1,
        dates=("1994-01-01", "1995-07-01"),
    ),
    WorkedExample(
        name="eu-98-7-third",
        source=EU_ANNEX_III + ", third example",
        read_in=EU_READ_IN,
        description=(
            "ECU 1,000 lent on 1 January 1994, repaid by two payments of ECU 600 after one and "
            "two years; 'i = 0,1306623 rounded to 13,1% (or 13,07% if an accuracy of two decimal "
            "places is preferred)'. The seven-decimal figure is truncated (the root is "
            "0.13066238...), so the two-decimal one is used."
        ),
        amounts=(1000.0, -600.0, -600.0),
        times=(0.0, 1.0, 2.0),
        time_basis="years: days / 365 (no leap day in 1994 or 1995)",
        published=13.07,
        measure="effective",
        periods_per_year=1,
        rounding=0.01,
        dates=("1994-01-01", "1995-01-01", "1996-01-01"),
    ),
    WorkedExample(
        name="pboc-2021-3-simple",
        source=PBOC_2021_3,
        read_in=PBOC_READ_IN,
        description=(
            "A 100,000 loan with a 1,000 service fee charged up front, repaid by 12 monthly "
            "payments of 8,833.3: about 12.80% under simple annualisation."
        ),
        amounts=(100_000.0 - 1_000.0,) + (-8833.3,) * 12,
        times=_periods(12),
        time_basis="whole months",
        published=12.80,
        measure="nominal",
        periods_per_year=12,
        rounding=0.01,
    ),
    WorkedExample(
        name="pboc-2021-3-irr",
        source=PBOC_2021_3,
        read_in=PBOC_READ_IN,
        description=(
            "The same loan: 13.58% by the internal-rate-of-return (compound) method."
        ),
        amounts=(100_000.0 - 1_000.0,) + (-8833.3,) * 12,
        times=_periods(12),
        time_basis="whole months",
        published=13.58,
        measure="effective",
        periods_per_year=12,
        rounding=0.01,
    ),
)
