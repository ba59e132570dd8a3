"""The assessment report: one document a person can print or hand over, in their language.

The whole picture and risk, each loan, the four plans (table and chart), the way out and where to
get help, then a facts sheet per loan for a lender, a counsellor or a complaint."""

from __future__ import annotations

from collections.abc import Mapping

from debtcoach.assess import (
    HELP_LINES,
    NEGOTIATION_SOURCES,
    WARNINGS,
    Assessment,
    LoanInput,
    LoanResult,
    Situation,
)
from debtcoach.i18n import Lang, money, percent, t
from debtcoach.report.blocks import (
    Bullets,
    Chart,
    Document,
    Heading,
    Links,
    Paragraph,
    Table,
    to_html,
    to_markdown,
)
from debtcoach.report.svg import Series

Sources = Mapping[str, tuple[str, str]]  # source id → (title, url), from lessons/sources.toml


def assessment_markdown(assessment: Assessment, situation: Situation, lang: Lang,
                        sources: Sources | None = None) -> str:
    return to_markdown(assessment_document(assessment, situation, lang, sources or {}))


def assessment_html(assessment: Assessment, situation: Situation, lang: Lang,
                    sources: Sources | None = None) -> str:
    return to_html(assessment_document(assessment, situation, lang, sources or {}))


def lender_name(loan: LoanResult, lang: Lang) -> str:
    return loan.lender or t("assess.unnamed", lang, n=loan.index + 1)


def next_payment_text(loan: LoanResult, lang: Lang) -> str:
    nxt = loan.next_payment
    if nxt is None:
        return t("assess.next.none", lang)
    amount = money(nxt.amount_fen, lang)
    if nxt.overdue:
        return t("assess.next.overdue", lang, amount=amount)
    if nxt.due is not None:
        return t("assess.next.dated", lang, day=nxt.due.isoformat(), amount=amount)
    return t("assess.next.numbered", lang, number=nxt.number, amount=amount)


def unknown_penalties_note(assessment: Assessment, lang: Lang,
                           names: str = "assess.plan_short") -> str | None:
    """Which plans fall behind on a loan whose penalty rate was not given: its penalties are
    counted as 0, so those plans look cheaper than they are. None when no plan does. Plans are
    named as ``names.<plan>`` says (the app's table names them its own way)."""
    shown = [t(f"{names}.{name}", lang) for name, plan in assessment.plans.items()
             if plan.behind_without_late_terms]
    if not shown:
        return None
    return t("assess.penalties_unknown", lang, plans=("、" if lang == "zh" else ", ").join(shown))


def months_text(months: int | None, lang: Lang) -> str:
    return t("assess.never", lang) if months is None else t("assess.months", lang, months=months)


def assessment_document(assessment: Assessment, situation: Situation, lang: Lang,
                        sources: Sources) -> Document:
    doc = Document(title=t("assess.title", lang), lang=lang,
                   subtitle=t("assess.as_of", lang, day=assessment.today.isoformat()),
                   footer=t("assess.footer", lang))
    _picture(doc, assessment, lang)
    _loans(doc, assessment, lang)
    _plans(doc, assessment, lang)
    _help(doc, lang, sources)
    _facts(doc, assessment, situation, lang, sources)
    return doc


def _picture(doc: Document, assessment: Assessment, lang: Lang) -> None:
    risk = assessment.risk
    share = assessment.debt_payments_to_income
    payments = money(assessment.monthly_debt_payments_fen, lang)
    lines = [
        t("assess.picture.payments", lang, payments=payments, share=percent(share, lang, 1))
        if share is not None else t("assess.picture.payments_no_income", lang, payments=payments),
        t("assess.picture.lenders", lang, count=assessment.lenders),
        t("assess.picture.owed", lang, owed=money(assessment.total_owed_fen, lang)),
        t("assess.picture.cash_out", lang, months=assessment.months_until_cash_runs_out)
        if assessment.months_until_cash_runs_out is not None
        else t("assess.picture.cash_lasts", lang, months=assessment.months),
    ]
    doc.add(Heading(t("assess.picture", lang)), Bullets(tuple(lines)),
            Paragraph(t("assess.risk", lang, level=t("assess.risk." + risk.level, lang)),
                      "strong"))
    if risk.reasons:
        doc.add(Bullets(tuple(t("assess.reason." + r, lang) for r in risk.reasons), "warn"))


def _loans(doc: Document, assessment: Assessment, lang: Lang) -> None:
    doc.add(Heading(t("assess.loans", lang)))
    if not assessment.loans:
        doc.add(Paragraph(t("assess.no_loans", lang)))
        return
    rows = []
    for loan in assessment.loans:
        advertised = loan.figures.apr_advertised
        rows.append((
            lender_name(loan, lang), percent(loan.figures.apr_nominal, lang),
            percent(advertised, lang) if advertised is not None
            else t("assess.not_advertised", lang),
            money(loan.owed_fen, lang), money(loan.cost_remaining_fen, lang),
            next_payment_text(loan, lang),
        ))
    headers = tuple(t(f"assess.col.{key}", lang) for key in (
        "lender", "apr", "advertised", "owed", "cost_remaining", "next"))
    doc.add(Table(headers, tuple(rows), (False, True, True, True, True, False)))
    doc.add(Bullets(tuple(t(
        "assess.how_rate", lang, lender=lender_name(loan, lang),
        value=percent(loan.figures.apr_nominal, lang),
        periodic=percent(loan.figures.periodic_rate, lang, digits=4),
        ppy=f"{loan.figures.periods_per_year:.4g}", received=money(loan.received_fen, lang))
        for loan in assessment.loans)))


def _plans(doc: Document, assessment: Assessment, lang: Lang) -> None:
    months = assessment.months
    doc.add(Heading(t("assess.plans", lang, months=months)))
    rows = tuple(
        (t(f"assess.plan.{name}", lang), money(plan.total_cost_fen, lang),
         months_text(plan.months_to_debt_free, lang), money(plan.debt_by_month[-1], lang))
        for name, plan in assessment.plans.items())
    headers = (t("assess.col.plan", lang), t("assess.col.total_cost", lang),
               t("assess.col.debt_free", lang), t("assess.col.debt_at", lang, months=months))
    doc.add(Table(headers, rows, (False, True, True, True)),
            Paragraph(t("assess.cost_note", lang), "note"))
    unknown = unknown_penalties_note(assessment, lang)
    if unknown is not None:
        doc.add(Paragraph(unknown, "note"))
    labels = tuple(str(m) for m in range(0, months + 1))
    start = assessment.total_owed_fen / 100
    series = tuple(
        Series(t(f"assess.plan_short.{name}", lang),
               (start, *(debt / 100 for debt in plan.debt_by_month)))
        for name, plan in assessment.plans.items())
    shown = [m for m in range(1, months + 1) if m <= 6 or m % 3 == 0 or m == months]
    fallback = Table(
        (t("sim.col.month", lang), *(t(f"assess.plan_short.{n}", lang) for n in assessment.plans)),
        tuple((str(m), *(money(plan.debt_by_month[m - 1], lang)
                         for plan in assessment.plans.values())) for m in shown),
        (True,) * (1 + len(assessment.plans)))
    doc.add(Chart(t("assess.chart", lang), labels, series, "¥", fallback))
    terms = assessment.negotiated
    waived = terms.waive_fees and terms.waive_penalties
    doc.add(Paragraph(t("assess.negotiated_terms", lang, months=terms.months,
                        cap=percent(float(terms.rate_cap.annual), lang, 0),
                        waived=t("assess.waived" if waived else "assess.not_waived", lang))),
            Paragraph(t("assess.negotiated_where", lang), "note"))


def _help(doc: Document, lang: Lang, sources: Sources) -> None:
    doc.add(Heading(t("assess.help", lang)),
            Bullets(tuple(t(item.message_key, lang) for item in HELP_LINES)),
            Bullets(tuple(t(item.message_key, lang) for item in WARNINGS), "warn"))
    ids: list[str] = []
    for item in (*HELP_LINES, *WARNINGS):
        ids += [source for source in item.sources if source not in ids]
    ids += [source for source in NEGOTIATION_SOURCES if source not in ids]
    known = tuple(sources[source] for source in ids if source in sources)
    if known:
        doc.add(Paragraph(t("assess.sources", lang), "strong"), Links(known))


def _facts(doc: Document, assessment: Assessment, situation: Situation, lang: Lang,
           sources: Sources) -> None:
    if not assessment.loans:
        return
    doc.add(Heading(t("assess.facts", lang), page_break=True),
            Paragraph(t("assess.facts_note", lang), "note"))
    for loan in assessment.loans:
        given = situation.loans[loan.index]
        doc.add(Heading(lender_name(loan, lang), level=3), _fact_table(loan, given, lang),
                _schedule_table(loan, lang))
        if given.schedule is not None:
            doc.add(Paragraph(t("assess.fact.split_estimated", lang), "note"))
        lines = tuple(
            t("assess.fact.line", lang, rate=percent(float(line.annual_rate), lang, 1),
              name=line.name_zh if lang == "zh" else line.name_en,
              scope=line.applies_to_zh if lang == "zh" else line.applies_to_en)
            + f" — {line.source}"
            for line in loan.legal_lines_crossed)
        doc.add(Bullets(lines or (t("assess.fact.no_lines", lang),), "warn" if lines else "text"))


def _fact_table(loan: LoanResult, given: LoanInput, lang: Lang) -> Table:
    figures = loan.figures
    day = loan.contract_date.isoformat()
    dated = given.start is not None or any(i.due for i in loan.instalments)
    rows = [
        (t("assess.fact.contract", lang), money(loan.contract_fen, lang)),
        (t("assess.fact.received", lang), money(loan.received_fen, lang)),
        (t("assess.fact.date", lang),
         day if dated else t("assess.fact.date_estimated", lang, day=day)),
        (t("assess.fact.instalments", lang), str(len(loan.instalments))),
        (t("assess.fact.paid", lang), str(loan.paid_instalments)),
    ]
    if given.rate is not None:
        rows.append((t("assess.fact.advertised", lang),
                     f"{given.rate.in_chinese() if lang == 'zh' else given.rate} = "
                     f"{percent(float(given.rate.annual), lang)}"))
    rows += [
        (t("assess.fact.real", lang), percent(figures.apr_nominal, lang)),
        (t("assess.fact.effective", lang), percent(figures.apr_effective, lang)),
        (t("assess.fact.total_repaid", lang),
         money(sum(i.payment for i in loan.instalments), lang)),
        (t("assess.col.owed", lang), money(loan.owed_fen, lang)),
    ]
    return Table(("", ""), tuple(rows), (False, True))


def _schedule_table(loan: LoanResult, lang: Lang) -> Table:
    rows = []
    for inst in loan.instalments:
        status = "paid" if inst.paid else "overdue" if inst.overdue else "due"
        rows.append((str(inst.number), inst.due.isoformat() if inst.due else "–",
                     money(inst.payment, lang), money(inst.principal, lang),
                     money(inst.interest + inst.fees, lang), t(f"assess.status.{status}", lang)))
    headers = tuple(t(f"assess.col.{key}", lang) for key in (
        "number", "date", "payment", "principal", "interest_fees", "status"))
    return Table(headers, tuple(rows), (True, False, True, True, True, False))
