"""The self-assessment through the app, as a person uses it: fill the form, paste a plan, read
the results in both languages, switch a loan off, save, reopen and delete; every bad field gets
its own message and nothing crashes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import cast

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea
from textual.worker import WorkerCancelled

from debtcoach.assess import PlanName
from debtcoach.i18n import MESSAGES, t
from debtcoach.store.assessments import saved_assessments
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.assess import AssessScreen
from debtcoach.ui.screens.confirm import ConfirmScreen
from debtcoach.ui.screens.home import HomeScreen

TODAY = date(2026, 6, 1)
PLAN = "第1期 2026-07-15 ¥1,072.00\n第2期 2026-08-15 ¥1,072.00\n第3期 2026-09-15 ¥1,072.00\n"


def shown(screen: AssessScreen, selector: str) -> str:
    """A Static's text as the terminal shows it (wide, so nothing wraps)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(screen.query_one(selector, Static).content)
    return console.export_text()


async def settle(app: DebtCoachApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the last recomputation is on screen (a newer edit cancels older workers)."""
    for _ in range(10):
        await pilot.pause()
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        return


async def type_into(pilot, widget_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(f"#{widget_id}", Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


async def fill_month(pilot) -> None:  # type: ignore[no-untyped-def]
    """Income 5,000, essential spending 3,800, savings 500, typed as a person types them."""
    await type_into(pilot, "person-monthly_income", "5000")
    await type_into(pilot, "person-monthly_expenses", "3800")
    await type_into(pilot, "person-savings", "500")


async def open_assess(app: DebtCoachApp, pilot) -> AssessScreen:  # type: ignore[no-untyped-def]
    await app.push_screen(AssessScreen(today=TODAY))
    await pilot.pause()
    assert isinstance(app.screen, AssessScreen)
    return app.screen


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_fill_paste_read_switch_off_save_reopen_delete(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    app = new_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(app, pilot)
        assert shown(screen, "#summary") == t("assess.ui.empty", lang) + "\n"
        await fill_month(pilot)

        await pilot.click("#tpl-cash-loan-30d")  # a 30-day cash loan from its template
        await settle(app, pilot)
        rate = screen.query_one("#loan-0-rate", Input).value  # in the language of the screen
        assert rate == ("0.05%/天" if lang == "zh" else "0.05%/day")
        await type_into(pilot, "loan-0-lender", "App A")
        await type_into(pilot, "loan-0-received", "900")  # 100 taken at payout
        await settle(app, pilot)

        await pilot.click("#add-plan")  # a loan given by its repayment plan
        await pilot.pause()
        box = screen.query_one("#loan-1-schedule", TextArea)
        assert box.has_focus
        app.post_message(events.Paste(PLAN))  # as the terminal delivers a paste
        await pilot.pause()
        assert box.text == PLAN
        await type_into(pilot, "loan-1-lender", "App B")
        await type_into(pilot, "loan-1-received", "2700")
        await settle(app, pilot)

        assert screen.errors == []
        result = screen.assessment
        assert result is not None and [loan.lender for loan in result.loans] == ["App A", "App B"]
        assert result.loans[1].next_payment is not None
        assert result.loans[1].next_payment.amount_fen == 107200
        text = shown(screen, "#results")
        assert "App A" in text and "App B" in text
        real = t("assess.ui.real_rate", lang, apr="X", advertised="Y", effective="Z")
        assert real.split("X")[0] in text  # the real rate line, for each loan
        assert t("assess.ui.next", lang, when="2026-07-15", amount="¥1,072.00") in text
        assert t(f"assess.ui.risk.{result.risk.level.value}", lang) in shown(screen, "#summary")
        plans = shown(screen, "#plans-table")
        for name in ("keep_going", "avalanche", "snowball", "negotiated"):
            assert t(f"assess.ui.plan.{name}", lang) in plans
        assert "12378" in shown(screen, "#next-steps")

        screen.query_one("#loan-0-enabled", Checkbox).value = False  # switched off, kept
        await settle(app, pilot)
        assert screen.assessment is not None
        assert [loan.lender for loan in screen.assessment.loans] == ["App B"]
        assert screen.query_one("#loan-0-lender", Input).value == "App A"

        await type_into(pilot, "save-name", "mine")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.name for s in saved_assessments(app.store)] == ["mine"]

    reopened = new_app(lang)
    async with reopened.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(reopened, pilot)
        saved = saved_assessments(reopened.store)
        screen.query_one("#open-saved", Select).value = saved[0].id
        await settle(reopened, pilot)
        await settle(reopened, pilot)
        assert screen.query_one("#loan-1-schedule", TextArea).text == PLAN
        assert screen.query_one("#loan-0-enabled", Checkbox).value is False
        assert screen.query_one("#person-savings", Input).value == "500"
        assert screen.assessment is not None
        assert [loan.lender for loan in screen.assessment.loans] == ["App B"]

        screen.query_one("#delete-saved", Button).press()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(reopened.screen, ConfirmScreen)
        reopened.screen.query_one("#yes", Button).press()
        await pilot.pause()
        assert saved_assessments(reopened.store) == []
        assert screen.query_one("#loan-1-lender", Input).value == "App B"  # the form stays


async def test_the_home_screen_opens_it_and_escape_returns(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#open-assess", Button).press()
        await settle(app, pilot)
        assert isinstance(app.screen, AssessScreen)
        assert app.screen.query_one("#person-monthly_income", Input).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert saved_assessments(app.store) == []  # nothing saved unless asked


BAD_INPUTS = [
    ("person-monthly_income", "abc", "money_invalid"),
    ("person-monthly_expenses", "", "field_missing"),
    ("person-savings", "-5", "money_negative"),
    ("loan-0-amount", "0", "amount_not_positive"),
    ("loan-0-amount", "十块", "money_invalid"),
    ("loan-0-received", "20000", "received_above_amount"),
    ("loan-0-term", "12x", "term_invalid"),
    ("loan-0-rate", "18%", "rate_no_period"),
    ("loan-0-rate", "年化7.2%-24%", "rate_range"),
    ("loan-0-upfront_fee", "abc", "fee_invalid"),
    ("loan-0-paid_instalments", "-1", "number_min"),
    ("loan-0-paid_instalments", "99", "paid_above_instalments"),
    ("loan-0-days_overdue", "x", "whole_number"),
    ("loan-0-penalty_rate", "0.05%", "rate_no_period"),
    ("loan-1-penalty_rate", "abc", "rate_invalid"),
    ("loan-1-schedule", "hello", "schedule_empty"),
    ("loan-1-schedule", "2026-07-15", "schedule_line_no_amount"),
    ("loan-1-schedule", "2026-13-40 100", "schedule_date"),
    ("loan-1-received", "", "field_missing"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_each_bad_field_gets_its_own_message_and_nothing_crashes(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    app = new_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(app, pilot)
        good = {"person-monthly_income": "5000", "person-monthly_expenses": "3800",
                "person-savings": "0"}
        await screen.add_loan(screen_row({"amount": "10000", "term": "12m", "rate": "24%/year"}))
        await screen.add_loan(screen_row({"received": "2000"}, plan=True))
        screen.query_one("#loan-1-schedule", TextArea).text = "2026-07-15 1072\n2026-08-15 1072"
        for widget_id, text in good.items():
            screen.query_one(f"#{widget_id}", Input).value = text
        await settle(app, pilot)
        assert screen.errors == [] and screen.assessment is not None
        for widget_id, bad, code in BAD_INPUTS:
            widget = screen.query_one(f"#{widget_id}")
            before = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
            if isinstance(widget, TextArea):
                widget.text = bad
            else:
                widget.value = bad  # type: ignore[attr-defined]
            await settle(app, pilot)
            assert [e.code for e in screen.errors] == [code], (widget_id, bad)
            line = screen.query_one(f"#{widget_id}-error", Static)
            assert line.display, widget_id
            message = MESSAGES[f"error.{code}"][lang].split("{")[0].strip("「'")
            assert message[:6] in shown(screen, f"#{widget_id}-error"), (widget_id, bad)
            assert shown(screen, "#summary").startswith(
                t("assess.ui.fix_fields", lang, count=1)[:5])
            if isinstance(widget, TextArea):
                widget.text = before
            else:
                widget.value = before  # type: ignore[attr-defined]
            await settle(app, pilot)
            assert screen.errors == [], (widget_id, bad)
            assert not line.display


def screen_row(fields: dict[str, str], plan: bool = False):  # type: ignore[no-untyped-def]
    from debtcoach.ui.screens.assess_form import LoanRow

    return LoanRow(mode="plan" if plan else "terms", fields=fields)


async def test_a_result_computed_for_an_older_form_is_dropped(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(app, pilot)
        for widget_id, text in (("person-monthly_income", "5000"),
                                ("person-monthly_expenses", "3800")):
            screen.query_one(f"#{widget_id}", Input).value = text
        await screen.add_loan(screen_row({"amount": "10000", "term": "12m", "rate": "24%/year"}))
        await settle(app, pilot)
        current = screen.assessment
        assert current is not None and screen.shown_generation == screen.generation
        older = current.__class__(**{**current.__dict__, "lenders": 99})
        screen.computed(older, screen.generation - 1)
        assert screen.assessment is current
        screen.query_one("#loan-0-amount", Input).value = "20000"
        await settle(app, pilot)
        assert screen.assessment is not None and screen.assessment is not current
        assert screen.assessment.loans[0].contract_fen == 2_000_000


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_leaving_with_unsaved_changes_asks_first(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    app = new_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_assess(app, pilot)
        await type_into(pilot, "person-monthly_income", "5000")
        await pilot.click("#tpl-cash-loan-30d")
        await settle(app, pilot)

        await pilot.press("escape")  # home? not without asking
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert t("assess.ui.confirm_leave", lang) in str(
            app.screen.query_one(Static).content)
        await pilot.press("escape")  # no: stay, everything as typed
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#person-monthly_income", Input).value == "5000"
        assert screen.query_one("#loan-0-amount", Input).value == "1000"

        await pilot.press("ctrl+s")  # saved: leaving asks nothing
        await pilot.pause()
        await type_into(pilot, "person-monthly_income", "5200")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(saved_assessments(app.store)) == 1

        app.screen.query_one("#open-assess", Button).press()
        await settle(app, pilot)
        screen = cast(AssessScreen, app.screen)
        await type_into(pilot, "person-savings", "300")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()  # yes: leave, dropping what was typed
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert saved_assessments(app.store)[0].form["person"]["savings"] == ""


async def test_opening_a_saved_one_over_unsaved_changes_asks_first(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(app, pilot)
        await type_into(pilot, "person-monthly_income", "5000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_into(pilot, "person-monthly_income", "7000")
        saved = saved_assessments(app.store)
        screen.query_one("#open-saved", Select).value = saved[0].id
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        app.screen.query_one("#no", Button).press()
        await settle(app, pilot)
        assert screen.query_one("#person-monthly_income", Input).value == "7000"
        assert screen.query_one("#open-saved", Select).is_blank()

        screen.query_one("#open-saved", Select).value = saved[0].id
        await pilot.pause()
        app.screen.query_one("#yes", Button).press()
        await settle(app, pilot)
        await settle(app, pilot)
        assert screen.query_one("#person-monthly_income", Input).value == "5000"
        assert not screen.unsaved_changes()


async def test_quitting_with_unsaved_changes_asks_and_quitting_again_quits(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_assess(app, pilot)
        await type_into(pilot, "person-monthly_income", "5000")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and app.is_running
        await pilot.press("escape")  # no
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("ctrl+q")  # asked already: quit
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_plans_chart_fits_its_frame_with_its_legend_beside(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from debtcoach.ui.screens.assess import PlansChart

    app = new_app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_assess(app, pilot)
        await fill_month(pilot)
        await pilot.click("#tpl-instalment-12m-monthly-fee")
        await settle(app, pilot)
        screen.query_one("#tabs").active = "tab-plans"
        await pilot.pause()
        chart = screen.query_one(PlansChart)
        drawn = chart.render()  # what plotext draws at the chart's size
        assert isinstance(drawn, Text)
        lines = drawn.plain.splitlines()
        assert len(lines) == chart.size.height
        assert all(cell_len(line) <= chart.size.width for line in lines)  # no line wraps
        legend = shown(screen, "#plans-legend")
        for name in ("keep_going", "avalanche", "snowball", "negotiated"):
            assert t(f"assess.ui.plan.{name}", lang) in legend


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_plans_say_when_penalties_are_unknown_until_the_late_penalty_is_typed(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    app = new_app(lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_assess(app, pilot)
        await type_into(pilot, "person-monthly_income", "4500")
        await type_into(pilot, "person-monthly_expenses", "4200")
        await type_into(pilot, "person-savings", "0")
        await pilot.click("#tpl-cash-loan-30d")  # ¥1,015 due in 30 days, ¥300 spare a month
        await settle(app, pilot)
        warning = t("assess.penalties_unknown", lang, plans="").strip("：: ")[:8]
        assert warning in shown(screen, "#plans-note")
        cost = screen.assessment.plans[PlanName.AVALANCHE].total_cost_fen  # type: ignore[union-attr]
        await type_into(pilot, "loan-0-penalty_rate", "0.1%/day")
        await settle(app, pilot)
        assert screen.errors == []
        assert warning not in shown(screen, "#plans-note")
        assert screen.assessment.plans[PlanName.AVALANCHE].total_cost_fen > cost  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "indent"), [("en", 4), ("zh", 3)])
def test_a_marked_line_wraps_under_its_text_and_keeps_every_word(lang: str, indent: int) -> None:
    from debtcoach.ui.screens.assess import _Item, _shown

    text = ("最高人民法院关于审理民间借贷案件适用法律若干问题的规定 (2020) art. 25; LPR: "
            "S&P Global 2025-05-20, FACTS.md §2.2 [b]not markup[/b]")
    console = Console(width=40, record=True, file=io.StringIO())
    console.print(_shown(["[b]title[/b]", _Item("  ⚠", text, lang)]))  # type: ignore[arg-type]
    lines = console.export_text().rstrip("\n").splitlines()
    assert lines[0] == "title" and lines[1].startswith("  ⚠")
    assert len(lines) > 3 and all(line[:indent].isspace() for line in lines[2:])
    assert "".join(line.strip() for line in lines[1:]).replace(" ", "") == (
        "⚠" + text).replace(" ", "")  # nothing cut, nothing read as markup
