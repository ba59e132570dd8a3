"""Repayment plans pasted from lending apps."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.assess import PlanLine, parse_repayment_plan
from debtcoach.errors import InputError

TODAY = date(2026, 6, 20)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("2026-07-15 ¥1,072.00\n2026-08-15 ¥1,072.00",
         [PlanLine(1, date(2026, 7, 15), 107_200, False),
          PlanLine(2, date(2026, 8, 15), 107_200, False)]),
        ("第1期 1072.00元\n第2期 1072.00元\n第3期 1072.01元",
         [PlanLine(1, None, 107_200, False), PlanLine(2, None, 107_200, False),
          PlanLine(3, None, 107_201, False)]),
        ("07/15 应还1072\n08/15 应还1072",
         [PlanLine(1, date(2026, 7, 15), 107_200, False),
          PlanLine(2, date(2026, 8, 15), 107_200, False)]),
        ("12/15 应还500\n01/15 应还500",  # the year rolls over
         [PlanLine(1, date(2026, 12, 15), 50_000, False),
          PlanLine(2, date(2027, 1, 15), 50_000, False)]),
        ("还款计划\n期数 日期 金额\n1/2期 2026年7月15日 已还 ¥1,072.00\n"
         "2/2期 2026年8月15日 待还 ¥1,072.00 本金1000.00 利息72.00",
         [PlanLine(1, date(2026, 7, 15), 107_200, True),
          PlanLine(2, date(2026, 8, 15), 107_200, False)]),
        ("２０２６－０７－１５　１０７２．００", [PlanLine(1, date(2026, 7, 15), 107_200, False)]),
        ("2026-08-15 1072\n2026-07-15 1000",  # put in date order
         [PlanLine(1, date(2026, 7, 15), 100_000, False),
          PlanLine(2, date(2026, 8, 15), 107_200, False)]),
    ],
)
def test_reads_the_shapes_lending_apps_show(text: str, lines: list[PlanLine]) -> None:
    assert list(parse_repayment_plan(text, TODAY).lines) == lines


@pytest.mark.parametrize(
    ("text", "field", "code"),
    [
        ("", "loans[1].schedule", "schedule_empty"),
        ("还款计划\n没有数字", "loans[1].schedule", "schedule_empty"),
        ("2026-07-15 1072\n1072", "loans[1].schedule:2", "schedule_line_no_date"),
        ("2026-07-15 1072\n2026-08-15 应还", "loans[1].schedule:2", "schedule_line_no_amount"),
        ("2026-02-30 1072", "loans[1].schedule:1", "schedule_date"),
        ("2026-07-15 1072\n2026-07-15 1072", "loans[1].schedule", "schedule_duplicate"),
        ("2026-07-15 0.00", "loans[1].schedule", "schedule_empty"),
        ("2026-07-15 " + "9" * 400, "loans[1].schedule:1", "money_too_large"),
    ],
)
def test_bad_plans_name_the_line(text: str, field: str, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_repayment_plan(text, TODAY, "loans[1].schedule")
    assert (caught.value.field, caught.value.code) == (field, code)


def test_dates_without_a_year_need_today() -> None:
    with pytest.raises(InputError) as caught:
        parse_repayment_plan("07/15 应还1072", None)
    assert caught.value.code == "schedule_no_year"


_PLAN_CHARS = st.sampled_from(list("0123456789-/.,: ¥元第期应还已待年月日\n\t")) | st.characters()


@settings(deadline=None, max_examples=300)
@given(st.text(_PLAN_CHARS, max_size=200))
def test_never_crashes_on_any_paste(text: str) -> None:
    try:
        plan = parse_repayment_plan(text, TODAY, "schedule")
    except InputError as error:
        assert error.field.startswith("schedule")
    else:
        assert plan.lines and plan.total_fen > 0
        assert [line.number for line in plan.lines] == list(range(1, len(plan.lines) + 1))
