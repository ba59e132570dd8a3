"""Languages: message lookup, language detection, and number/money formatting with Babel.

Babel, not the ``locale`` module, because fresh machines often have only the C locale.
"""

from __future__ import annotations

import math
import os
import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

from babel.numbers import format_decimal

from debtcoach.errors import InputError
from debtcoach.i18n.messages import MESSAGES

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
_BABEL_LOCALE = {"zh": "zh_Hans_CN", "en": "en_US"}


class _Counted(string.Formatter):
    """``{lenders:lender|lenders}`` gives "1 lender" and "3 lenders" (English counts: a
    number, or a number already formatted, such as "1" or "10,000")."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return str(super().format_field(value, format_spec))
        one, many = format_spec.split("|", 1)
        return f"{value} {one if str(value).strip() == '1' else many}"


_COUNTED = _Counted()


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in (a count's noun agreeing with
    it where the message says ``{count:noun|nouns}``)."""
    template = MESSAGES[key][lang]
    if "|" in template:
        return _COUNTED.format(template, **params)
    return template.format(**params)


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Chinese when the environment's language says so (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def money(fen: int, lang: Lang, sign: bool = False, whole: bool = False) -> str:
    """¥1,234.56 in either language (the yuan sign is the same), exact from integer fen;
    ``whole``: rounded to the yuan (¥1,235) where columns must be narrow; scientific beyond a
    trillion trillion yuan, where decimal formatting gives up."""
    if abs(fen) >= 10**26:
        return f"{'-' if fen < 0 else ('+' if sign else '')}¥{abs(fen) / 100:.3e}"
    text = format_decimal(Decimal(abs(fen)) / 100, format="#,##0" if whole else "#,##0.00",
                          locale=_BABEL_LOCALE[lang])
    prefix = "-" if fen < 0 else ("+" if sign and fen > 0 else "")
    return f"{prefix}¥{text}"


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def percent(fraction: float | Decimal, lang: Lang, digits: int = 2) -> str:
    """0.7003 → '70.03%'; thousands separated for payday-size rates (391.07%, 1,303.57%)."""
    if not math.isfinite(fraction):
        return "∞"
    if abs(float(fraction)) >= 1e13:  # payday loans compounded over a year: 1.23×10³⁸%
        mantissa, exponent = f"{float(fraction) * 100:.2e}".split("e")
        return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPTS)}%"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(Decimal(str(fraction)) * 100, format=pattern,
                          locale=_BABEL_LOCALE[lang]) + "%"


def error_line(error: InputError, lang: Lang) -> str:
    """'where: what was wrong; what is allowed' — one line for a terminal (control characters
    the user typed are shown escaped, so they cannot break the line or the terminal)."""
    params = {key: _printable(value) if isinstance(value, str) else value
              for key, value in error.params.items()}
    return f"{_printable(error.field)}: {t('error.' + error.code, lang, **params)}"


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1]
                   for char in text)
