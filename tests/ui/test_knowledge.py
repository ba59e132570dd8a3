"""The knowledge check through the app, as a learner takes it: from the home screen, one key per
answer, saved at the end, compared with the first check the next time."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from rich.console import Console
from textual.widgets import Button, OptionList, Static

from debtcoach.coach.knowledge import DONT_KNOW, QUESTIONS
from debtcoach.store.assessments import knowledge_checks
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.knowledge import KnowledgeScreen


async def open_check(app: DebtCoachApp, pilot) -> KnowledgeScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)
    await pilot.click("#open-knowledge")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, KnowledgeScreen)
    return screen


async def take(screen: KnowledgeScreen, pilot, picks: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Start and answer every question: a pick is an option index, DONT_KNOW the last option."""
    screen.query_one("#start", Button).press()
    await pilot.pause()
    for item, pick in zip(QUESTIONS, picks, strict=True):
        choices = screen.query_one("#choices", OptionList)
        assert choices.has_focus
        target = len(item.choices) if pick == DONT_KNOW else pick
        await pilot.press("home", *["down"] * target, "enter")
        await pilot.pause()


def text(screen: KnowledgeScreen) -> str:
    """The page's text as the terminal shows it (wide, so nothing wraps)."""
    console = Console(width=400, record=True, file=io.StringIO())
    console.print(screen.query_one("#text", Static).content)
    return console.export_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_take_the_check_twice_and_see_what_changed(
        new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    first = [DONT_KNOW] * len(QUESTIONS)
    second = [q.correct for q in QUESTIONS[:-1]] + [DONT_KNOW]
    app = new_app(lang)
    async with app.run_test(size=(100, 30)) as pilot:
        home_status = app.screen.query_one("#self-check-status", Static)
        assert home_status.display  # the nudge to take it before the first lesson
        screen = await open_check(app, pilot)
        assert ("before the lessons" if lang == "en" else "学习前") in text(screen)
        await take(screen, pilot, first)
        assert screen.page == "results"
        shown = text(screen)
        assert (f"0/{len(QUESTIONS)} right" if lang == "en" else f"答对0/{len(QUESTIONS)}") in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert f"0/{len(QUESTIONS)}" in str(app.screen.query_one("#self-check-status",
                                                                 Static).render())

        screen = await open_check(app, pilot)
        await take(screen, pilot, second)
        shown = text(screen)
        n = len(QUESTIONS)
        if lang == "en":
            assert f"0/{n} right" in shown and f"{n - 1}/{n} right" in shown
            assert f"{n - 1} questions went from not known to right" in shown
            assert shown.count("↑ learned") == n - 1
        else:
            assert f"答对0/{n}" in shown and f"答对{n - 1}/{n}" in shown
            assert shown.count("↑ 学会了") == n - 1

    reopened = new_app(lang)
    async with reopened.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        saved = knowledge_checks(reopened.store)
        assert [c.answers for c in saved] == [
            {q.id: pick for q, pick in zip(QUESTIONS, picks, strict=True)}
            for picks in (first, second)]
        assert [c.moment for c in saved] == ["before", "before"]


async def test_leaving_halfway_saves_nothing_and_back_returns_to_the_last_answer(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check(app, pilot)
        screen.query_one("#start", Button).press()
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # question 1: the third option
        await pilot.pause()
        assert screen.index == 1
        await pilot.press("left")
        await pilot.pause()
        assert screen.index == 0
        assert screen.query_one("#choices", OptionList).highlighted == 2
        await pilot.press("left")
        await pilot.pause()
        assert screen.page == "intro"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert knowledge_checks(app.store) == []


async def test_language_switch_keeps_the_question_and_answers(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_check(app, pilot)
        screen.query_one("#start", Button).press()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh" and screen.index == 1
        assert QUESTIONS[1].prompt["zh"] in text(screen)
        assert screen.answers == {QUESTIONS[0].id: 0}


async def test_after_finishing_every_lesson_the_check_counts_as_after(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    for entry in app.lessons:
        app.store.save_progress(entry.id, [("next",)], "end", True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_check(app, pilot)
        assert "finished every lesson" in text(screen)
        await take(screen, pilot, [q.correct for q in QUESTIONS])
    assert [c.moment for c in knowledge_checks(app.store)] == ["after"]
