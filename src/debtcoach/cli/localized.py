"""Help pages and usage errors in the chosen language.

click writes both in English. In Chinese each help text is looked up in ``CLI_ZH`` by its English
(as gettext does, so the English stays beside the option it describes), click's own words (Usage,
Options, Error, …) are replaced. The usage errors a person meets (an unknown option or command,
a missing value, a value not allowed) are said as our own errors are, in either language.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import click

from debtcoach.i18n import Lang, detect_lang, t
from debtcoach.i18n.messages_cli import CLI_ZH

LANG_KEY = "debtcoach.lang"  # in ctx.meta, which every context of one command line shares
# The --lang of the command line being run, for errors raised without a context (the parser's);
# LocalizedGroup.main clears it for each command line.
_chosen: dict[str, Lang] = {}
USAGE_WORDS_ZH = (("[OPTIONS]", "[选项]"), ("COMMAND", "命令"), ("[ARGS]...", "[参数]..."))
# click.Path's complaints: "Directory '/etc/passwd' is a file."
_PATH_PROBLEM = re.compile(r"^(?:File|Directory|Path) '(?P<path>.*)' (?P<problem>does not exist|"
                           r"is a file|is a directory|is not readable|is not writable|"
                           r"is not executable)\.$", re.S)
_NOTE = re.compile(r"^(?P<text>.*?)(?:\s+\[(?P<note>[^\]]*)\])?$", re.S)


def remember_lang(ctx: click.Context, _param: click.Parameter, value: Lang | None
                  ) -> Lang | None:
    """``--lang``'s callback: it is eager, so a help page or a usage error later on the same
    command line is in that language."""
    if value:
        ctx.meta[LANG_KEY] = _chosen[LANG_KEY] = value
    return value


def lang_of(ctx: click.Context | None) -> Lang:
    chosen = ctx.meta.get(LANG_KEY) if ctx is not None else _chosen.get(LANG_KEY)
    return chosen if chosen in ("zh", "en") else detect_lang()


def in_chinese(text: str) -> str:
    """A help text in Chinese: the whole text, or a text with click's ``[default: …]`` or
    ``[required]`` note, or a command's short help (click cuts it with "...")."""
    if text in CLI_ZH:
        return CLI_ZH[text]
    match = _NOTE.match(text)
    if match and match["note"] is not None and match["text"] in CLI_ZH:
        note = match["note"]
        for english, chinese in (("default: ", "默认："), ("required", "必填")):
            note = note.replace(english, chinese)
        return f"{CLI_ZH[match['text']]}［{note}］"
    if text.endswith("..."):
        found = [zh for en, zh in CLI_ZH.items() if en.startswith(text[:-3])]
        if len(found) == 1:
            return found[0].split("。")[0] + ("。" if "。" in found[0] else "")
    return text


class LocalizedFormatter(click.HelpFormatter):
    def __init__(self, lang: Lang, **settings: Any) -> None:
        super().__init__(**settings)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.lang == "zh":
            for english, chinese in USAGE_WORDS_ZH:
                args = args.replace(english, chinese)
            prefix = "用法：" if prefix is None else prefix
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if self.lang != "zh":
            super().write_heading(heading)
        else:
            self.write(f"{'':>{self.current_indent}}{in_chinese(heading)}：\n")

    def write_text(self, text: str) -> None:
        super().write_text(in_chinese(text) if self.lang == "zh" else text)

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        if self.lang == "zh":
            rows = [(term, in_chinese(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class LocalizedContext(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        return LocalizedFormatter(lang_of(self), width=self.terminal_width,
                                  max_width=self.max_content_width)


class LocalizedGroup(click.Group):
    """The root command: help pages and usage errors of every command below it in the chosen
    language."""

    context_class = LocalizedContext

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        _chosen.clear()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            returned = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            show_error(error)
        except click.Abort:
            click.echo(t("cli.aborted", lang_of(None)), err=True)
            sys.exit(1)
        sys.exit(returned if isinstance(returned, int) else 0)


def localize(command: click.Command) -> None:
    """Give every command below ``command`` the localized context (help, usage errors)."""
    command.context_class = LocalizedContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localize(sub)


def show_error(error: click.ClickException) -> NoReturn:
    """A usage error the way our own errors read, in the chosen language: the usage, how to get
    help, then what was wrong; exits with click's code (2)."""
    ctx = getattr(error, "ctx", None)
    lang = lang_of(ctx)
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        help_names = ctx.command.get_help_option_names(ctx)
        if help_names:
            click.echo(t("cli.try_help", lang,
                         command=f"{ctx.command_path} {max(help_names, key=len)}") + "\n",
                       err=True)
    click.echo(t("cli.error", lang, message=usage_message(error, lang)), err=True)
    sys.exit(error.exit_code)


def usage_message(error: click.ClickException, lang: Lang) -> str:
    """What was wrong, where and what is allowed; click's own words for a case not listed
    here."""
    if isinstance(error, click.NoSuchOption):
        return _with_possibilities(t("cli.no_such_option", lang, option=error.option_name),
                                   error.possibilities, lang)
    if isinstance(error, click.exceptions.NoSuchCommand):
        return _with_possibilities(t("cli.no_such_command", lang, command=error.command_name),
                                   error.possibilities, lang)
    if isinstance(error, click.BadOptionUsage):
        english = error.format_message()
        if "requires" in english:
            return t("cli.needs_value", lang, option=error.option_name)
        if "does not take a value" in english:
            return t("cli.takes_no_value", lang, option=error.option_name)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        key = "cli.missing_argument" if error.param.param_type_name == "argument" \
            else "cli.missing_option"
        return t(key, lang, name=_hint(error))
    if isinstance(error, click.BadParameter) and error.param is not None:
        hint = _hint(error)
        if isinstance(error.param.type, click.Choice):
            separator = "、" if lang == "zh" else ", "
            allowed = separator.join(str(choice) for choice in error.param.type.choices)
            return t("cli.choose_one", lang, name=hint, allowed=allowed)
        path = _PATH_PROBLEM.match(error.message)
        if path:
            return t("cli.bad_value", lang, name=hint, message=f"{path['path']} "
                     + t(f"cli.path.{path['problem'].replace(' ', '_')}", lang))
        return t("cli.bad_value", lang, name=hint, message=error.message)
    extra = re.match(r"Got unexpected extra arguments? \((?P<args>.*)\)", error.message)
    if extra:
        return t("cli.extra_arguments", lang, args=extra["args"])
    return error.format_message()


def _hint(error: click.BadParameter) -> str:
    assert error.param is not None
    hints = error.param.opts if error.param.param_type_name == "option" else [
        error.param.human_readable_name]
    return " / ".join(hints)


def _with_possibilities(message: str, possibilities: Iterable[str] | None, lang: Lang) -> str:
    found = sorted(possibilities or [])
    names = ("、" if lang == "zh" else ", ").join(found)
    return message + (t("cli.did_you_mean", lang, names=names) if found else "")
