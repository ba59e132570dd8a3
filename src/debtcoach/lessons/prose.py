"""Lesson prose: one Markdown file per language, cut into sections by ``<!-- section: id -->``.

Authors break long lines anywhere; Markdown turns such a break into a space, which in Chinese is
a stray gap (“借款 App”, “的 钱”). ``join_lines`` puts each paragraph back on one line, joining
Chinese without a space, before the text is shown."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from debtcoach.errors import InputError

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019"
_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|>|\||```|<!--)")
_MARKER = re.compile(r"^<!--\s*section:\s*([A-Za-z0-9_-]+)\s*-->\s*$", re.M)


def split_sections(text: str, source: str) -> dict[str, str]:
    """Section id → Markdown. Text before the first marker is not allowed (it would be lost)."""
    sections: dict[str, str] = {}
    matches = list(_MARKER.finditer(text))
    if text[: matches[0].start() if matches else len(text)].strip():
        line = 1
        raise InputError(f"{source}:{line}", "prose_outside_section")
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        name = match[1]
        if name in sections:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(f"{source}:{line}", "prose_duplicate_section", name=name)
        body = text[match.end(): end].strip()
        if not body:
            line = text.count("\n", 0, match.start()) + 1
            raise InputError(f"{source}:{line}", "prose_empty_section", name=name)
        sections[name] = body
    return sections


def join_lines(markdown: str) -> str:
    """Each paragraph on one line: a break between Chinese characters (or Chinese punctuation)
    disappears, one between Latin words becomes a space. List items, headings, quotes and
    tables keep their own lines; a line ending in two spaces keeps its hard break."""
    out: list[str] = []
    for line in markdown.split("\n"):
        previous = out[-1] if out else ""
        joinable = (previous.strip() and line.strip() and not _BLOCK_START.match(line)
                    and not previous.endswith("  ") and not previous.lstrip().startswith(
                        ("#", "|", "```", "<!--")))
        if not joinable:
            out.append(line)
            continue
        left, right = previous.rstrip(), line.strip()
        cjk = re.match(f"[{_CJK}]", left[-1]) or re.match(f"[{_CJK}]", right[0])
        out[-1] = left + ("" if cjk else " ") + right
    return "\n".join(out)


@cache
def _parser() -> MarkdownIt:
    """One parser, made on first use (only `lessons check` needs it), as the app's Markdown
    widget parses."""
    from markdown_it import MarkdownIt

    return MarkdownIt("gfm-like")


def stray_emphasis(markdown: str) -> str | None:
    """Where Markdown shows ``**`` or ``__`` marks as typed (the first place, a few characters
    either side), or None.

    CommonMark does not close ``**`` that follows punctuation and is followed by a letter, so
    ``**网约车司机。**2025年`` shows its asterisks; ``**网约车司机**。2025年`` is bold. The app
    renders prose with the same parser (markdown-it, "gfm-like")."""
    for token in _parser().parse(markdown):
        for child in token.children or []:
            text = child.content if child.type == "text" else ""
            found = [at for at in (text.find("**"), text.find("__")) if at >= 0]
            if found:
                start, end = max(0, min(found) - 12), min(len(text), min(found) + 20)
                return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return None
