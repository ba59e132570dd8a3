"""Self-assessment: the person enters their own loans and sees what they really cost, where they
lead and the way out.

A thin shell: the form's text goes to :mod:`.assess_form` (checks, with each problem placed on
its field) and the core's :func:`debtcoach.assess.assess` runs in a thread worker after every
change. Each change bumps a generation number; a result computed for an older generation is
dropped, so what is shown always belongs to what is typed. Nothing is saved unless the person
presses Save; nothing ever leaves the machine.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Select,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual_plotext import PlotextPlot

from debtcoach.assess import PLAN_NAMES, Assessment, LoanResult, PlanName, Situation, assess
from debtcoach.errors import InputError
from debtcoach.i18n import Lang, money, percent, t
from debtcoach.report.assessment import unknown_penalties_note
from debtcoach.store.assessments import (
    delete_assessment,
    load_assessment,
    save_assessment,
    saved_assessments,
)
from debtcoach.ui.keys import localize_bindings
from debtcoach.ui.screens.assess_form import (
    MAX_FORM_LOANS,
    PERSON_FIELDS,
    REPAYMENTS,
    TEMPLATE_IDS,
    Form,
    LoanRow,
    field_id,
    from_template,
)
from debtcoach.ui.screens.confirm import ConfirmScreen
from debtcoach.ui.widgets.footer import CalmFooter

if TYPE_CHECKING:
    from debtcoach.ui.app import DebtCoachApp

LOAN_TEXT_FIELDS = ("amount", "received", "term", "rate", "upfront_fee", "service_fee",
                    "paid_instalments", "days_overdue", "penalty_rate")
PLAN_ONLY = ("schedule",)
TERMS_ONLY = ("amount", "term", "rate", "repayment", "upfront_fee", "service_fee")


def _field(prefix: str, name: str, widget: Widget) -> ComposeResult:
    """A label, the input, and a line below it for what is wrong and what is allowed."""
    with Horizontal(classes=f"field field-{name}", id=f"{prefix}-{name}-line"):
        yield Label(id=f"{prefix}-{name}-label", classes="field-label")
        yield widget
    yield Static(id=f"{prefix}-{name}-error", classes=f"field-error field-{name}")


class _Item(NamedTuple):
    """A marked line; wrapped lines of its text stay under the text, not under the mark."""

    mark: str
    text: str
    lang: Lang
    style: str = ""


def _shown(lines: list[str | _Item]) -> Group:
    """Markup lines as text and marked lines as a mark beside its text (Chinese without a space
    after the mark, as Chinese is set)."""
    parts: list[RenderableType] = []
    run: list[str] = []
    for line in [*lines, None]:
        if isinstance(line, str):
            run.append(line)
            continue
        if run:
            parts.append(Text.from_markup("\n".join(run)))
            run = []
        if line is not None:
            grid = Table.grid(padding=(0, 0 if line.lang == "zh" else 1, 0, 0))
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1, overflow="fold")  # never cut a word
            grid.add_row(Text(line.mark), Text(line.text, style=line.style))
            parts.append(grid)
    return Group(*parts)


def _relabel_select(select: Select[str], options: list[tuple[str, str]]) -> None:
    """New labels, same choice. Setting the same value again would not redraw the label, so
    pass through another option first, silently."""
    value = select.value
    select.set_options(options)
    other = next(option for _, option in options if option != value)
    with select.prevent(Select.Changed):
        select.value = other
        select.value = value


class LoanRowView(Vertical):
    """One loan of the form: switch, lender, how it is described, and its fields."""

    def __init__(self, index: int, row: LoanRow) -> None:
        super().__init__(id=f"loan-{index}",
                         classes="loan plan-mode" if row.mode == "plan" else "loan")
        self.index = index
        self.row = row

    def compose(self) -> ComposeResult:
        prefix, row = f"loan-{self.index}", self.row
        with Horizontal(classes="loan-top"):
            yield Checkbox(value=row.enabled, id=f"{prefix}-enabled", compact=True)
            yield Input(row.lender, id=f"{prefix}-lender", compact=True, max_length=60)
            yield Select([("", "terms"), ("", "plan")], value=row.mode, allow_blank=False,
                         id=f"{prefix}-mode", compact=True)
        for name in LOAN_TEXT_FIELDS:
            yield from _field(prefix, name, Input(row.value(name), id=f"{prefix}-{name}",
                                                  compact=True))
            if name == "rate":
                yield from _field(prefix, "repayment", Select(
                    [(name, name) for name in REPAYMENTS],
                    value=row.value("repayment") if row.value("repayment") in REPAYMENTS
                    else REPAYMENTS[0], allow_blank=False, id=f"{prefix}-repayment",
                    compact=True))
        yield from _field(prefix, "schedule", TextArea(row.schedule, id=f"{prefix}-schedule",
                                                       compact=True, soft_wrap=False))
        with Horizontal(classes="loan-flags"):
            yield Checkbox(value=row.to_repay_other_loans, id=f"{prefix}-to_repay",
                           compact=True)
            yield Checkbox(value=row.kind == "credit-card", id=f"{prefix}-card", compact=True)
        yield Static(id=f"{prefix}-error", classes="field-error")

    def read(self) -> LoanRow:
        prefix = f"loan-{self.index}"
        fields = {name: self.query_one(f"#{prefix}-{name}", Input).value
                  for name in LOAN_TEXT_FIELDS}
        repayment = self.query_one(f"#{prefix}-repayment", Select).value
        fields["repayment"] = repayment if isinstance(repayment, str) else REPAYMENTS[0]
        mode = self.query_one(f"#{prefix}-mode", Select).value
        return LoanRow(
            lender=self.query_one(f"#{prefix}-lender", Input).value,
            enabled=self.query_one(f"#{prefix}-enabled", Checkbox).value,
            mode="plan" if mode == "plan" else "terms",
            kind="credit-card" if self.query_one(f"#{prefix}-card", Checkbox).value else "loan",
            to_repay_other_loans=self.query_one(f"#{prefix}-to_repay", Checkbox).value,
            fields={name: text for name, text in fields.items() if text},
            schedule=self.query_one(f"#{prefix}-schedule", TextArea).text,
        )

    def relabel(self, lang: Lang) -> None:
        prefix = f"loan-{self.index}"
        self.border_title = t("assess.ui.loan_title", lang, number=self.index + 1)
        self.label_flags(lang)
        self.query_one(f"#{prefix}-lender", Input).placeholder = t("assess.ui.lender", lang)
        _relabel_select(self.query_one(f"#{prefix}-mode", Select),
                        [(t("assess.ui.mode.terms", lang), "terms"),
                         (t("assess.ui.mode.plan", lang), "plan")])
        for name in (*LOAN_TEXT_FIELDS, "repayment", "schedule"):
            self.query_one(f"#{prefix}-{name}-label", Label).update(
                t(f"assess.ui.field.{name}", lang))
            widget = self.query_one(f"#{prefix}-{name}")
            if isinstance(widget, Input):
                widget.placeholder = t(f"assess.ui.hint.{name}", lang)
        self.query_one(f"#{prefix}-schedule", TextArea).placeholder = t(
            "assess.ui.hint.schedule", lang)
        _relabel_select(self.query_one(f"#{prefix}-repayment", Select),
                        [(t(f"assess.ui.repayment.{name}", lang), name) for name in REPAYMENTS])

    def label_flags(self, lang: Lang) -> None:
        """Tick boxes say yes or no in words: their mark differs only by colour."""
        for name, key in (("enabled", "assess.ui.enabled"), ("to_repay", "assess.ui.to_repay"),
                          ("card", "assess.ui.card")):
            box = self.query_one(f"#loan-{self.index}-{name}", Checkbox)
            box.label = t("assess.ui.flag", lang, name=t(key, lang),
                          state=t("assess.ui.yes" if box.value else "assess.ui.no", lang))


# A different mark per plan (colour alone must not tell them apart), as plotext draws it.
PLAN_MARKERS = (("braille", "⢕⢕"), ("x", "xx"), ("+", "++"), ("o", "oo"))


def plans_legend(lang: Lang) -> str:
    """The chart's legend, outside it: plotext counts a Chinese character as one column, so a
    legend inside the chart pushes its frame out of line."""
    return "   ".join(f"{shown} {t(f'assess.ui.plan.{name.value}', lang)}"
                       for name, (_, shown) in zip(PLAN_NAMES, PLAN_MARKERS, strict=True))


class PlansChart(PlotextPlot):
    """Month-end debt of the four plans, one line each (the legend is ``plans_legend``)."""

    def show(self, assessment: Assessment) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        months = list(range(1, assessment.months + 1))
        top = 0
        for name, (marker, _) in zip(PLAN_NAMES, PLAN_MARKERS, strict=True):
            debts = list(assessment.plans[name].debt_by_month)
            top = max([top, *debts])
            plt.plot(months, [d / 100 for d in debts], marker=marker)
        plt.xlim(0.5, len(months) + 0.5)
        plt.xticks([1, *range(6, len(months) + 1, 6)])  # whole months, not the limits' halves
        plt.ylim(0, top / 100 * 1.1 or 1)
        plt.yticks([0, top / 100], ["0", f"{top / 100:,.0f}"])
        self.refresh()


class AssessScreen(Screen[None]):
    CSS_PATH = "assess.tcss"
    AUTO_FOCUS = "#person-monthly_income"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", "Home", id="home"),
        Binding("ctrl+s", "save", "Save", id="assess.ui.save"),
    ]

    class Shown(Message):
        """New results are on screen (tests and the worker's stale guard meet here)."""

        def __init__(self, generation: int) -> None:
            super().__init__()
            self.generation = generation

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()
        self.generation = 0
        self.shown_generation = -1
        self.assessment: Assessment | None = None
        self.errors: list[InputError] = []
        self.saved_id: int | None = None
        self.kept_form: dict[str, Any] = {}  # the form as last opened or saved
        self._loading = False

    @property
    def coach(self) -> DebtCoachApp:
        return cast("DebtCoachApp", self.app)

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        yield Static(id="summary")
        with TabbedContent(id="tabs"):
            with TabPane("", id="tab-form"), VerticalScroll(id="form"):
                yield Static(id="privacy", classes="note")
                yield Static(id="person-heading", classes="section")
                for name in PERSON_FIELDS:
                    yield from _field("person", name, Input(id=f"person-{name}", compact=True))
                yield Vertical(id="loans")
                with Horizontal(id="add-buttons"):
                    yield Button(id="add-loan", compact=True)
                    yield Button(id="add-plan", compact=True)
                    for template_id in TEMPLATE_IDS:
                        yield Button(id=f"tpl-{template_id.replace('.', '_')}", compact=True,
                                     classes="template")
                yield Static(id="form-error", classes="field-error")
                with Horizontal(id="save-row"):
                    yield Input(id="save-name", compact=True, max_length=60)
                    yield Button(id="save", compact=True, variant="primary")
                with Horizontal(id="open-row"):
                    yield Select([], id="open-saved", compact=True)
                    yield Button(id="delete-saved", compact=True, variant="error")
                yield Static(id="save-message", classes="note")
            with TabPane("", id="tab-results"), VerticalScroll():
                yield Static(id="results")
            with TabPane("", id="tab-plans"), VerticalScroll():
                yield Static(id="plans-table")
                if not self.coach.settings.plain:
                    yield Static(id="plans-legend")
                    yield PlansChart(id="plans-chart")
                yield Static(id="plans-note", classes="note")
            with TabPane("", id="tab-next"), VerticalScroll():
                yield Static(id="next-steps")
        yield CalmFooter()

    async def on_mount(self) -> None:
        self.query_one("#save-name", Input).value = t(
            "assess.ui.default_name", self.coach.lang, date=self.today.isoformat())
        await self.load_form(Form())
        self.relabel()

    def relabel(self) -> None:
        app, lang = self.coach, self.coach.lang
        localize_bindings(self, lang)
        self.query_one("#heading", Static).update(app.t("assess.ui.title"))
        tabs = self.query_one("#tabs", TabbedContent)
        for pane in ("form", "results", "plans", "next"):
            tabs.get_tab(f"tab-{pane}").label = app.t(f"assess.ui.tab.{pane}")
        self.query_one("#privacy", Static).update(app.t("assess.ui.privacy"))
        self.query_one("#person-heading", Static).update(app.t("assess.ui.person"))
        for name in PERSON_FIELDS:
            self.query_one(f"#person-{name}-label", Label).update(
                app.t(f"assess.ui.field.{name}"))
            self.query_one(f"#person-{name}", Input).placeholder = app.t("assess.ui.hint.money")
        for view in self.query(LoanRowView):
            view.relabel(lang)
        self.query_one("#add-loan", Button).label = app.t("assess.ui.add_loan")
        self.query_one("#add-plan", Button).label = app.t("assess.ui.add_plan")
        for template_id in TEMPLATE_IDS:
            self.query_one(f"#tpl-{template_id.replace('.', '_')}", Button).label = app.t(
                f"assess.ui.template.{template_id}")
        self.query_one("#save", Button).label = app.t("assess.ui.save")
        self.query_one("#save-name", Input).placeholder = app.t("assess.ui.save_name")
        self.query_one("#delete-saved", Button).label = app.t("assess.ui.delete_saved")
        self.refresh_saved()
        self.show_errors()
        self.render_results()

    # --- the form ----------------------------------------------------------------------------

    async def load_form(self, form: Form) -> None:
        """Replace the form's content (a new form, or a saved one reopened)."""
        self._loading = True
        for name in PERSON_FIELDS:
            self.query_one(f"#person-{name}", Input).value = form.person.get(name, "")
        loans = self.query_one("#loans", Vertical)
        await loans.remove_children()
        await loans.mount_all([LoanRowView(index, row) for index, row in enumerate(form.loans)])
        for view in self.query(LoanRowView):
            view.relabel(self.coach.lang)
        self._loading = False
        self.kept_form = self.read_form().to_json()
        self.changed()

    def unsaved_changes(self) -> bool:
        """Whether the form holds something typed since it was opened or last saved (leaving
        then asks first: nothing typed is thrown away without a word)."""
        return self.is_mounted and self.read_form().to_json() != self.kept_form

    def read_form(self) -> Form:
        person = {name: self.query_one(f"#person-{name}", Input).value for name in PERSON_FIELDS}
        return Form(person, [view.read() for view in self.query(LoanRowView)])

    async def add_loan(self, row: LoanRow) -> None:
        loans = self.query_one("#loans", Vertical)
        count = len(self.query(LoanRowView))
        if count >= MAX_FORM_LOANS:
            self.query_one("#form-error", Static).update(
                self.coach.t("assess.ui.too_many", limit=MAX_FORM_LOANS))
            return
        view = LoanRowView(count, row)
        await loans.mount(view)
        view.relabel(self.coach.lang)
        self.changed()
        first = f"#loan-{count}-schedule" if row.mode == "plan" else f"#loan-{count}-lender"
        self.query_one(first).focus()
        view.scroll_visible(animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "save-name":
            self.changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.changed()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        for view in event.checkbox.ancestors:
            if isinstance(view, LoanRowView):
                view.label_flags(self.coach.lang)
        self.changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        select_id = event.select.id or ""
        if select_id == "open-saved":
            if isinstance(event.value, int):
                self.open_when_sure(event.value)
            return
        if select_id.endswith("-mode"):
            view = event.select.parent
            while view is not None and not isinstance(view, LoanRowView):
                view = view.parent
            if isinstance(view, LoanRowView):
                view.set_class(event.select.value == "plan", "plan-mode")
        self.changed()

    def changed(self) -> None:
        """Something was typed: check every field at once, and recompute in the background."""
        if self._loading or not self.is_mounted:
            return
        self.generation += 1
        situation, self.errors = self.read_form().check(self.today)
        self.show_errors()
        if situation is not None and situation.active_loans():
            self.compute(situation, self.generation)
        else:
            self.assessment = None
            self.render_results()

    def show_errors(self) -> None:
        """Each problem under its field, in words that say what is allowed."""
        lang = self.coach.lang
        for line in self.query(".field-error"):
            cast(Static, line).update("")
            line.display = False
        for error in self.errors:
            target = field_id(error.field)
            found = self.query(f"#{target}-error")
            if not found:
                loan = target.split("-")[:2]
                found = self.query(f"#{'-'.join(loan)}-error") if target.startswith("loan-") \
                    else self.query("#form-error")
            if not found:
                found = self.query("#form-error")
            line = cast(Static, found.first())
            message = "✗ " + escape(t(f"error.{error.code}", lang, **error.params))
            where = error.field.split(":", 1)[1] if ":" in error.field else ""
            if where:
                message = "✗ " + escape(t("assess.ui.line", lang, line=where)) + message[1:]
            previous = str(line.content) if line.display else ""
            line.update(f"{previous}\n{message}" if previous else message)
            line.display = True

    # --- computing ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="assess", exit_on_error=False)
    def compute(self, situation: Situation, generation: int) -> None:
        """The whole assessment, off the UI thread; an older generation's result is dropped."""
        try:
            result: Assessment | InputError = assess(situation, self.today)
        except InputError as error:
            result = error
        self.app.call_from_thread(self.computed, result, generation)

    def computed(self, result: Assessment | InputError, generation: int) -> None:
        if generation != self.generation:
            return  # stale: the form changed while this was computed
        if isinstance(result, InputError):
            self.errors = [result]
            self.show_errors()
            self.assessment = None
        else:
            self.assessment = result
        self.shown_generation = generation
        self.render_results()
        self.post_message(self.Shown(generation))

    # --- results -----------------------------------------------------------------------------

    def render_results(self) -> None:
        app, lang = self.coach, self.coach.lang
        result = self.assessment
        summary = self.query_one("#summary", Static)
        if result is None:
            key = "assess.ui.fix_fields" if self.errors else "assess.ui.empty"
            text = app.t(key, count=len(self.errors))
            summary.update(text)
            for name in ("results", "plans-table", "next-steps"):
                self.query_one(f"#{name}", Static).update(text)
            self.query_one("#plans-note", Static).update("")
            for chart in self.query("#plans-legend, #plans-chart"):
                chart.display = False
            return
        summary.update(self.summary_line(result, lang))
        self.query_one("#results", Static).update(_shown(self.results_text(result, lang)))
        self.query_one("#plans-table", Static).update(self.plans_table(result, lang))
        unknown = unknown_penalties_note(result, lang, "assess.ui.plan")
        note: list[str | _Item] = [escape(app.t("assess.ui.plans_note"))]
        if unknown is not None:
            note += ["", _Item("⚠", unknown, lang)]
        self.query_one("#plans-note", Static).update(_shown(note))
        for chart in self.query("#plans-legend, #plans-chart"):
            chart.display = True
        for legend in self.query("#plans-legend"):
            cast(Static, legend).update(plans_legend(lang))
        for chart in self.query(PlansChart):
            chart.show(result)
        self.query_one("#next-steps", Static).update(_shown(self.next_steps(result, lang)))

    def summary_line(self, result: Assessment, lang: Lang) -> str:
        risk = t(f"assess.ui.risk.{result.risk.level.value}", lang)
        ratio = (percent(result.debt_payments_to_income, lang, 0)
                 if result.debt_payments_to_income is not None else "–")
        return t("assess.ui.summary", lang, risk=risk, ratio=ratio, lenders=result.lenders,
                 owed=money(result.total_owed_fen, lang))

    def results_text(self, result: Assessment, lang: Lang) -> list[str | _Item]:
        lines: list[str | _Item] = [f"[b]{escape(t('assess.ui.whole', lang))}[/b]"]
        ratio = (percent(result.debt_payments_to_income, lang, 0)
                 if result.debt_payments_to_income is not None else "–")
        lines.append(t("assess.ui.payments", lang, payments=money(
            result.monthly_debt_payments_fen, lang), ratio=ratio,
            income=money(result.monthly_income_fen, lang)))
        lines.append(t("assess.ui.lenders", lang, lenders=result.lenders,
                       owed=money(result.total_owed_fen, lang)))
        cash = result.months_until_cash_runs_out
        lines.append(t("assess.ui.cash_out", lang, month=cash) if cash is not None
                     else t("assess.ui.cash_ok", lang, months=result.months))
        lines.append("")
        level = t(f"assess.ui.risk.{result.risk.level.value}", lang)
        lines.append(f"[b]{escape(t('assess.ui.risk_line', lang, level=level))}[/b]")
        for reason in result.risk.reasons or ("none",):
            lines.append(_Item("  •", t(f"assess.ui.reason.{reason}", lang), lang))
        for loan in result.loans:
            lines.append("")
            lines += self.loan_lines(loan, lang)
        return lines

    def loan_lines(self, loan: LoanResult, lang: Lang) -> list[str | _Item]:
        figures = loan.figures
        name = loan.lender or t("assess.ui.loan_title", lang, number=loan.index + 1)
        lines: list[str | _Item] = [f"[b]{escape(name)}[/b]"]
        lines.append(escape(t("assess.ui.real_rate", lang, apr=percent(figures.apr_nominal, lang),
                              advertised=percent(figures.apr_advertised, lang)
                              if figures.apr_advertised is not None else "–",
                              effective=percent(figures.apr_effective, lang))))
        per_year = f"{figures.periods_per_year:g}"
        lines.append("[dim]" + escape(t(
            "assess.ui.formula", lang, received=money(loan.received_fen, lang),
            count=len(loan.instalments), r=percent(figures.periodic_rate, lang),
            n=per_year, apr=percent(figures.apr_nominal, lang))) + "[/dim]")
        lines.append(escape(t("assess.ui.cost", lang, cost=money(loan.cost_remaining_fen, lang),
                              owed=money(loan.owed_fen, lang))))
        nxt = loan.next_payment
        if nxt is None:
            lines.append(escape(t("assess.ui.no_next", lang)))
        else:
            when = nxt.due.isoformat() if nxt.due else t("assess.ui.instalment", lang,
                                                            number=nxt.number)
            key = "assess.ui.next_overdue" if nxt.overdue else "assess.ui.next"
            lines.append(escape(t(key, lang, when=when, amount=money(nxt.amount_fen, lang))))
        if loan.legal_lines_crossed:
            lines.append(escape(t("assess.ui.lines", lang, date=loan.contract_date.isoformat())))
            for line in loan.legal_lines_crossed:
                title = line.name_zh if lang == "zh" else line.name_en
                lines.append(_Item("  ⚠", t("assess.ui.line_item", lang, name=title,
                                             rate=percent(line.annual_rate, lang, 1),
                                             since=line.start.isoformat()), lang))
                applies = line.applies_to_zh if lang == "zh" else line.applies_to_en
                lines.append(_Item("   ", f"{applies} · {line.source}", lang, "dim"))
        else:
            lines.append(escape(t("assess.ui.no_lines", lang)))
        return lines

    def plans_table(self, result: Assessment, lang: Lang) -> Table:
        table = Table(box=None if self.coach.settings.plain else box.SIMPLE_HEAD,
                      pad_edge=False, show_edge=False)
        table.add_column("")
        for name in PLAN_NAMES:
            table.add_column(t(f"assess.ui.plan.{name.value}", lang), justify="right")
        plans = [result.plans[name] for name in PLAN_NAMES]
        table.add_row(t("assess.ui.row.cost", lang),
                      *[money(plan.total_cost_fen, lang) for plan in plans])
        table.add_row(t("assess.ui.row.free", lang), *[
            t("assess.ui.months", lang, months=plan.months_to_debt_free)
            if plan.months_to_debt_free is not None else t("assess.ui.never", lang)
            for plan in plans])
        marks = sorted({m for m in (6, 12, result.months) if m <= result.months})
        for month in marks:
            table.add_row(t("assess.ui.row.debt", lang, month=month),
                          *[money(plan.debt_by_month[month - 1], lang) for plan in plans])
        table.add_row(t("assess.ui.row.new_loans", lang), *[str(plan.new_loans) for plan in plans])
        return table

    def next_steps(self, result: Assessment, lang: Lang) -> list[str | _Item]:
        steps: list[str] = []
        keep, best = result.plans[PlanName.KEEP_GOING], result.plans[PlanName.AVALANCHE]
        if keep.new_loans or "borrowed_to_repay" in result.risk.reasons:
            steps.append(t("assess.ui.step.stop", lang))
        saving = keep.total_cost_fen - best.total_cost_fen
        if saving > 0:
            steps.append(t("assess.ui.step.avalanche", lang, saving=money(saving, lang)))
        if any(loan.legal_lines_crossed for loan in result.loans):
            steps.append(t("assess.ui.step.lines", lang))
        steps.append(t("assess.ui.step.negotiate", lang))
        lines: list[str | _Item] = [f"[b]{escape(t('assess.ui.next_title', lang))}[/b]"]
        lines += [_Item(f"{number}.", step, lang) for number, step in enumerate(steps, start=1)]
        lines += ["", f"[b]{escape(t('assess.ui.help_title', lang))}[/b]"]
        for line_id in ("12378", "12363", "96110", "110"):
            lines.append(_Item("  ☎", t(f"assess.ui.help.{line_id}", lang), lang))
        lines += ["", _Item("⚠", t("assess.ui.warn_agents", lang), lang)]
        return lines

    # --- saving ------------------------------------------------------------------------------

    def refresh_saved(self) -> None:
        select = self.query_one("#open-saved", Select)
        saved = saved_assessments(self.coach.store)
        select.set_options([(f"{item.name} · {item.saved_at.astimezone():%Y-%m-%d %H:%M}",
                             item.id) for item in saved])
        select.prompt = self.coach.t("assess.ui.open_saved" if saved else "assess.ui.none_saved")
        self.query_one("#delete-saved", Button).disabled = self.saved_id is None

    def action_save(self) -> None:
        app = self.coach
        name = self.query_one("#save-name", Input).value.strip() or app.t(
            "assess.ui.default_name", date=self.today.isoformat())
        form = self.read_form().to_json()
        self.saved_id = save_assessment(app.store, name, form, self.saved_id)
        self.kept_form = form
        self.query_one("#save-message", Static).update(app.t("assess.ui.saved", name=name))
        self.refresh_saved()

    def open_when_sure(self, assessment_id: int) -> None:
        """Open a saved assessment, asking first if that would drop unsaved changes (the list
        goes back to its prompt if the person stays)."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.run_worker(self.open_saved(assessment_id), exclusive=True, group="open")
            else:
                self.query_one("#open-saved", Select).clear()

        if self.unsaved_changes():
            self.app.push_screen(ConfirmScreen(self.coach.t("assess.ui.confirm_open")), answer)
        else:
            answer(True)

    async def open_saved(self, assessment_id: int) -> None:
        saved = load_assessment(self.coach.store, assessment_id)
        if saved is None:
            return
        self.saved_id = saved.id
        self.query_one("#save-name", Input).value = saved.name
        await self.load_form(Form.from_json(saved.form))
        self.query_one("#save-message", Static).update(
            self.coach.t("assess.ui.opened", name=saved.name))
        self.query_one("#delete-saved", Button).disabled = False

    def confirm_delete(self) -> None:
        if self.saved_id is None:
            return
        app = self.coach
        saved_id = self.saved_id

        def delete(yes: bool | None) -> None:
            if yes:
                delete_assessment(app.store, saved_id)
                self.saved_id = None
                self.query_one("#save-message", Static).update(app.t("assess.ui.deleted"))
                self.refresh_saved()

        app.push_screen(ConfirmScreen(app.t("assess.ui.confirm_delete")), delete)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button == "add-loan":
            await self.add_loan(LoanRow())
        elif button == "add-plan":
            await self.add_loan(LoanRow(mode="plan"))
        elif button.startswith("tpl-"):
            template_id = next(tid for tid in TEMPLATE_IDS
                               if f"tpl-{tid.replace('.', '_')}" == button)
            await self.add_loan(from_template(template_id, self.coach.lang))
        elif button == "save":
            self.action_save()
        elif button == "delete-saved":
            self.confirm_delete()

    def action_home(self) -> None:
        """Home, asking first if that would drop unsaved changes."""

        def leave(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        if self.unsaved_changes():
            self.app.push_screen(ConfirmScreen(self.coach.t("assess.ui.confirm_leave")), leave)
        else:
            leave(True)
