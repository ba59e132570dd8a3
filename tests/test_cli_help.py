"""The command line's help pages and usage errors in the language asked for: every help text of
every command has its Chinese, a help page in Chinese has no English sentence left, and the usage
errors people meet say what was wrong in Chinese, with exit code 2."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from collections.abc import Iterator

import click
import pytest
from click.testing import CliRunner

from debtcoach.cli import cli
from debtcoach.i18n.messages_cli import CLI_ZH

CLICKS_OWN = {"Options", "Commands", "Show this message and exit.", "Show the version and exit."}


def commands(command: click.Command = cli, path: tuple[str, ...] = ("debtcoach",)
             ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))


def help_texts() -> set[str]:
    texts = set()
    for path, command in commands():
        ctx = click.Context(command, info_name=path[-1])
        texts.add(inspect.cleandoc(command.help or ""))  # as click shows it
        texts |= {param.help for param in command.get_params(ctx)
                  if isinstance(param, click.Option) and param.help}
    return texts - {""}


def test_every_help_text_has_its_chinese_and_no_other_is_kept() -> None:
    texts = help_texts()
    assert texts - set(CLI_ZH) == set()
    assert set(CLI_ZH) - texts - CLICKS_OWN == set()
    assert all(chinese.strip() and chinese != english for english, chinese in CLI_ZH.items())


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """As a person runs it: a new process, an English environment (the flag decides)."""
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "debtcoach", *args], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.mark.parametrize("command", [(), ("apr",), ("workshop",), ("workshop", "serve")])
def test_a_help_page_in_chinese_is_all_chinese(command: tuple[str, ...]) -> None:
    done = run("--lang", "zh", *command, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：") and "选项：" in done.stdout
    english = [text for text in help_texts() | CLICKS_OWN if len(text) > 12]
    assert not [text for text in english if text.split("\n")[0] in done.stdout]
    english_page = run("--lang", "en", *command, "--help")
    assert english_page.stdout.startswith("Usage: ") and "Options:" in english_page.stdout


@pytest.mark.parametrize(("args", "zh", "en"), [
    (("apr", "--foo", "1"), "没有 --foo 这个选项", "No such option: --foo"),
    (("nosuch",), "没有 nosuch 这个命令", "No such command: nosuch"),
    (("apr", "--amount"), "--amount 后面要给一个值", "--amount needs a value"),
    (("apr", "--json=3"), "--json 不接受值", "--json takes no value"),
    (("simulate",), "缺少参数 FILE.toml", "Missing argument FILE.toml"),
    (("workshop", "close"), "缺少必填选项 --room", "Missing option --room"),
    (("lessons", "check", "a", "b"), "多余的参数：b", "Unexpected extra arguments: b"),
    (("apr", "--lang", "fr"), "--lang 只能是 zh、en 之一", "--lang must be one of zh, en"),
    (("--data-dir", __file__), f"--data-dir 的值不对：{__file__} 是一个文件，这里要的是文件夹",
     f"--data-dir: {__file__} is a file"),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_usage_errors_say_what_was_wrong_in_the_language_asked(
        args: tuple[str, ...], zh: str, en: str, lang: str) -> None:
    result = CliRunner().invoke(cli, ["--lang", lang, *args])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == ("错误：" + zh if lang == "zh"
                                                      else "Error: " + en)
    assert "Traceback" not in result.stderr


def test_a_process_sees_the_same_and_the_next_command_line_its_own_language() -> None:
    done = run("--lang", "zh", "apr", "--amount")
    assert done.returncode == 2 and "错误：--amount 后面要给一个值" in done.stderr
    after = CliRunner().invoke(cli, ["apr", "--foo"], env={"LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert "Error: No such option" in after.stderr  # the last run's --lang is not kept
