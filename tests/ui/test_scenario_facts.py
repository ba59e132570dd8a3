"""Scenario steps show the borrower's and lenders' numbers (key i), and warnings state theirs."""

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from debtcoach.finance.legal import lines_in_force
from debtcoach.i18n import money
from debtcoach.ui.screens.facts import FactsScreen
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.widgets.scenario_facts import ScenarioFacts
from tests.ui.test_snapshots import at_step, build


def _screen(pilot: Pilot[None]) -> PlayerScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PlayerScreen) and screen.player is not None
    return screen


def _text(widget: Static) -> str:
    return str(widget.render())


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ["每月收入 ¥4,683.00", "开支 ¥4,683.00", "结余 ¥0.00", "存款 ¥0.00",
            "月收入的一半 ¥2,341.50",
            "第1个月急用钱：补牙，¥3,000.00", "丁App", "额度最多 ¥3,000.00", "12个月",
            "利率每年 18%", "＋担保费：借款额的 1.50%", "罚息每天 0.05%",
            "你已经在另外2家借着钱", "超过月收入的50%", "你有一笔逾期"]),
    ("en", ["Pay ¥4,683.00 a month", "spending ¥4,683.00", "left over ¥0.00",
            "Savings ¥0.00", "half of the monthly pay ¥2,341.50",
            "Month 1: dental work, ¥3,000.00 needed",
            "App D", "Line up to ¥3,000.00", "12 months", "rate 18% a year",
            "+ guarantee fee: 1.50% of the loan", "penalty interest 0.05% a day",
            "when you already owe 2 other lenders", "more than 50% of monthly pay",
            "when any payment of yours is overdue"]),
])
async def test_i_opens_the_scenario_numbers_on_a_scenario_step(tmp_path: Path, lang: str,
                                                              words: list[str]) -> None:
    """Lesson 04's graduate and five apps, as the scenario file gives them (pay just covers
    spending; App C refuses with 2 other lenders, App D when payments pass half the pay)."""
    app = build(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_step("04-borrowing-to-repay", "first-stack")(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, FactsScreen)
        shown = " ".join(_text(app.screen.query_one(ScenarioFacts)).split("\n"))
        missing = [word for word in words if word not in shown]
        assert not missing, f"{missing} not in {shown}"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_no_numbers_key_where_no_scenario_plays(tmp_path: Path) -> None:
    app = build(tmp_path, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_step("01-first-loan", "guess-year")(pilot)
        screen = _screen(pilot)
        assert screen.player is not None and screen.player.active_scenario is None
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is screen


async def test_an_offer_warning_states_the_real_rate_and_the_line(tmp_path: Path) -> None:
    """Lesson 02's 7-day loan: ¥800 paid out, ¥1,000 repaid a week later is 25% a week,
    25% × 365 / 7 = 1,303.57% a year, far above the court's 4 × LPR line in force today."""
    court = next(line for line in lines_in_force(date.today()) if line.id == "court-4x-lpr")
    app = build(tmp_path, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await at_step("02-upfront-fees", "above-court-cap")(pilot)
        detail = _text(_screen(pilot).query_one("#detail", Static))
        assert f"(1,303.57% real, line {float(court.annual_rate) * 100:.2f}%)" in detail


async def test_a_scenario_warning_states_its_month_and_figures_and_does_not_linger(
        tmp_path: Path) -> None:
    """Lesson 04: the "3 lenders" warning fires while the months play (month 4 of the
    single path: 1 app in month 1, 2 in month 2, 3 in month 4); its banner says so, and it is
    gone on the next step."""
    app = build(tmp_path, "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await at_step("04-borrowing-to-repay", "to-month-5", months=5)(pilot)
        screen = _screen(pilot)
        assert screen.player is not None
        lenders = screen.player.result("spiral")
        assert lenders is not None
        first = next(month for month, count in enumerate(lenders.metrics["active_lenders"][0])
                     if count >= 3)
        banner = screen.query_one("#banner", Static)
        assert banner.display
        assert f"(month {first + 1}: 3 lenders at once)" in _text(banner)
        await pilot.press("right")
        await pilot.pause()
        assert screen.player.step.id == "many-apps"
        assert not banner.display


async def test_the_stacking_warning_says_what_was_repaid_and_how_much_from_pay(
        tmp_path: Path) -> None:
    app = build(tmp_path, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_step("04-borrowing-to-repay", "stacking")(pilot)
        screen = _screen(pilot)
        assert screen.player is not None
        result = screen.player.result("spiral")
        assert result is not None
        paid = money(int(result.metrics["paid"][0, 1]), "zh")
        detail = " ".join(_text(screen.query_one("#detail", Static)).split("\n"))
        assert f"（第 2 个月：这个月还了 {paid}，其中用工资 ¥0.00）" in detail.replace("\n", "")
        assert not screen.query_one("#banner", Static).display  # the step shows it already


def test_the_numbers_at_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(build(tmp_path, "zh"), terminal_size=(80, 24),
                        run_before=at_step("04-borrowing-to-repay", "first-stack",
                                           keys=("i",)))
