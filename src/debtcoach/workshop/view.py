"""The room's results as text (Rich markup): the dashboard's panels, one function each, so the
dashboard stays a thin shell and tests can read exactly what it shows."""

from __future__ import annotations

from rich.markup import escape

from debtcoach.i18n import Lang, money, percent, t
from debtcoach.textbars import bar
from debtcoach.workshop.paths import Fan
from debtcoach.workshop.results import QuestionResult, RoomResults

BAR = 16


def shown(value: float, unit: str, lang: Lang) -> str:
    """A value in the unit answers are computed in, as the learner reads it."""
    if unit in ("percent", "share"):
        return percent(value, lang, digits=1)
    if unit == "yuan":
        return money(round(value * 100), lang)
    return f"{value:,.2f}"


def header(results: RoomResults, lang: Lang) -> str:
    room = results.room
    title = results.title.text(lang) if results.title else t("workshop.any_lesson", lang)
    pace = (t("workshop.dash_paced", lang, step=room.open_step + 1) if room.paced
            else t("workshop.dash_self_paced", lang))
    state = t("workshop.dash_closed" if room.closed else "workshop.dash_open", lang)
    return t("workshop.dash_header", lang, room=room.code, title=escape(title),
             connected=results.connected, joined=len(results.participants),
             answers=results.answers, pace=pace, state=state)


def step_line(index: int, step_id: str, here: int, results: RoomResults, lang: Lang) -> str:
    """One step in the list: its number and id, a lock past the paced limit, who is there."""
    room = results.room
    locked = room.paced and index > room.open_step
    dots = "●" * min(here, 12) + ("+" if here > 12 else "")
    mark = "🔒" if locked else "  "
    return f"{mark}{index + 1:>2}. {escape(step_id)}  {dots} {here if here else ''}".rstrip()


def question_panel(question: QuestionResult, lang: Lang) -> str:
    """One question: who answered and how; correctness and true values only once revealed."""
    kind = t(f"workshop.kind_{question.kind}", lang)
    gap = "" if lang == "zh" else " "  # Chinese runs on after the number, and wraps there
    lines = [f"[b]{question.index + 1}.{gap}{escape(question.question.text(lang))}[/b]",
             t("workshop.dash_answered", lang, kind=kind, count=question.answered)]
    top = max([c.count for c in question.choices] + [1])
    for number, choice in enumerate(question.choices, start=1):
        mark = ""
        if question.revealed and choice.correct is not None:
            mark = " ✔" if choice.correct else " ✘"
        cost = ("  " + t("workshop.dash_branch_cost", lang, cost=money(choice.cost_fen, lang),
                         owed=money(choice.owed_fen or 0, lang))
                if choice.cost_fen is not None else "")
        lines.append(f"  {number}. {escape(choice.label.text(lang))}{mark}")
        lines.append(f"     {bar(choice.count, top, BAR)} {choice.count}{cost}")
    summary = question.summary
    if summary is not None:
        unit = question.unit
        lines.append("  " + t("workshop.dash_median", lang, median=shown(summary.median, unit,
                                                                          lang),
                              low=shown(summary.low, unit, lang),
                              high=shown(summary.high, unit, lang)))
        edges, counts = summary.histogram.edges, summary.histogram.counts
        most = max([*counts, 1])
        truth = question.expected if question.revealed else None
        for i, count in enumerate(counts):
            inside = truth is not None and (edges[i] <= truth < edges[i + 1] or (
                i == len(counts) - 1 and truth == edges[-1]))
            label = f"{shown(edges[i], unit, lang)}–{shown(edges[i + 1], unit, lang)}"
            marker = "  ◀ " + t("workshop.dash_true", lang) if inside else ""
            lines.append(f"  {label:>21} {bar(count, most, BAR)} {count}{marker}")
    if question.revealed:
        if question.expected is not None:
            lines.append("  " + t("workshop.dash_true_value",
                                  lang, value=shown(question.expected, question.unit, lang)))
        share = question.share_correct
        if share is not None:
            lines.append("  " + t("workshop.dash_share_correct", lang,
                                  share=percent(share, lang, digits=0),
                                  correct=question.correct, count=question.answered))
    elif question.kind != "decision" and question.answered:
        lines.append("  [dim]" + t("workshop.dash_hidden", lang) + "[/dim]")
    return "\n".join(lines)


def fan_panel(fan: Fan | None, lang: Lang) -> str:
    """The room's debt month by month as p10–p90 with the median, next to the lesson's story,
    in whole yuan so that it fits the dashboard's pane at 80 columns."""
    if fan is None:
        return t("workshop.fan_empty", lang)
    lines = [f"[b]{t('workshop.fan_title', lang, paths=fan.paths)}[/b]",
             t("workshop.fan_columns", lang)]
    top = max(fan.p90 + fan.story + [1])

    def yuan(fen: int) -> str:
        return money(fen, lang, whole=True)

    for month, (low, mid, high) in enumerate(zip(fan.p10, fan.p50, fan.p90, strict=True),
                                             start=1):
        story = fan.story[month - 1] if month - 1 < len(fan.story) else None
        lines.append(f"{month:>3} {yuan(low):>8} {yuan(mid):>8} {yuan(high):>8} "
                     f"{yuan(story) if story is not None else '':>8}  {bar(mid, top, 6)}")
    return "\n".join(lines)
