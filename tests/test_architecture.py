"""The pure core must not pull in the UI or storage (ARCHITECTURE.md)."""

import subprocess
import sys

import pytest

PURE = ["debtcoach.finance.apr", "debtcoach.finance.legal", "debtcoach.finance.cashflows",
        "debtcoach.finance.irr", "debtcoach.validation", "debtcoach.i18n"]


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_do_not_import_textual_rich_or_sqlite(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'rich', 'sqlite3') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
