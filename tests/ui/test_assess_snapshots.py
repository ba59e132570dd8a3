"""What the self-assessment looks like: the form with a loan and the results, in both languages
at 80×24 and 120×40. `--snapshot-update` after an intended change; look at the SVGs first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent, TextArea
from textual.worker import WorkerCancelled

from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.assess import AssessScreen
from debtcoach.ui.screens.assess_form import Form, LoanRow, from_template
from tests.ui.test_snapshots import SIZES, build

FORM = Form({"monthly_income": "5000", "monthly_expenses": "4200", "savings": "300"}, [
    LoanRow(lender="App A", fields={"amount": "10000", "received": "8000", "term": "12m",
                                    "rate": "24%/year", "paid_instalments": "3"}),
    LoanRow(lender="App B", mode="plan", to_repay_other_loans=True,
            fields={"received": "2700", "paid_instalments": "1"},
            schedule="2026-05-15 ¥1,072.00\n2026-06-15 ¥1,072.00\n2026-07-15 ¥1,072.00"),
    from_template("card-instalment-0.6"),
])


def at(tab: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, DebtCoachApp)
        screen = AssessScreen(today=date(2026, 6, 1))
        await app.push_screen(screen)
        await pilot.pause()
        await screen.load_form(FORM)
        for _ in range(10):
            await pilot.pause()
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                continue
        screen.query_one(TabbedContent).active = tab
        for field in screen.query(Input):
            field.cursor_blink = False
        for area in screen.query(TextArea):
            area.cursor_blink = False
        screen.set_focus(None)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("tab", ["tab-form", "tab-results", "tab-plans"])
def test_assess_screens(snap_compare, tmp_path: Path, tab: str, lang: str,  # type: ignore[no-untyped-def]
                        size: tuple[int, int]) -> None:
    assert snap_compare(build(tmp_path, lang), terminal_size=size, run_before=at(tab))
