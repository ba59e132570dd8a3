"""User-facing sentences of the workshop feature, in 简体中文 and English (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors ---
    "error.room_code": {
        "zh": "「{value}」不是房间码；房间码是 3 到 12 位字母或数字，如 K7QM",
        "en": "'{value}' is not a room code; use 3 to 12 letters or digits, e.g. K7QM",
    },
    "error.room_unknown": {
        "zh": "{path} 里没有房间 {room}；请先用 debtcoach workshop serve 开房间",
        "en": "there is no room {room} in {path}; open it first with debtcoach workshop serve",
    },
    "error.lesson_unknown": {
        "zh": "没有课程「{value}」；可选：{allowed}",
        "en": "there is no lesson '{value}'; available: {allowed}",
    },
    "error.port_busy": {
        "zh": "无法监听 {host}:{port}（{detail}）；请换一个 --port",
        "en": "cannot listen on {host}:{port} ({detail}); choose another --port",
    },
    "error.room_export_format": {
        "zh": "请选择且只选择一种格式：--csv、--json 或 --html",
        "en": "choose exactly one format: --csv, --json or --html",
    },
}
