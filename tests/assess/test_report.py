"""The printable report: one page per language, self-contained, escaping what the person typed."""

from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from debtcoach.assess import Assessment, Situation, assess, load_situation
from debtcoach.report import Document, assessment_html, assessment_markdown, to_html, to_markdown
from debtcoach.report.blocks import Bullets, Table
from debtcoach.report.svg import Series, line_chart

TODAY = date(2026, 7, 20)
EXAMPLE = (Path(__file__).parent / "example.toml").read_text(encoding="utf-8")


def _assessed(text: str = EXAMPLE) -> tuple[Assessment, Situation]:
    situation = load_situation(text, "example.toml")
    return assess(situation, TODAY, months=12), situation


@pytest.mark.parametrize(("lang", "words"), [
    ("zh", ("整体情况", "每笔借款", "四种做法", "去哪里求助", "借款情况说明", "第七十条",
            "不是法律意见")),
    ("en", ("The whole picture", "Each loan", "Four plans", "Where to get help", "Facts sheet",
            "art. 70", "not legal advice")),
])
def test_report_has_every_section_in_the_persons_language(lang: str, words: tuple[str]) -> None:
    assessment, situation = _assessed()
    for render in (assessment_html, assessment_markdown):
        text = render(assessment, situation, lang,
                      {"complaint-12378-szcga": ("12378 notice", "https://example.org/12378")})
        for word in words:
            assert word in text, (render.__name__, word)
        assert "https://example.org/12378" in text


def test_what_the_person_typed_cannot_become_markup() -> None:
    hostile = EXAMPLE.replace('lender = "App A"', 'lender = "<script>x</script> | A"')
    assessment, situation = _assessed(hostile)
    page = assessment_html(assessment, situation, "en")
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    markdown = assessment_markdown(assessment, situation, "en")
    assert "&lt;script&gt;" not in markdown and "\\| A |" in markdown


def test_html_page_prints_on_a4_and_its_chart_is_well_formed_svg() -> None:
    assessment, situation = _assessed()
    page = assessment_html(assessment, situation, "zh")
    assert "@page { size: A4" in page and '<html lang="zh-Hans">' in page
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    root = ElementTree.fromstring(svg)
    lines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 4  # one per plan, each with its own dash pattern
    assert len({line.get("stroke-dasharray") for line in lines}) == 4


def test_chart_points_follow_the_values() -> None:
    svg = line_chart(("0", "1", "2"), (Series("a", (0.0, 50.0, 100.0)),), "¥")
    points = ElementTree.fromstring(svg).find("{http://www.w3.org/2000/svg}polyline")
    assert points is not None
    ys = [float(pair.split(",")[1]) for pair in (points.get("points") or "").split()]
    assert ys[0] > ys[1] > ys[2]  # higher values are drawn higher up
    assert ys[1] == pytest.approx((ys[0] + ys[2]) / 2)


def test_blocks_are_reusable_for_other_reports() -> None:
    doc = Document(title="Room 7", lang="en", blocks=[
        Table(("name", "score"), (("a|b", "3"),), (False, True)), Bullets(("one",), "warn")])
    assert "| a\\|b | 3 |" in to_markdown(doc)
    page = to_html(doc)
    assert '<td class="num">3</td>' in page and "⚠ one" in page
