"""What `debtcoach workshop serve` prints: the address to give the room, its code, a QR code,
and how to open the dashboard."""

from __future__ import annotations

import io
import shlex
from pathlib import Path

import qrcode

from debtcoach.i18n import Lang, t
from debtcoach.store.rooms import Room


def qr_text(url: str) -> str:
    """The address as a QR code drawn with half blocks (two rows of modules per line)."""
    code = qrcode.QRCode(border=2)
    code.add_data(url)
    code.make(fit=True)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue().rstrip("\n")


def serve_banner(url: str, room: Room, folder: Path, lang: Lang, loopback: bool,
                 lesson_title: str | None = None) -> str:
    """The banner; the room's lesson by its title (in ``lang``) and id, as ``--lesson`` takes."""
    data_dir = shlex.quote(str(folder))
    lesson = room.lesson_id or t("workshop.any_lesson", lang)
    if room.lesson_id and lesson_title:
        lesson = t("workshop.lesson_named", lang, title=lesson_title, id=room.lesson_id)
    lines = [
        t("workshop.serving", lang, room=room.code, lesson=lesson),
        t("workshop.give_address", lang, url=url),
        qr_text(url),
        t("workshop.dashboard_hint", lang, room=room.code, data_dir=data_dir),
        t("workshop.terminal_hint", lang, room=room.code, data_dir=data_dir),
    ]
    if room.paced:
        lines.append(t("workshop.paced_hint", lang))
    if not loopback:
        lines.append("⚠ " + t("workshop.no_login", lang))
    lines.append(t("workshop.stop_hint", lang))
    return "\n".join(lines)
