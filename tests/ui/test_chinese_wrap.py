"""Chinese that reads as Chinese when wrapped: every zh text of every lesson, at every width a
lesson pane has, breaks where a Chinese reader expects (禁则), and a step that Textual's own wrap
used to break (a line starting with "。") looks right at 80×24."""

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from debtcoach.i18n.linebreak import CLOSING, OPENING, is_wide
from debtcoach.lessons.loader import lesson_folders, load_lesson, load_sources
from debtcoach.lessons.prose import join_lines
from debtcoach.ui.widgets.wrapped_text import LessonMarkdown, WrappedText
from tests.lessons.test_chinese import zh_texts
from tests.ui.test_snapshots import at_step, build

LESSONS = Path(__file__).parents[2] / "lessons"
_MARKUP = re.compile(r"^(#+\s|[-*+]\s|\d+[.)]\s|>\s?)|\*\*")


def _lesson_texts() -> list[str]:
    """Every zh text a lesson shows: each paragraph of its prose (as Markdown shows it, without
    the marks) and every Chinese field of every step, offer and choice."""
    sources = load_sources(LESSONS)
    texts: list[str] = []
    for folder in lesson_folders(LESSONS):
        loaded = load_lesson(folder, sources)
        for section in loaded.prose["zh"].values():
            texts += [_MARKUP.sub("", line) for line in join_lines(section).split("\n")
                      if line.strip() and not line.startswith("|")]
        texts += [text for _, text in zh_texts(loaded.lesson)]
    return texts


TEXTS = _lesson_texts()


def _lines_and_breaks(text: str, width: int) -> tuple[list[str], list[int]]:
    """The lines shown at ``width`` and the offsets in ``text`` where each new line starts."""
    lines = WrappedText(Content(text)).at_width(width).plain.split("\n")
    breaks, position = [], 0
    for index, line in enumerate(lines):
        assert text.startswith(line, position), f"text lost or changed at line {index}: {line!r}"
        position += len(line)
        while position < len(text) and text[position].isspace():
            position += 1
        if index < len(lines) - 1:
            breaks.append(position)
    assert position == len(text), "text lost at the end"
    return lines, breaks


def test_there_are_chinese_texts_to_check() -> None:
    assert len(TEXTS) > 200 and all(any(is_wide(c) for c in t) for t in TEXTS[:5])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(TEXTS), st.integers(20, 80), st.integers(0, 12))
def test_every_lesson_text_breaks_as_chinese_is_typeset(text: str, width: int,
                                                        shift: int) -> None:
    """No line starts with closing punctuation or ends with opening punctuation, no Latin word
    or number (¥1,330.02) is cut, no line is wider than the pane; ``shift`` wide characters in
    front move every break."""
    from textual._cells import cell_len

    text = "字" * shift + text
    lines, breaks = _lines_and_breaks(text, width)
    for line in lines:
        assert cell_len(line) <= width, f"{line!r} is wider than {width}"
    for line in lines[1:]:
        assert line[:1] not in CLOSING, f"a line starts with closing punctuation: {line!r}"
    for line in lines[:-1]:
        assert line[-1:] not in OPENING, f"a line ends with opening punctuation: {line!r}"
    for at in breaks:
        before, after = text[at - 1], text[at]
        cut_word = not before.isspace() and not is_wide(before) and not is_wide(after)
        assert not cut_word, f"a word is cut: {text[max(0, at - 10): at]!r}|{text[at: at + 10]!r}"


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("他借了¥1,330.02，在App上还款。", 12, ["他借了", "¥1,330.02，", "在App上还", "款。"]),
    ("真实年化28.6%，远超24%的红线！", 13, ["真实年化", "28.6%，远超", "24%的红线！"]),
    ("这个“服务费”（砍头息）", 10, ["这个“服务", "费”（砍头", "息）"]),
    ("Lin borrowed once, never again.", 12, ["Lin borrowed", "once, never", "again."]),
])
def test_breaks_by_hand(text: str, width: int, lines: list[str]) -> None:
    assert WrappedText(Content(text)).at_width(width).plain.split("\n") == lines


async def test_markdown_paragraphs_and_statics_wrap_as_chinese() -> None:
    """In a real screen: the lesson's Markdown paragraph and a Static holding a WrappedText
    show the lines the breaker chose, and are as tall as those lines."""
    text = "他在借款App上借了钱。到期那天，他只好又借了一笔¥1,330.02的新钱来还旧账。"

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield LessonMarkdown(text, id="prose")
            yield Static(WrappedText.from_markup(text), id="static")

    app = Probe()
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.pause()
        paragraph = app.query_one("#prose").query("MarkdownParagraph").first()
        for widget in (app.query_one("#static", Static), paragraph):
            region = widget.content_region
            expected = WrappedText(Content(text)).at_width(region.width).plain.split("\n")
            shown = [strip.text.rstrip() for strip in widget.render_lines(region.reset_offset)]
            assert [line.plain for line in Content(text).wrap(region.width)] != expected, \
                "Textual's own wrap would pass this test: pick a text it breaks badly"
            assert len(expected) > 2 and region.height == len(expected)
            assert shown[: region.height] == expected


def test_a_long_chinese_warning_at_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Lesson 02's court-cap warning: Textual's wrap put "。" alone at a line start."""
    assert snap_compare(build(tmp_path, "zh"), terminal_size=(80, 24),
                        run_before=at_step("02-upfront-fees", "above-court-cap"))


async def test_markdown_table_cells_wrap_as_chinese() -> None:
    """A lesson table's cells wrap as Chinese too (Textual's cells would break anywhere)."""
    cell = "他在借款App上借了钱。到期那天，他只好又借了一笔¥1,330.02的新钱来还旧账。"
    text = f"| 谁 | 怎么借 |\n| --- | --- |\n| 小陈 | {cell} |\n"

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield LessonMarkdown(text, id="prose")

    app = Probe()
    async with app.run_test(size=(30, 20)) as pilot:
        await pilot.pause()
        shown = next(c for c in app.query("MarkdownTableCellContents")
                     if "小陈" not in str(c.content) and "借了钱" in str(c.content))
        region = shown.content_region
        expected = WrappedText(Content(cell)).at_width(region.width).plain.split("\n")
        lines = [strip.text.strip() for strip in shown.render_lines(shown.region.reset_offset)]
        assert len(expected) > 2 and lines[: len(expected)] == expected
        assert [line.plain for line in Content(cell).wrap(region.width)] != expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(TEXTS), st.integers(8, 40))
def test_fit_breaks_a_table_cell_as_chinese_is_typeset(text: str, width: int) -> None:
    from rich.cells import cell_len

    from debtcoach.i18n.linebreak import fit

    text = " ".join(text.split())[:120]
    lines = fit(text, width).split("\n")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost or added
    for before, line in itertools.pairwise(lines):
        assert line[:1] not in CLOSING and before[-1:] not in OPENING
    assert all(cell_len(line) <= width for line in lines)
