"""Where a line of mixed Chinese and Latin text may break, by the rules of Chinese typesetting
(禁则, kinsoku): a line never starts with closing punctuation (。，、）」…) and never ends with
opening punctuation (（「“…); Latin words and numbers such as ``¥1,330.02`` stay whole.

A terminal's own wrapping breaks Chinese anywhere, because a paragraph written without spaces
looks like one long word; this module finds the breaks a Chinese reader expects. Pure: it
measures text in terminal cells and knows nothing of widgets.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

# Never at the start of a line (closing brackets, sentence and clause marks, iteration and
# small kana, the ellipsis and dash, which Chinese keeps with the text before them).
CLOSING = frozenset("。．，、；：？！）］｝」』”’》〉】〕〗〙〛％‰…—～·・ー々〃"
                    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ"
                    ",.;:?!)]}%")
# Never at the end of a line.
OPENING = frozenset("（［｛「『“‘《〈【〔〖〘〚([{¥￥$＄")

_SPACE = re.compile(r"\s+")


def is_wide(char: str) -> bool:
    """Chinese (and other East Asian wide) characters: a line may break before or after each."""
    return unicodedata.east_asian_width(char) in "WF"


@lru_cache(maxsize=4096)
def _cell_width(char: str) -> int:
    return 2 if is_wide(char) else (0 if unicodedata.combining(char) else 1)


def cell_width(text: str) -> int:
    """The width of ``text`` in terminal cells (wide characters count two)."""
    return sum(_cell_width(char) for char in text)


def units(text: str) -> list[tuple[int, int]]:
    """The text cut into pieces a line may not break inside, as (start, end) character offsets.
    Each piece carries the spaces after it; a line may break only between pieces."""
    pieces: list[tuple[int, int]] = []
    index, length = 0, len(text)
    while index < length:
        start = index
        char = text[index]
        if is_wide(char) or char in CLOSING or char in OPENING or char.isspace():
            index += 1
        else:  # a Latin word or a number: everything up to a space or a wide character
            while index < length and not text[index].isspace() and not is_wide(text[index]) \
                    and (index == start or text[index] not in OPENING):
                index += 1
        while index < length and text[index].isspace():
            index += 1
        pieces.append((start, index))
    # Glue pieces a line may not break between: before closing punctuation, after opening
    # punctuation, and inside a run with no space or wide character between (a word split by
    # punctuation, such as "24%" or "(CFPB)").
    glued: list[tuple[int, int]] = []
    for start, end in pieces:
        if glued and _no_break(text, glued[-1], start):
            glued[-1] = (glued[-1][0], end)
        else:
            glued.append((start, end))
    return glued


def _no_break(text: str, before: tuple[int, int], start: int) -> bool:
    """True when a line may not break between the piece ``before`` and the one at ``start``."""
    if text[before[1] - 1].isspace():  # a space is always a break opportunity
        return False
    first, last = text[start], text[before[1] - 1]
    if first in CLOSING or last in OPENING:
        return True
    return not is_wide(first) and not is_wide(last)


def break_offsets(text: str, width: int) -> list[int]:
    """Character offsets where lines start (after the first), so that no line is wider than
    ``width`` cells unless a single unbreakable piece is; spaces at a break stay at the end of
    the line before it (the renderer trims them)."""
    breaks: list[int] = []
    used = 0
    for start, end in units(text):
        piece = text[start:end]
        shown = cell_width(piece.rstrip())
        if used and used + shown > width:
            breaks.append(start)
            used = 0
        if shown > width:  # wider than any line: cut it where it must be cut, as terminals do
            used = 0
            offset = start
            for index in range(start, start + len(piece.rstrip())):
                char_width = _cell_width(text[index])
                if used + char_width > width and index > offset:
                    breaks.append(index)
                    offset, used = index, 0
                used += char_width
            used += cell_width(piece) - shown
            continue
        used += cell_width(piece)
    return breaks


def fit(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` cells, broken where a reader expects (a table
    cell in Chinese: a terminal table would otherwise cut it short with "…")."""
    starts = [0, *break_offsets(text, width), len(text)]
    return "\n".join(text[start:end].rstrip() for start, end in itertools.pairwise(starts))
