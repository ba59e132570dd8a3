"""Legal and regulatory rate lines in China, as dated data with their sources.

Lines change (the court cap follows the LPR; regulators tighten), so they are data with dates, never
constants in prose. Each result says which lines in force on a date a rate crosses. The court cap
(4 × LPR) governs private lending only; licensed lenders answer to regulators' lines instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class LegalLine:
    id: str
    annual_rate: Decimal
    start: date
    end: date | None  # last day in force, None while in force
    name_zh: str
    name_en: str
    applies_to_zh: str
    applies_to_en: str
    source: str

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class LprFixing:
    """One-year Loan Prime Rate from ``start`` until the next fixing."""

    start: date
    rate: Decimal
    source: str


_NIFC = "全国银行间同业拆借中心 LPR announcements (National Interbank Funding Center)"
_FACTS_22 = "FACTS.md §2.2"
LPR_ONE_YEAR: tuple[LprFixing, ...] = (
    LprFixing(date(2020, 4, 20), Decimal("0.0385"), "China Banking News 2020-08-24, " + _FACTS_22),
    LprFixing(date(2021, 12, 20), Decimal("0.0380"), _NIFC),
    LprFixing(date(2022, 1, 20), Decimal("0.0370"), _NIFC),
    LprFixing(date(2022, 8, 22), Decimal("0.0365"), _NIFC),
    LprFixing(date(2023, 6, 20), Decimal("0.0355"), _NIFC),
    LprFixing(date(2023, 8, 21), Decimal("0.0345"), _NIFC),
    LprFixing(date(2024, 7, 22), Decimal("0.0335"), _NIFC),
    LprFixing(date(2024, 10, 21), Decimal("0.0310"), "republicofchinatoday.com, " + _FACTS_22),
    LprFixing(date(2025, 5, 20), Decimal("0.0300"), "S&P Global 2025-05-20, " + _FACTS_22),
)


def lpr_on(day: date) -> LprFixing:
    """The one-year LPR in force on ``day`` (from the earliest fixing listed)."""
    current = LPR_ONE_YEAR[0]
    for fixing in LPR_ONE_YEAR:
        if fixing.start <= day:
            current = fixing
    return current


COURT_CAP_START = date(2020, 8, 20)

_FIXED_LINES: tuple[LegalLine, ...] = (
    LegalLine(
        "court-2015-24", Decimal("0.24"), date(2015, 9, 1), date(2020, 8, 19),
        "2015年民间借贷司法解释：24%以内受法律保护",
        "2015 private-lending rules: courts protect interest up to 24%",
        "民间借贷", "private lending",
        "China Banking News 2020-08-24, https://www.chinabankingnews.com/2020/08/24/"
        "maximum-rate-for-private-loans-in-china-shifts-from-36-to-4-times-loan-prime-rate/",
    ),
    LegalLine(
        "court-2015-36", Decimal("0.36"), date(2015, 9, 1), date(2020, 8, 19),
        "2015年民间借贷司法解释：超过36%的利息无效",
        "2015 private-lending rules: interest above 36% is void",
        "民间借贷", "private lending",
        "China Banking News 2020-08-24, https://www.chinabankingnews.com/2020/08/24/"
        "maximum-rate-for-private-loans-in-china-shifts-from-36-to-4-times-loan-prime-rate/",
    ),
    LegalLine(
        "cash-loan-2017-36", Decimal("0.36"), date(2017, 12, 1), None,
        "2017年现金贷整顿（整治办函〔2017〕141号）：综合资金成本不超过36%",
        "2017 cash-loan rules (Notice No. 141): all-in annual cost at most 36%",
        "现金贷（利息与各项费用合计）", "cash loans, interest and all fees together",
        "Xinhua 2017-12-05, http://www.szjzcy.com/business/2017-12/05/content_35211970.htm; "
        "SCMP, http://www.scmp.com/business/companies/article/2122540/"
        "china-issues-new-rules-clean-runaway-cash-loan-market",
    ),
    LegalLine(
        "bank-platform-2025-24", Decimal("0.24"), date(2025, 10, 1), None,
        "金规〔2025〕9号：商业银行互联网助贷综合融资成本不超过24%",
        "NFRA 2025 No. 9: bank-funded platform loans, all-in annual cost at most 24%",
        "银行资金的互联网助贷（含担保、增信费用）", "bank-funded platform loans, incl. guarantee fees",
        "金道观察 (law firm), http://www.zjblf.com/?p=44128",
    ),
)


def court_cap_line(contract_date: date) -> LegalLine:
    """4 × the one-year LPR at contract time (SPC private-lending rules, art. 25, from 2020-08-20);
    it starts when both the rule and that LPR fixing are in force."""
    fixing = lpr_on(contract_date)
    rate = 4 * fixing.rate
    return LegalLine(
        "court-4x-lpr", rate, max(COURT_CAP_START, fixing.start), None,
        f"民间借贷司法保护上限：4倍一年期LPR {fixing.rate * 100:.2f}%",
        f"Court cap on private lending: 4 × the one-year LPR of {fixing.rate * 100:.2f}%",
        "民间借贷（不适用于持牌金融机构）", "private lending (not licensed lenders)",
        "最高人民法院关于审理民间借贷案件适用法律若干问题的规定 (2020) art. 25; LPR: "
        + fixing.source,
    )


def lines_in_force(on: date) -> list[LegalLine]:
    lines = [line for line in _FIXED_LINES if line.in_force(on)]
    if on >= COURT_CAP_START:
        lines.append(court_cap_line(on))
    return sorted(lines, key=lambda line: line.annual_rate)


def lines_crossed(annual_rate: float, on: date) -> list[LegalLine]:
    """Lines in force on ``on`` that ``annual_rate`` (a fraction, e.g. 0.70) is above."""
    return [line for line in lines_in_force(on) if annual_rate > line.annual_rate]
