"""A room's results to keep: CSV and JSON rows per question and per participant answer
(anonymous ids, never nicknames), and a self-contained HTML summary with inline SVG charts
(nothing fetched, so it opens anywhere, offline)."""

from __future__ import annotations

import csv
import io
import json
from html import escape
from typing import Any

from debtcoach.i18n import Lang, money, percent, t
from debtcoach.store.rooms import RoomAnswer
from debtcoach.workshop.paths import Fan
from debtcoach.workshop.results import QuestionResult, RoomResults
from debtcoach.workshop.view import shown

FORMAT = "debtcoach-room"
VERSION = 1
CSV_COLUMNS = ["row", "room", "lesson", "step", "step_number", "kind", "question", "answered",
               "correct", "share_correct", "median", "low", "high", "true_value", "choices",
               "participant", "value", "answer_correct", "answered_at"]


def anonymous_ids(results: RoomResults) -> dict[str, str]:
    """Participant id → P1, P2, … in joining order."""
    return {p.participant: f"P{p.number}" for p in results.participants}


def question_row(results: RoomResults, question: QuestionResult, lang: Lang) -> dict[str, Any]:
    summary = question.summary
    return {
        "row": "question", "room": results.room.code, "lesson": results.lesson_id,
        "step": question.step_id, "step_number": question.index + 1, "kind": question.kind,
        "question": question.question.text(lang), "answered": question.answered,
        "correct": question.correct, "share_correct": question.share_correct,
        "median": summary.median if summary else None, "low": summary.low if summary else None,
        "high": summary.high if summary else None, "true_value": question.expected,
        "choices": [{"label": c.label.text(lang), "count": c.count, "correct": c.correct,
                     "cost_fen": c.cost_fen, "owed_fen": c.owed_fen}
                    for c in question.choices],
    }


def answer_row(results: RoomResults, answer: RoomAnswer, ids: dict[str, str]) -> dict[str, Any]:
    return {
        "row": "answer", "room": results.room.code, "lesson": answer.lesson_id,
        "step": answer.step_id, "kind": answer.kind,
        "participant": ids.get(answer.participant, "?"), "value": answer.value,
        "answer_correct": answer.correct, "answered_at": answer.answered_at.isoformat(),
    }


def to_json(results: RoomResults, answers: list[RoomAnswer], fan: Fan | None,
            lang: Lang) -> str:
    ids = anonymous_ids(results)
    document = {
        "format": FORMAT, "version": VERSION, "room": results.room.code,
        "lesson": results.lesson_id, "participants": len(results.participants),
        "questions": [question_row(results, q, lang) for q in results.questions],
        "answers": [answer_row(results, a, ids) for a in answers],
        "fan": None if fan is None else {
            "scenario": fan.scenario_id, "paths": fan.paths, "p10_fen": fan.p10,
            "p50_fen": fan.p50, "p90_fen": fan.p90, "story_fen": fan.story},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(results: RoomResults, answers: list[RoomAnswer], lang: Lang) -> str:
    """One table: question rows (``row`` = question), then answer rows (``row`` = answer)."""
    ids = anonymous_ids(results)
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for question in results.questions:
        row = question_row(results, question, lang)
        row["choices"] = "; ".join(f"{c['label']}={c['count']}" for c in row["choices"])
        writer.writerow(row)
    for answer in answers:
        row = answer_row(results, answer, ids)
        row["value"] = json.dumps(row["value"])
        writer.writerow(row)
    return out.getvalue()


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; max-width: 56rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
.meta { color: #555; } .hidden { color: #777; font-style: italic; }
svg { display: block; margin: .5rem 0; } svg text { font: 12px system-ui, sans-serif; }
table { border-collapse: collapse; } td, th { padding: .2rem .6rem; text-align: right; }
"""


def _bars(rows: list[tuple[str, int, str]], width: int = 640) -> str:
    """Horizontal bars: (label, count, note) each; a note marks the right answer or truth."""
    top = max([count for _, count, _ in rows] + [1])
    height = 22 * len(rows) + 4
    parts = [f'<svg width="{width}" height="{height}" role="img">']
    for i, (label, count, note) in enumerate(rows):
        y = 22 * i + 2
        length = round(count / top * (width - 340))
        parts.append(f'<text x="0" y="{y + 14}">{escape(label[:44])}</text>'
                     f'<rect x="300" y="{y + 3}" width="{length}" height="14" fill="#3465a4"/>'
                     f'<text x="{306 + length}" y="{y + 14}">{count} {escape(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _question_html(question: QuestionResult, lang: Lang) -> str:
    head = (f"<h2>{question.index + 1}. {escape(question.question.text(lang))}</h2>"
            f'<p class="meta">{escape(t(f"workshop.kind_{question.kind}", lang))} · '
            f'{escape(t("workshop.export_answered", lang, count=question.answered))}</p>')
    body = ""
    if question.choices:
        rows = []
        for choice in question.choices:
            note = "✔" if choice.correct else ""
            if choice.cost_fen is not None:
                note = t("workshop.dash_branch_cost", lang, cost=money(choice.cost_fen, lang),
                         owed=money(choice.owed_fen or 0, lang))
            rows.append((choice.label.text(lang), choice.count, note))
        body += _bars(rows)
    summary = question.summary
    if summary is not None:
        edges, counts = summary.histogram.edges, summary.histogram.counts
        truth = question.expected
        rows = []
        for i, count in enumerate(counts):
            inside = truth is not None and (edges[i] <= truth < edges[i + 1] or (
                i == len(counts) - 1 and truth == edges[-1]))
            rows.append((f"{shown(edges[i], question.unit, lang)} – "
                         f"{shown(edges[i + 1], question.unit, lang)}", count,
                         "◀ " + t("workshop.dash_true", lang) if inside else ""))
        body += _bars(rows)
        body += "<p>" + escape(t("workshop.dash_median", lang,
                                 median=shown(summary.median, question.unit, lang),
                                 low=shown(summary.low, question.unit, lang),
                                 high=shown(summary.high, question.unit, lang))) + "</p>"
    if question.expected is not None:
        body += "<p>" + escape(t("workshop.dash_true_value", lang,
                                 value=shown(question.expected, question.unit, lang))) + "</p>"
    if question.share_correct is not None:
        body += "<p>" + escape(t("workshop.dash_share_correct", lang,
                                 share=percent(question.share_correct, lang, digits=0),
                                 correct=question.correct, count=question.answered)) + "</p>"
    return head + body


def _fan_svg(fan: Fan, lang: Lang, width: int = 640, height: int = 240) -> str:
    months = len(fan.p50)
    top = max([*fan.p90, *fan.story, 1])
    left, bottom = 70, height - 24

    def x(month: int) -> float:
        return left + (width - left - 10) * (month / max(months - 1, 1))

    def y(fen: int) -> float:
        return bottom - (bottom - 10) * fen / top

    band = ([f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(fan.p90)]
            + [f"{x(i):.1f},{y(v):.1f}" for i, v in reversed(list(enumerate(fan.p10)))])
    median = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(fan.p50))
    story = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(fan.story[:months]))
    return (f'<svg width="{width}" height="{height}" role="img">'
            f'<polygon points="{" ".join(band)}" fill="#729fcf" fill-opacity=".45"/>'
            f'<polyline points="{median}" fill="none" stroke="#204a87" stroke-width="2"/>'
            f'<polyline points="{story}" fill="none" stroke="#cc0000" stroke-width="2" '
            f'stroke-dasharray="6 4"/>'
            f'<text x="0" y="14">{escape(money(top, lang))}</text>'
            f'<text x="0" y="{bottom}">{escape(money(0, lang))}</text>'
            f'<text x="{left}" y="{height - 4}">1</text>'
            f'<text x="{width - 30}" y="{height - 4}">{months}</text></svg>'
            f'<p class="meta">{escape(t("workshop.export_fan_legend", lang))}</p>')


def to_html(results: RoomResults, fan: Fan | None, lang: Lang) -> str:
    title = results.title.text(lang) if results.title else t("workshop.any_lesson", lang)
    parts = [
        "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head>',
        '<meta charset="utf-8">',
        f"<title>{escape(t('workshop.export_title', lang, room=results.room.code))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(t('workshop.export_title', lang, room=results.room.code))}</h1>",
        f'<p class="meta">{escape(title)} · '
        f'{escape(t("workshop.export_people", lang, count=len(results.participants)))}</p>',
    ]
    parts += [_question_html(q, lang) for q in results.questions]
    if fan is not None:
        parts.append(f"<h2>{escape(t('workshop.fan_title', lang, paths=fan.paths))}</h2>")
        parts.append(_fan_svg(fan, lang))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
