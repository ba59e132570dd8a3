"""`debtcoach assess`: a person's own loans from a TOML file: real rates, where they lead, the
way out; as text, JSON, or a printable report (Markdown or self-contained HTML)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from debtcoach.assess import (
    MAX_PLAN_MONTHS,
    assessment_json,
    check_loans,
    load_situation,
)
from debtcoach.assess import (
    assess as run_assessment,
)
from debtcoach.cli.assess_report import print_assessment
from debtcoach.cli.common import (
    default_lessons_dir,
    lang_option,
    parse_date,
    reports_input_errors,
    resolve_lang,
    whole_number,
)
from debtcoach.errors import InputError, InputErrors
from debtcoach.i18n import Lang
from debtcoach.textfile import read_text


@click.command()
@click.argument("situation_file", type=click.Path(path_type=Path), metavar="FILE.toml")
@click.option("--months", "months_text", default="24", show_default=True,
              help=f"Months the plans are shown for (1–{MAX_PLAN_MONTHS}); each plan still runs "
              "until debt-free or 120 months.")
@click.option("--date", "date_text", help="Today's date (ISO) for dates, lines in force and "
              "instalments fallen due; default today.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--report", "report_file", type=click.Path(path_type=Path),
              metavar="FILE.html|FILE.md",
              help="Also write a printable report: self-contained HTML or Markdown.")
@lang_option
@reports_input_errors
def assess(
    situation_file: Path, months_text: str, date_text: str | None, as_json: bool,
    report_file: Path | None, lang: Lang | None,
) -> None:
    """Your own loans: what they really cost, where they lead, and the way out."""
    lang = resolve_lang(lang)
    months = whole_number(months_text, "--months", 1, MAX_PLAN_MONTHS, "number_max")
    today = parse_date(date_text)
    if report_file is not None and report_file.suffix.lower() not in (".html", ".htm", ".md"):
        raise InputError("--report", "report_suffix", value=report_file.name)
    source = str(situation_file)
    situation = load_situation(read_text(situation_file), source)
    problems = check_loans(situation, today, f"{source}:")
    if problems:
        raise InputErrors(problems)
    assessment = run_assessment(situation, today, months)
    if report_file is not None:
        from debtcoach.report import assessment_html, assessment_markdown

        render = assessment_markdown if report_file.suffix.lower() == ".md" else assessment_html
        _write(report_file, render(assessment, situation, lang, _sources()))
    if as_json:
        click.echo(json.dumps(assessment_json(assessment), ensure_ascii=False, indent=2))
    else:
        print_assessment(assessment, lang)


def _sources() -> dict[str, tuple[str, str]]:
    """Titles and addresses of the sources the report cites (lessons/sources.toml)."""
    from debtcoach.lessons.loader import load_sources

    try:
        found = load_sources(default_lessons_dir())
    except (InputError, InputErrors):
        return {}
    return {key: (source.title, source.url) for key, source in found.items()}


def _write(path: Path, text: str) -> None:
    """Write the report for the person only (0600): it holds their finances."""
    try:
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError("--report", "file_unwritable", detail=exc.strerror or str(exc)) from None
