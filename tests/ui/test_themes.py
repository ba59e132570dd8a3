"""The accessible modes start and every theme can be chosen: the app is built with the settings
the command line builds, as a user starts it."""

from pathlib import Path

import pytest
from textual.filter import Monochrome, NoColor

from debtcoach.ui.app import DebtCoachApp, make_app
from debtcoach.ui.screens.home import HomeScreen
from debtcoach.ui.settings import PLAIN_THEME, THEMES, command_line_settings

LESSONS = Path(__file__).parents[1] / "data" / "lessons"


def cli_app(tmp_path: Path, plain: bool, environ: dict[str, str]) -> DebtCoachApp:
    return make_app(command_line_settings("en", True, plain, tmp_path / "data", LESSONS,
                                          environ=environ))


async def run_and_switch_every_theme(app: DebtCoachApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "debtcoach" in app.export_screenshot()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for theme in THEMES:
            [command] = [c for title, c in commands.items() if theme in title]
            command.callback()
            await pilot.pause()
            assert app.theme == theme
            assert "debtcoach" in app.export_screenshot()
            if app.no_color:
                wanted = NoColor if app.current_theme.ansi else Monochrome
                assert [type(f) for f in app._filters if isinstance(f, NoColor | Monochrome)] \
                    == [wanted]


async def test_plain_starts_with_the_terminal_colours(tmp_path: Path) -> None:
    app = cli_app(tmp_path, plain=True, environ={})
    assert app.theme == PLAIN_THEME and app.settings.plain and not app.settings.animations
    await run_and_switch_every_theme(app)


async def test_no_color_starts_and_every_theme_stays_readable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = cli_app(tmp_path, plain=False, environ={"NO_COLOR": "1"})
    assert app.no_color and app.theme == PLAIN_THEME
    await run_and_switch_every_theme(app)


async def test_every_theme_from_a_normal_start_is_saved(tmp_path: Path) -> None:
    app = cli_app(tmp_path, plain=False, environ={})
    assert app.theme == "textual-dark"
    await run_and_switch_every_theme(app)
    again = cli_app(tmp_path, plain=False, environ={})
    assert again.theme == THEMES[-1]
    again.store.close()


def test_a_theme_saved_by_an_older_version_is_ignored(tmp_path: Path) -> None:
    app = cli_app(tmp_path, plain=False, environ={})
    app.store.set_setting("theme", "textual-ansi")
    app.store.close()
    again = cli_app(tmp_path, plain=False, environ={})
    assert again.theme == "textual-dark"
    again.store.close()


def run_in_terminal(args: list[str], env: dict[str, str], tmp_path: Path) -> tuple[int, str]:
    """Start `debtcoach` in a pseudo-terminal of 80×24, wait for the home screen, press q."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "debtcoach", *args, "--data-dir", str(tmp_path / "data")],
        stdin=follower, stdout=follower, stderr=follower, close_fds=True,
        env={**os.environ, "TERM": "xterm-256color", **env}, start_new_session=True)
    os.close(follower)
    seen = b""
    try:
        while b"Part 1" not in seen and process.poll() is None:
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                break
            try:
                seen += os.read(leader, 65536)
            except OSError:
                break
        if process.poll() is None:
            os.write(leader, b"q")
        while True:  # drain until the app has left the terminal
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    return code, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(("args", "env"), [(["--plain"], {}), ([], {"NO_COLOR": "1"})],
                         ids=["plain", "no-color"])
def test_started_from_the_command_line(tmp_path: Path, args: list[str],
                                       env: dict[str, str]) -> None:
    code, output = run_in_terminal(["--lang", "en", *args], env, tmp_path)
    assert "Part 1" in output
    assert "Traceback" not in output and "Error" not in output
    assert code == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_command_palette_asks_in_the_apps_language(tmp_path: Path, lang: str) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    from debtcoach.i18n import t

    app = make_app(command_line_settings(lang, True, False, tmp_path / "data", LESSONS,
                                         environ={}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == t("cmd.placeholder", lang)
