"""Finding a computed answer in text shown before the question is answered."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debtcoach.lessons.giveaway import answer_spellings, contains_answer


@pytest.mark.parametrize(("text", "value", "unit", "found"), [
    ("percent, e.g. 18.25", 0.1825, "percent", "18.25"),
    ("about 18.3% a year", 0.1825, "percent", "18.3"),
    ("0.05% a day", 0.1825, "percent", None),
    ("18.255 is not it", 0.1825, "percent", None),
    ("118.25 is not it", 0.1825, "percent", None),
    ("he owes ¥3,261.12 by then", 3261.12, "yuan", "3,261.12"),
    ("he owes 3261 yuan", 3261.12, "yuan", "3261"),
    ("he borrowed ¥3,000", 3261.12, "yuan", None),
    ("73.78%", 0.7378, "share", "73.78"),
    ("in 12 months", 0.12, "percent", None),
])
def test_spellings_a_learner_would_recognise(text: str, value: float, unit: str,
                                             found: str | None) -> None:
    assert contains_answer(text, value, unit) == found  # type: ignore[arg-type]


@settings(deadline=None)
@given(st.text(), st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12,
                            max_value=1e12),
       st.sampled_from(["percent", "yuan", "share", "number"]))
def test_never_fails_on_any_text(text: str, value: float, unit: str) -> None:
    found = contains_answer(text, value, unit)  # type: ignore[arg-type]
    assert found is None or found in text
    assert all(sum(c.isdigit() for c in s) >= 3 for s in answer_spellings(value, unit))  # type: ignore[arg-type]
