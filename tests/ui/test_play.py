"""Playing a lesson through the app with Pilot: keys in, state and messages out."""

from collections.abc import Callable
from typing import TypeVar

import pytest
from textual.message import Message
from textual.widgets import Input, Markdown, OptionList, Static

from debtcoach.lessons.schema import DecisionStep, PredictStep, QuizStep, ScenarioStep
from debtcoach.ui.app import DebtCoachApp
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.screens.player import PlayerScreen
from debtcoach.ui.widgets.choice_list import ChoiceList
from tests.ui.waiting import until

M = TypeVar("M", bound=Message)


def seen(messages: list[Message], kind: type[M]) -> list[M]:
    """Messages of ``kind`` in order, each once (the hook may see a message more than once)."""
    unique = {id(m): m for m in messages if isinstance(m, kind)}
    return list(unique.values())


async def open_lesson(app: DebtCoachApp, pilot) -> PlayerScreen:  # type: ignore[no-untyped-def]
    await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
    lessons = app.screen.query_one("#lessons", OptionList)
    lessons.focus()
    lessons.highlighted = 1  # the first lesson, below the part heading
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, PlayerScreen), "the player")
    screen = app.screen
    assert isinstance(screen, PlayerScreen)
    await app.workers.wait_for_complete()
    await until(pilot, lambda: screen.player is not None, "the lesson loaded")
    return screen


async def go_to(screen: PlayerScreen, pilot, step_id: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(40):
        assert screen.player is not None
        if screen.player.step.id == step_id:
            return
        await pilot.press("right")
        await pilot.pause()
    raise AssertionError(f"never reached {step_id}")


async def skip_to(screen: PlayerScreen, pilot, step_id: str) -> None:  # type: ignore[no-untyped-def]
    """Answer everything on the way (through the player), then show the step."""
    player = screen.player
    assert player is not None
    while player.step.id != step_id:
        step = player.step
        if isinstance(step, QuizStep):
            player.give_up()
        elif isinstance(step, PredictStep):
            player.predict(1)
        elif isinstance(step, DecisionStep):
            player.decide(0)
        elif isinstance(step, ScenarioStep):
            while not player.step_done():
                player.advance_month()
        player.next()
    await screen.show_step()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_play_a_lesson_through(new_app: Callable[..., DebtCoachApp], lang: str) -> None:
    messages: list[Message] = []
    app = new_app(lang)
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        screen = await open_lesson(app, pilot)
        player = screen.player
        assert player is not None
        await pilot.press("right")  # intro → the ad
        await pilot.pause()
        await pilot.press("right")  # reveal its real cost
        await pilot.pause()
        assert "1,303.57%" in str(screen.query_one("#detail").render())
        await pilot.press("right")  # the APR warning fires at once
        await pilot.pause()
        shown = seen(messages, PlayerScreen.WarningShown)
        assert [(m.step_id, m.month) for m in shown] == [("warn-apr", None)]

        await go_to(screen, pilot, "guess")
        screen.query_one("#number", Input).value = "2500"
        await pilot.press("enter")
        await pilot.pause()
        assert player.predictions["guess"].underestimated

        await pilot.press("right")  # → the scenario step; the stacking warning is armed
        await pilot.pause()
        assert isinstance(player.step, ScenarioStep)
        for _ in range(3):
            await pilot.press("right")
            await pilot.pause()
        warnings = seen(messages, PlayerScreen.WarningShown)
        assert warnings[-1].step_id == "warn-stack"
        result = player.result("spiral")
        assert result is not None and result.months == 3
        assert warnings[-1].month is not None and 1 <= warnings[-1].month <= 3

        await pilot.press("right")  # → the decision
        await pilot.pause()
        await pilot.click("#choice-1")
        await pilot.pause()
        assert player.decisions == {"choose": 1}

        await go_to(screen, pilot, "q")
        await pilot.press("h")
        await pilot.pause()
        assert player.hints_shown["q"] == 1
        screen.query_one("#number", Input).value = "25"
        await pilot.press("enter")
        await pilot.pause()
        assert "q" not in player.quiz_results  # a second try, with the second hint
        feedback = text_of(screen, "#feedback")
        hint = ("7 days", "7天")[lang == "zh"]
        assert app.t("player.try_again") in feedback and hint in feedback
        assert app.t("player.hint_hint") not in feedback
        screen.query_one("#number", Input).value = "25"
        await pilot.press("enter")
        await pilot.pause()
        assert player.quiz_results["q"].correct is False
        feedback = text_of(screen, "#feedback")
        assert "1,303.57%" in feedback and "IRR" in feedback
        assert app.t("player.give_up_hint") not in feedback

        await pilot.press("right")
        await pilot.pause()
        assert player.step.id == "q2"
        await pilot.press("enter")  # the first choice (focused at once): wrong
        choices = screen.query_one("#choices", ChoiceList)
        assert "(●) 1" in str(choices.get_option_at_index(0).prompt)
        await pilot.click("#submit")
        await pilot.pause()
        assert "q2" not in player.quiz_results
        screen.query_one("#choices", ChoiceList).focus()
        await pilot.press("down", "enter")
        await pilot.click("#submit")
        await pilot.pause()
        assert player.quiz_results["q2"].correct is True
        assert app.t("player.choice_right_picked", text="800") in text_of(screen, "#detail")
        answers = [(a.step_id, a.kind, a.correct) for a in app.store.answers("01-mini")]
        assert answers == [("guess", "predict", None), ("q", "quiz", False),
                           ("q", "quiz", False), ("q2", "quiz", False), ("q2", "quiz", True)]
        steps = [m.step_id for m in seen(messages, PlayerScreen.StepShown)]
        assert steps[0] == "intro" and "q2" in steps


def text_of(screen: PlayerScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_prediction_hides_its_reveal_until_the_guess(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await go_to(screen, pilot, "guess")
        prose = screen.query_one("#prose", Markdown)
        assert "lends again" in prose.source and "multiplied" not in prose.source
        assert "e.g. 3000" in screen.query_one("#number", Input).placeholder
        screen.query_one("#number", Input).value = "2000"
        await pilot.press("enter")
        await pilot.pause()
        assert "multiplied" in prose.source
        feedback = text_of(screen, "#feedback")
        assert "too low" in feedback and "Re-borrowing costs more" in feedback
        assert "end of month 3" in feedback  # the working


async def test_an_empty_multiple_choice_is_not_graded_and_a_gives_the_answer(
        new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        player = screen.player
        assert player is not None
        await skip_to(screen, pilot, "q3")
        assert "**" not in text_of(screen, "#detail") and "fees" in text_of(screen, "#detail")
        await pilot.click("#submit")
        await pilot.pause()
        assert player.tries.get("q3") is None
        assert "Pick at least one" in text_of(screen, "#feedback")
        await pilot.press("a")
        await pilot.pause()
        assert player.step_done()
        detail = text_of(screen, "#detail")
        assert "✓ A service fee (right answer, not picked)" in detail
        assert "· The principal" in detail
        assert "Both are fees" in text_of(screen, "#feedback")


async def test_quit_and_resume_at_the_same_step(new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await go_to(screen, pilot, "guess")
        screen.query_one("#number", Input).value = "3000"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        assert screen.player is not None
        where = screen.player.step.id
        months = screen.player.run("spiral").months
        await pilot.press("ctrl+q")
    again = new_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")  # continue where you left off
        await pilot.pause()
        await again.workers.wait_for_complete()
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, PlayerScreen) and screen.player is not None
        assert screen.player.step.id == where
        assert screen.player.run("spiral").months == months
        assert screen.player.predictions["guess"].guess == 3000


async def test_switching_language_keeps_the_place(new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await go_to(screen, pilot, "guess")
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh"
        assert screen.player is not None and screen.player.step.id == "guess"
        assert "第3个月末" in str(screen.query_one("#detail").render())


async def test_help_lists_the_keys_of_the_screen_underneath(
    new_app: Callable[..., DebtCoachApp],
) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#keys").render())
        assert "Next" in text and "Quit" in text
        assert "Back" not in text and "Hint" not in text  # nothing to go back to, no quiz
        await pilot.press("escape")
        await skip_to(screen, pilot, "q")
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#keys").render())
        for label in ("Hint", "Answer", "Why", "Quit"):
            assert label in text
        assert "Next" not in text  # the question waits for its answer
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_reset_a_lesson_asks_first(new_app: Callable[..., DebtCoachApp]) -> None:
    app = new_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lesson(app, pilot)
        await pilot.press("right")
        await pilot.pause()
        await pilot.press("escape")  # home, saving
        await pilot.pause()
        assert app.store.load_progress("01-mini") is not None
        app.confirm_reset(app.lessons[0])
        await pilot.pause()
        await pilot.press("escape")  # no
        await pilot.pause()
        assert app.store.load_progress("01-mini") is not None
        app.confirm_reset(app.lessons[0])
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.store.load_progress("01-mini") is None
        del screen


async def test_a_lesson_sets_its_objects_aside_from_collections_and_hands_them_back_on_leaving(
    new_app: Callable[..., DebtCoachApp],
) -> None:
    """While a lesson plays, what it holds is frozen (full collections skip it); going home
    unfreezes it, so the closed lesson's screen can be collected."""
    import gc

    gc.unfreeze()
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lesson(app, pilot)
        await until(pilot, lambda: gc.get_freeze_count() > 0, "the lesson's objects set aside")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        await until(pilot, lambda: gc.get_freeze_count() == 0, "the objects handed back")
