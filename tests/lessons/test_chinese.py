"""Chinese that reads as Chinese: every zh text of every lesson, as the app shows it."""

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from debtcoach.lessons.loader import LoadedLesson, lesson_folders, load_lesson, load_sources
from debtcoach.lessons.prose import join_lines
from debtcoach.sim.scenario import Localized

ROOT = Path(__file__).parents[2] / "lessons"
HAN = r"\u4e00-\u9fff"
CLOSING = "，。、；：？！）》」』”"
# A space or a line break between two Chinese characters (or after Chinese punctuation).
STRAY_GAP = re.compile(rf"[{HAN}{CLOSING}][ \n][{HAN}（《「『“]|[{CLOSING}] \S")
# Units left in English inside Chinese text.
ENGLISH_UNITS = re.compile(r"\d+\s?(m|d|days?|months?)\b|/day|/month|/year")


def zh_texts(value: object, path: str = "") -> list[tuple[str, str]]:
    if isinstance(value, Localized):
        return [(path, value.zh)]
    if isinstance(value, BaseModel):
        return [t for name in type(value).model_fields
                for t in zh_texts(getattr(value, name), f"{path}.{name}")]
    if isinstance(value, list):
        return [t for i, item in enumerate(value) for t in zh_texts(item, f"{path}[{i}]")]
    return []


@pytest.fixture(scope="module")
def lessons() -> list[LoadedLesson]:
    sources = load_sources(ROOT)
    return [load_lesson(folder, sources) for folder in lesson_folders(ROOT)]


def test_no_stray_gaps_or_english_units_in_any_chinese_text(lessons: list[LoadedLesson]) -> None:
    problems = []
    for loaded in lessons:
        texts = [(f"zh.md#{name}", text) for name, text in loaded.prose["zh"].items()]
        texts += zh_texts(loaded.lesson)
        for where, text in texts:
            if where.startswith("zh.md") and text != join_lines(text):
                problems.append(f"{loaded.lesson.id} {where}: a paragraph left on several lines")
            for paragraph in text.split("\n\n"):
                for line in paragraph.split("\n"):
                    # Bold marks vanish on screen: "**一开始：** 一个" shows a stray gap.
                    if found := STRAY_GAP.search(line.replace("**", "")):
                        problems.append(f"{loaded.lesson.id} {where}: {found.group()!r}")
            if found := ENGLISH_UNITS.search(text):
                problems.append(f"{loaded.lesson.id} {where}: {found.group()!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("source", "shown"), [
    ("宽限期一过，App就开始\n按天收罚息。", "宽限期一过，App就开始按天收罚息。"),
    ("Lin borrowed once\nand never again.", "Lin borrowed once and never again."),
    ("一段。\n\n- 第一\n- 第二", "一段。\n\n- 第一\n- 第二"),
    ("## 标题\n正文", "## 标题\n正文"),
    ("硬换行  \n下一行", "硬换行  \n下一行"),
])
def test_source_line_breaks_join_without_spaces_in_chinese(source: str, shown: str) -> None:
    assert join_lines(source) == shown


def test_warning_messages_carry_no_warning_sign_of_their_own(
        lessons: list[LoadedLesson]) -> None:
    """The banner adds one "⚠ 警告" label; a message starting with its own ⚠ read "⚠ 警告 ⚠"."""
    from debtcoach.lessons.schema import WarningStep

    doubled = [f"{loaded.lesson.id} {step.id}: {text!r}" for loaded in lessons
               for step in loaded.lesson.steps if isinstance(step, WarningStep)
               for text in (step.message.zh, step.message.en) if "⚠" in text]
    assert not doubled, "\n".join(doubled)
