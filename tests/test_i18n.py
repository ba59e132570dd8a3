import re
import string

import pytest

from debtcoach.errors import InputError
from debtcoach.i18n import LANGS, detect_lang, error_line, money, percent, t
from debtcoach.i18n.messages import MESSAGES


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    assert set(MESSAGES[key]) == set(LANGS)
    assert all(MESSAGES[key][lang].strip() for lang in LANGS)
    assert _fields(MESSAGES[key]["zh"]) == _fields(MESSAGES[key]["en"])


def test_every_error_code_raised_in_the_source_has_a_message() -> None:
    import pathlib
    import re

    src = pathlib.Path(__file__).parents[1] / "src" / "debtcoach"
    codes = set()
    for path in src.rglob("*.py"):
        codes |= set(re.findall(r'InputError\(\s*[^,]+,\s*"([a-z_]+)"', path.read_text()))
        codes |= set(re.findall(r'code = "([a-z_]+)"', path.read_text()))
    assert codes
    missing = {code for code in codes if f"error.{code}" not in MESSAGES}
    assert not missing


@pytest.mark.parametrize(
    ("env", "lang"),
    [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"),
     ({"LC_ALL": "zh_TW", "LANG": "en_US"}, "zh"), ({"LANG": "C"}, "en")],
)
def test_language_follows_the_environment(env: dict[str, str], lang: str) -> None:
    assert detect_lang(env) == lang


def test_money_and_percent_formatting() -> None:
    assert money(123_456, "zh") == "¥1,234.56"
    assert money(-5, "en") == "-¥0.05"
    assert money(500, "en", sign=True) == "+¥5.00"
    assert percent(3.910714, "en") == "391.07%"
    assert percent(13.0357, "zh") == "1,303.57%"
    assert percent(float("inf"), "en") == "∞"
    assert percent(3.388e96, "zh") == "3.39×10⁹⁸%"  # 1000% a day, compounded over a year
    assert percent(-1.5e13, "en") == "-1.50×10¹⁵%"


def test_error_line_names_the_field_first() -> None:
    line = error_line(InputError("--rate", "rate_no_period", value="18%"), "zh")
    assert line.startswith("--rate: ")
    assert "18%" in line


PLURAL_NOUNS = ("lenders", "months", "days", "payments", "answers", "lessons", "questions",
                "participants", "tries", "columns", "instalments", "periods", "years", "paths",
                "loans", "levels")


def _counted(template: str) -> dict[str, tuple[str, str]]:
    """The placeholders written ``{name:one|many}``: a count whose noun agrees with it."""
    return {name: tuple(spec.split("|", 1)) for _, name, spec, _ in
            string.Formatter().parse(template) if name and spec and "|" in spec}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_an_english_count_agrees_with_its_noun(key: str) -> None:
    english = MESSAGES[key]["en"]
    bare = re.findall(r"\{\w+\} (?:" + "|".join(PLURAL_NOUNS) + r")\b", english)
    assert not bare, f"write {bare[0]!r} as {{count:noun|nouns}}"
    assert not _counted(MESSAGES[key]["zh"])  # Chinese nouns have no plural
    counted = _counted(english)
    for count, expected in ((1, 0), (2, 1), ("10,000", 1)):
        params = {name: "x" for name in _fields(english)}
        params |= {name: count for name in counted}
        text = t(key, "en", **params)
        for one_many in counted.values():
            assert f"{count} {one_many[expected]}" in text
