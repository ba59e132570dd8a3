"""The knowledge check: a well-formed bank in both languages, figures that match the maths, and
scoring that counts "don't know" apart from wrong."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.coach.knowledge import (
    DONT_KNOW,
    QUESTIONS,
    compare,
    moment_for,
    outcome,
    question,
    score,
    valid_choice,
)
from debtcoach.finance.apr import cost_of
from debtcoach.finance.offers import LoanOffer

CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


def test_about_ten_questions_with_unique_ids_and_a_right_option_each() -> None:
    assert 8 <= len(QUESTIONS) <= 12
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    for item in QUESTIONS:
        assert 2 <= len(item.choices) <= 4
        assert 0 <= item.correct < len(item.choices)
        assert item.source


def test_every_text_exists_in_both_languages_and_reads_as_chinese() -> None:
    for item in QUESTIONS:
        for text in (item.prompt, item.explanation, *item.choices):
            assert set(text) == {"zh", "en"} and all(text[lang].strip() for lang in text)
            zh = text["zh"]
            assert re.search(CJK, zh), zh
            assert not re.search(f"{CJK} {CJK}", zh), f"stray space in {zh!r}"
            assert not re.match(r"[，。；：、）》」]", zh), zh
            assert "\n" not in zh


def test_choices_are_distinct_within_each_question() -> None:
    for item in QUESTIONS:
        for lang in ("zh", "en"):
            options = [choice[lang] for choice in item.choices]
            assert len(set(options)) == len(options)


# --- the figures in the explanations, against closed forms and the loan maths ---------------


def test_interest_and_compounding_figures_match_closed_forms() -> None:
    assert f"{1000 * 1.02 ** 5:,.2f}" in question("interest").explanation["en"]
    assert 1000 * 1.02 ** 5 > 1020
    assert f"{1000 * 1.03 ** 12:,.2f}" in question("compounding").explanation["zh"]
    assert 1000 + 12 * 30 == 1360 < 1000 * 1.03 ** 12


def test_daily_rate_figures_match_365_days_and_daily_compounding() -> None:
    text = question("daily-rate").explanation["en"]
    assert f"{0.0005 * 365:.2%}" in text
    assert f"{(1 + 0.0005) ** 365 - 1:.1%}" in text


def test_flat_fee_figure_is_the_irr_of_the_card_instalment() -> None:
    offer = LoanOffer(amount=10000, term="12m", rate="0.6%/month", repayment="flat-fee")
    apr = cost_of(offer).figures.apr_nominal
    assert f"{apr:.1%}" in question("flat-fee").explanation["en"]
    assert round(apr * 100) == 13 and question("flat-fee").choices[2]["en"] == "About 13%"


def test_upfront_fee_figures_are_the_irr_of_that_loan() -> None:
    offer = LoanOffer(amount=10000, term="12m", rate="24%/year",
                      repayment="equal-installment", upfront_fee=2000)
    cost = cost_of(offer)
    payment = cost.schedule.rows[1].principal + cost.schedule.rows[1].interest
    text = question("upfront-fee-rate").explanation["en"]
    assert f"¥{payment / 100:,.2f}" in text
    assert round(cost.figures.apr_nominal, 2) == 0.70
    assert question("upfront-fee-rate").correct == 2


def test_stacking_figures_follow_the_gross_up() -> None:
    debt = 1000.0
    rounds = []
    for _ in range(12):
        debt /= 0.8
        rounds.append(debt)
    text = question("stacking").explanation["en"]
    for value in (rounds[0], rounds[1], rounds[2], rounds[11]):
        assert f"{Decimal(value).quantize(Decimal(1), ROUND_HALF_UP):,}" in text
    assert question("stacking").choices[question("stacking").correct]["en"] == "About ¥1,950"


# --- scoring ---------------------------------------------------------------------------------


def test_outcomes() -> None:
    item = question("inflation")
    assert outcome(item, item.correct) == "right"
    assert outcome(item, (item.correct + 1) % len(item.choices)) == "wrong"
    assert outcome(item, DONT_KNOW) == "dont_know"
    assert outcome(item, None) == "unanswered"


def test_score_counts_each_outcome_over_the_whole_bank() -> None:
    answers = {QUESTIONS[0].id: QUESTIONS[0].correct, QUESTIONS[1].id: DONT_KNOW,
               QUESTIONS[2].id: (QUESTIONS[2].correct + 1) % len(QUESTIONS[2].choices),
               "retired-question": 0}
    result = score(answers)
    assert (result.right, result.dont_know, result.wrong) == (1, 1, 1)
    assert result.unanswered == len(QUESTIONS) - 3
    assert result.total == len(QUESTIONS)


def test_all_right_and_all_dont_know() -> None:
    assert score({q.id: q.correct for q in QUESTIONS}).right == len(QUESTIONS)
    assert score({q.id: DONT_KNOW for q in QUESTIONS}).dont_know == len(QUESTIONS)


def test_compare_names_what_was_learned_and_what_was_lost() -> None:
    first, second = QUESTIONS[0], QUESTIONS[1]
    before = {first.id: DONT_KNOW, second.id: second.correct}
    after = {first.id: first.correct, second.id: (second.correct + 1) % len(second.choices)}
    changes = {change.question.id: change for change in compare(before, after)}
    assert changes[first.id].learned and changes[first.id].changed
    assert changes[second.id].lost and not changes[second.id].learned
    unchanged = changes[QUESTIONS[2].id]
    assert unchanged.before == unchanged.after == "unanswered" and not unchanged.changed
    assert [c.question.id for c in compare(before, after)] == [q.id for q in QUESTIONS]


choices = st.integers(min_value=-3, max_value=5)


@settings(deadline=None, max_examples=200)
@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]), choices),
       st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]), choices))
def test_scores_add_up_and_compare_agrees_with_score(before: dict[str, int],
                                                     after: dict[str, int]) -> None:
    valid_before = {k: v for k, v in before.items() if valid_choice(k, v)}
    valid_after = {k: v for k, v in after.items() if valid_choice(k, v)}
    changes = compare(valid_before, valid_after)
    assert sum(c.after == "right" for c in changes) == score(valid_after).right
    assert sum(c.before == "right" for c in changes) == score(valid_before).right
    gained = sum(c.learned for c in changes) - sum(c.lost for c in changes)
    assert gained == score(valid_after).right - score(valid_before).right


@pytest.mark.parametrize(("question_id", "choice", "ok"), [
    ("inflation", 0, True), ("inflation", 2, True), ("inflation", 3, False),
    ("inflation", DONT_KNOW, True), ("inflation", -2, False), ("no-such", 0, False),
])
def test_valid_choice(question_id: str, choice: int, ok: bool) -> None:
    assert valid_choice(question_id, choice) is ok


@pytest.mark.parametrize(("lessons", "started", "finished", "moment"), [
    (8, 0, 0, "before"), (8, 1, 0, "any"), (8, 3, 2, "any"), (8, 0, 8, "after"),
    (8, 0, 7, "any"), (0, 0, 0, "before"),
])
def test_moment_follows_progress(lessons: int, started: int, finished: int, moment: str) -> None:
    assert moment_for(lessons, started, finished) == moment
