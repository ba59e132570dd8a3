"""`debtcoach lessons check` on a good lesson and a corpus of broken ones: each problem is one line
naming the file and the field or line, and the exit code is 2."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from debtcoach.cli import cli

GOOD = Path(__file__).parents[1] / "data" / "lessons"


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    root = tmp_path / "lessons"
    shutil.copytree(GOOD, root)
    return root


def check(root: Path, lang: str = "en") -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["--lang", lang, "lessons", "check", str(root)])
    return result.exit_code, (result.stderr or result.stdout).strip().splitlines()


def test_good_lessons_check_out(lessons: Path) -> None:
    code, lines = check(lessons)
    assert code == 0, lines
    assert "1 lesson checked" in lines[0]


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / "01-mini" / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    return apply


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / "01-mini" / name).write_bytes(data)


BROKEN = [
    ("empty file", _write("lesson.toml", b""), "lesson.toml: ", "empty"),
    ("truncated", _write("lesson.toml", b'id = "01-mini"\n[[steps]\n'), "lesson.toml:2: ", "TOML"),
    ("binary", _write("lesson.toml", b"\x00\xff\x10\x80"), "lesson.toml: ", "UTF-8"),
    ("duplicate key", _edit("lesson.toml", 'minutes = 5', 'minutes = 5\nminutes = 6'),
     "lesson.toml", "TOML"),
    ("unknown step type", _edit("lesson.toml", 'type = "text"', 'type = "video"'),
     "lesson.toml: steps[0]", "'video' is not one of the choices; allowed: text, offer"),
    ("missing translation", _edit("lesson.toml", 'zh = "怎么办？", ', 'zh = "", '),
     "lesson.toml: steps[6].prompt", "zh"),
    ("missing language key", _edit("lesson.toml", 'prompt = { zh = "怎么办？", ',
                                   'prompt = { '), "lesson.toml: steps[6].prompt.zh", "required"),
    ("unknown source", _edit("lesson.toml", 'sources = ["pboc-2021-3"]\n\n[[steps]]\nid = "show-ad"',
                             'sources = ["made-up"]\n\n[[steps]]\nid = "show-ad"'),
     "lesson.toml: steps[0].sources", "made-up"),
    ("no sources", _edit("lesson.toml", 'prose = "intro"\nsources = ["pboc-2021-3"]',
                         'prose = "intro"'), "lesson.toml: steps[0].sources", "sources"),
    ("prose section missing", _edit("zh.md", "section: intro", "section: other"),
     "lesson.toml: steps[0].prose", "zh.md"),
    ("prose outside sections", _edit("en.md", "<!-- section: intro -->", "Lost\n<!-- section: intro -->"),
     "en.md:1: ", "before the first"),
    ("unknown offer", _edit("lesson.toml", 'offer = "ad"\nsources', 'offer = "nope"\nsources'),
     "lesson.toml: steps[1].offer", "nope"),
    ("unknown scenario", _edit("lesson.toml", 'id = "run"\ntype = "scenario"\nscenario = "spiral"',
                               'id = "run"\ntype = "scenario"\nscenario = "nope"'),
     "lesson.toml: steps[5].scenario", "nope"),
    ("month after the end", _edit("lesson.toml", "until = 3", "until = 9"),
     "lesson.toml: steps[5].until", "after"),
    ("answer names nothing", _edit("lesson.toml", '{ apr_of = "ad" }', '{ apr_of = "zz" }'),
     "lesson.toml: steps[8].answer", "zz"),
    ("single quiz with two right", _edit("lesson.toml", '{ text = { zh = "1000", en = "1,000" } }',
                                         '{ text = { zh = "1000", en = "1,000" }, correct = true }'),
     "lesson.toml: steps[9].choices", "single"),
    ("bad decision policy", _edit("lesson.toml", 'when_short = "default"', 'when_short = "run"'),
     "lesson.toml: steps[6].choices[1].policy.when_short", "run"),
    ("duplicate step id", _edit("lesson.toml", 'id = "q2"', 'id = "q"'),
     "lesson.toml: steps[9].id", "twice"),
    ("bad offer rate", _edit("lesson.toml", 'rate = "0%/day"', 'rate = "0%"'),
     "lesson.toml: offers[0].rate", "period"),
    ("scenario file missing", _edit("lesson.toml", "one-app.toml", "gone.toml"),
     "lesson.toml: scenarios[0]", "gone.toml"),
    ("no quiz", lambda root: _drop_quizzes(root), "lesson.toml: steps", "quiz"),
    ("answer in the question", _edit("lesson.toml", 'en = "The real APR of the ad?"',
                                     'en = "The real APR of the ad (about 1,303.57)?"'),
     "lesson.toml: steps[8].question", "1,303.57"),
    ("answer in a hint", _edit("lesson.toml", 'en = "7 days"', 'en = "7 days: 1303.6 a year"'),
     "lesson.toml: steps[8].hints[1]", "1303.6"),
    ("answer in the prose before", lambda root: _answer_before(root),
     "lesson.toml: steps[3].before", "en"),
    ("prose before missing", _edit("zh.md", "section: guess-before", "section: other"),
     "lesson.toml: steps[3].before", "zh.md"),
    ("bold closed after punctuation", _edit("zh.md", "一页短文。", "**一页：**短文。"),
     "zh.md: ", "**一页：**短文"),
    ("bold closed after punctuation, joined across a line break",
     _edit("zh.md", "一页短文。", "**一页：**\n短文。"), "zh.md: ", "**一页：**短文"),
    ("compared scenario unknown", _edit(
        "lesson.toml", '[[steps]]\nid = "sum"',
        '[[steps]]\nid = "cmp"\ntype = "compare"\nrows = [\n'
        '  { scenario = "spiral", label = { zh = "甲", en = "A" } },\n'
        '  { scenario = "nope", label = { zh = "乙", en = "B" } },\n]\n\n[[steps]]\nid = "sum"'),
     "lesson.toml: steps[11].rows[1].scenario", "nope"),
    ("compare with one row", _edit(
        "lesson.toml", '[[steps]]\nid = "sum"',
        '[[steps]]\nid = "cmp"\ntype = "compare"\n'
        'rows = [{ scenario = "spiral", label = { zh = "甲", en = "A" } }]\n\n[[steps]]\nid = "sum"'),
     "lesson.toml: steps[11]", "rows"),
]


def _answer_before(root: Path) -> None:
    """Put the computed debt of the prediction into the prose shown with its question."""
    from debtcoach.lessons.loader import load_lesson, load_sources

    debt = load_lesson(root / "01-mini", load_sources(root)).answers["guess"]
    path = root / "01-mini" / "en.md"
    path.write_text(path.read_text().replace("lends again.", f"lends again: ¥{debt:,.2f}."))


def _drop_quizzes(root: Path) -> None:
    path = root / "01-mini" / "lesson.toml"
    text = path.read_text()
    start = text.index('[[steps]]\nid = "q"')
    end = text.index('[[steps]]\nid = "sum"')
    path.write_text(text[:start] + text[end:])


@pytest.mark.parametrize(("name", "breaks", "where", "says"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_lesson_gets_a_precise_message(
    lessons: Path, name: str, breaks: Callable[[Path], None], where: str, says: str
) -> None:
    breaks(lessons)
    code, lines = check(lessons)
    assert code == 2
    assert any(where in line and says in line for line in lines), lines
    zh_code, zh_lines = check(lessons, "zh")
    assert zh_code == 2 and len(zh_lines) == len(lines)


def test_missing_sources_file_is_reported(lessons: Path) -> None:
    (lessons / "sources.toml").unlink()
    code, lines = check(lessons)
    assert code == 2
    assert lines[0].startswith(str(lessons / "sources.toml"))


def test_a_folder_without_lessons_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("# no sources yet\n")
    code, lines = check(tmp_path)
    assert code == 2
    assert "no lessons" in lines[0]
