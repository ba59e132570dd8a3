"""The pure core must not pull in the UI or storage, and nothing may reach the network
(ARCHITECTURE.md; the privacy promise in the README)."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "debtcoach"
PURE = [
    "debtcoach.finance.apr", "debtcoach.finance.legal", "debtcoach.finance.cashflows",
    "debtcoach.finance.irr", "debtcoach.sim.engine", "debtcoach.sim.reference",
    "debtcoach.sim.run", "debtcoach.sim.summary", "debtcoach.sim.loader", "debtcoach.coach.quiz",
    "debtcoach.coach.warnings", "debtcoach.lessons.loader", "debtcoach.lessons.player",
    "debtcoach.coach.knowledge",
    "debtcoach.validation", "debtcoach.i18n", "debtcoach.assess",
]
NETWORK = {"socket", "ssl", "http", "urllib", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
           "textual_serve"}
# The one place allowed to listen: the workshop server (loopback unless the facilitator says).
NETWORK_ALLOWED = SRC / "workshop"


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_do_not_import_textual_rich_or_sqlite(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'rich', 'sqlite3') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_module_imports_network_code() -> None:
    found = []
    for path in SRC.rglob("*.py"):
        if path.is_relative_to(NETWORK_ALLOWED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in NETWORK]
    assert found == []
