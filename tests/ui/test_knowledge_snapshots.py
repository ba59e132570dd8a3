"""What the knowledge check looks like: a question and the two scores, in both languages at
80×24 and 120×40. `--snapshot-update` after an intended change; look at the SVGs first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from debtcoach.coach.knowledge import DONT_KNOW, QUESTIONS
from debtcoach.store import assessments
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.knowledge import KnowledgeScreen
from tests.ui.test_snapshots import SIZES, build


def at(page: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, DebtCoachApp)
        if page == "results":
            assessments.record_knowledge_check(app.store, "before",
                                               {q.id: DONT_KNOW for q in QUESTIONS})
            assessments.record_knowledge_check(app.store, "after", {
                q.id: q.correct if n % 3 else (q.correct + 1) % len(q.choices)
                for n, q in enumerate(QUESTIONS)})
        screen = KnowledgeScreen()
        await app.push_screen(screen)
        await pilot.pause()
        if page == "question":
            screen.moment_taken = "before"
            screen.index = 4
            screen.show_question()
        elif page == "results":
            screen.show_results()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", ["question", "results"])
def test_knowledge_screens(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                           page: str, lang: str, size: tuple[int, int]) -> None:
    monkeypatch.setattr(assessments, "_now", lambda: datetime(2026, 6, 1, 12, tzinfo=UTC))
    assert snap_compare(build(tmp_path, lang), terminal_size=size, run_before=at(page))
