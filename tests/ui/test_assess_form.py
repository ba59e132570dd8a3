"""The form model behind the self-assessment screen: saved forms come back exactly, anything
read from a saved file or typed into a field gives problems with field paths, never a
traceback."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.errors import InputError
from debtcoach.finance.periods import DAY
from debtcoach.ui.screens.assess_form import (
    PERSON_FIELDS,
    TEMPLATE_IDS,
    TERMS_FIELDS,
    Form,
    LoanRow,
    field_id,
    from_template,
)

TODAY = date(2026, 6, 1)
PERSON = {"monthly_income": "5000", "monthly_expenses": "3800", "savings": "500"}


def test_every_template_gives_a_loan_the_core_accepts() -> None:
    form = Form(dict(PERSON), [from_template(template_id) for template_id in TEMPLATE_IDS])
    situation, problems = form.check(TODAY)
    assert problems == [] and situation is not None
    assert len(situation.active_loans()) == len(TEMPLATE_IDS)
    assert form.loans[2].kind == "credit-card"


def test_a_switched_off_loan_is_kept_but_left_out() -> None:
    form = Form(dict(PERSON), [from_template("cash-loan-30d"), from_template("cash-loan-30d")])
    form.loans[0].enabled = False
    situation, _ = form.check(TODAY)
    assert situation is not None
    assert [index for index, _ in situation.active_loans()] == [1]


def test_a_pasted_plan_in_the_formats_apps_use() -> None:
    plan = "第1期 1072.00元\n第2期 1072.00元\n第3期 1072.00元"
    form = Form(dict(PERSON), [LoanRow(mode="plan", fields={"received": "2700"}, schedule=plan)])
    situation, problems = form.check(TODAY)
    assert problems == [] and situation is not None
    assert situation.loans[0].schedule == plan


def test_a_bad_plan_line_is_named() -> None:
    form = Form(dict(PERSON), [LoanRow(mode="plan", fields={"received": "2700"},
                                       schedule="2026-07-15 1072\n2026-08-15\n")])
    _, problems = form.check(TODAY)
    assert [(p.field, p.code) for p in problems] == [("loans[0].schedule:2",
                                                      "schedule_line_no_amount")]
    assert field_id(problems[0].field) == "loan-0-schedule"


def test_round_trip_through_json() -> None:
    form = Form(dict(PERSON), [from_template("card-instalment-0.6"),
                               LoanRow(lender="花呗", enabled=False, mode="plan",
                                       to_repay_other_loans=True, fields={"received": "900"},
                                       schedule="07/15 应还1072")])
    assert Form.from_json(form.to_json()) == form


@pytest.mark.parametrize(("path", "widget"), [
    ("person.savings", "person-savings"), ("loans[3].rate", "loan-3-rate"),
    ("loans[0].schedule:4", "loan-0-schedule"), ("loans[2]", "loan-2"), ("(top)", "form"),
    ("loans[1].late.penalty_rate", "loan-1-penalty_rate"),
])
def test_field_ids(path: str, widget: str) -> None:
    assert field_id(path) == widget


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["person", "loans", "fields", "mode", "enabled", "kind",
                                       "schedule", "lender", *PERSON_FIELDS, *TERMS_FIELDS]),
                      children, max_size=6),
    max_leaves=25,
)


@settings(deadline=None, max_examples=150)
@given(json_values)
def test_any_saved_json_opens_as_some_form_without_error(data: Any) -> None:
    form = Form.from_json(data)
    assert Form.from_json(form.to_json()) == form
    situation, problems = form.check(TODAY)
    assert (situation is None) == bool(problems)
    assert all(isinstance(problem, InputError) for problem in problems)


texts = st.text(max_size=20) | st.sampled_from([
    "1万", "１０，０００", "1.5万", "-1", "0", "12期", "十二个月", "月息1分5", "日息万五", "18%",
    "年化7.2%-24%", "APR 24%", "等额本息", "2026-07-15 ¥1,072.00", "第1期 1072.00元", "1e400",
    "99999999999999999999", "NaN", "∞", "", " ",
])


@settings(deadline=None, max_examples=200)
@given(st.fixed_dictionaries({name: texts for name in PERSON_FIELDS}),
       st.lists(st.tuples(st.sampled_from(["terms", "plan"]),
                          st.fixed_dictionaries({name: texts for name in TERMS_FIELDS}),
                          texts | st.text(max_size=200), st.booleans()), max_size=3))
def test_anything_typed_gives_located_problems_or_a_situation(
        person: dict[str, str], rows: list[tuple[str, dict[str, str], str, bool]]) -> None:
    form = Form(person, [LoanRow(mode="plan" if mode == "plan" else "terms", fields=fields,
                                 schedule=schedule, enabled=enabled)
                         for mode, fields, schedule, enabled in rows])
    situation, problems = form.check(TODAY)
    assert (situation is None) == bool(problems)
    for problem in problems:
        assert field_id(problem.field) != "form" or problem.field in ("(top)", "person", "loans")


def test_templates_in_chinese_use_chinese_units_and_give_the_same_loans() -> None:
    english = [from_template(template_id, "en") for template_id in TEMPLATE_IDS]
    chinese = [from_template(template_id, "zh") for template_id in TEMPLATE_IDS]
    assert chinese[0].fields["term"] == "30天" and chinese[0].fields["rate"] == "0.05%/天"
    for row in chinese:
        for name in ("term", "rate", "service_fee"):
            if name in row.fields:
                assert not any(word in row.fields[name] for word in ("d", "m", "day", "month",
                                                                     "period"))
    situations = [Form(dict(PERSON), rows).check(TODAY)[0] for rows in (english, chinese)]
    assert situations[0] is not None and situations[0] == situations[1]


@pytest.mark.parametrize("mode", ["terms", "plan"])
def test_a_penalty_rate_typed_becomes_the_loans_late_terms(mode: str) -> None:
    fields = {"amount": "1000", "term": "30d", "rate": "0.05%/day", "repayment": "bullet",
              "received": "1000", "penalty_rate": "0.1%/天"}
    form = Form(dict(PERSON), [LoanRow(mode="plan" if mode == "plan" else "terms",
                                       fields=fields, schedule="2026-06-30 1015")])
    situation, problems = form.check(TODAY)
    assert problems == [] and situation is not None
    late = situation.loans[0].late
    assert late is not None and late.penalty_rate.per(DAY).value == Fraction(1, 1000)
    assert late.late_fee_fen == 0 and late.grace_days == 0
    fields.pop("penalty_rate")
    situation, _ = Form(dict(PERSON), [LoanRow(fields=fields)]).check(TODAY)
    assert situation is not None and situation.loans[0].late is None
