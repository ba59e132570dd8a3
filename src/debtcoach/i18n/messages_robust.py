
"""Sentences about keeping the user's files and progress safe: file limits, foreign databases,
exports, backups, wipes (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.store_foreign": {
        "zh": "这个文件是别的程序的 SQLite 数据库，不是 debtcoach 的进度文件；文件未被改动。请用 --data-dir 换个文件夹",
        "en": "this is another program's SQLite database, not a debtcoach progress file; it was left untouched. Choose another folder with --data-dir",
    },
    "error.export_exists": {
        "zh": "文件已存在；确认后才会覆盖",
        "en": "the file already exists; it is replaced only after you confirm",
    },
    "error.file_unwritable": {
        "zh": "无法写入（{detail}）；文件夹要存在且可写，磁盘要有空间",
        "en": "cannot write it ({detail}); the folder must exist and be writable, with free space",
    },
    "error.backup_missing": {
        "zh": "没有编号为 {value} 的备份",
        "en": "there is no backup number {value}",
    },
    "error.file_not_regular": {
        "zh": "不是普通文件（是文件夹、管道或设备）；请给出一个保存在磁盘上的文件",
        "en": "not a regular file (a folder, pipe or device); give a file saved on disk",
    },
    "error.file_too_large": {
        "zh": "文件太大（超过 {limit}）；这类文件通常只有几 KB",
        "en": "the file is too large (over {limit}); files like this are a few KB",
    },
    "error.file_encoding": {
        "zh": "文件不是 UTF-8 编码（看起来是 {encoding}）；请另存为 UTF-8（Excel：另存为「CSV UTF-8」；记事本：编码选 UTF-8）",
        "en": "the file is not UTF-8 (it looks like {encoding}); save it again as UTF-8 (Excel: Save As 'CSV UTF-8'; Notepad: Encoding UTF-8)",
    },
    "error.nesting_too_deep": {
        "zh": "嵌套太深（超过 {limit} 层）；请检查括号是否配对",
        "en": "nested too deeply (more than {limit:level|levels}); check that brackets are paired",
    },
    "error.csv_too_many_rows": {
        "zh": "行数太多（超过 {limit} 行）；一笔贷款的现金流不会这么多",
        "en": "too many rows (over {limit}); one loan's cash flows are far fewer",
    },
    "store.saved_failed": {
        "zh": "进度没能保存：{error}。之前保存的进度都还在；腾出空间后会在下一步自动重试。",
        "en": "Progress could not be saved: {error}. What was saved before is safe; it is retried at the next step once there is room.",
    },
    "store.set_aside": {
        "zh": "有 {count} 条已保存的记录无法读取，已另外保管（未删除），其余进度照常可用：{rows}",
        "en": "{count} saved record(s) could not be read and were set aside (not deleted); the rest of your progress works as before: {rows}",
    },
    "store.kept_other_window": {
        "zh": "另一个窗口在这门课里走得更远，保留了它的进度。",
        "en": "Another window got further in this lesson; its progress was kept.",
    },
    "settings.restore": {"zh": "恢复备份", "en": "Restore backup"},
    "settings.no_backup": {"zh": "还没有备份（导入或重置之前会自动备份）。", "en": "No backup yet (one is made automatically before an import or a reset)."},
    "settings.restored": {"zh": "已恢复 {made_at} 的备份；恢复前的进度也已备份。", "en": "Restored the backup of {made_at}; the progress before the restore was backed up too."},
    "settings.imported_backup": {"zh": "已从 {path} 导入。原来的进度已自动备份，可在设置里用「恢复备份」找回。", "en": "Imported from {path}. Your previous progress was backed up; \"Restore backup\" in Settings brings it back."},
    "settings.exported_private": {"zh": "已导出到 {path}（只有你能读取）", "en": "Exported to {path} (readable only by you)"},
    "settings.wiped_report": {"zh": "已删除 debtcoach 保存的数据：{removed}。", "en": "Deleted what debtcoach saved: {removed}."},
    "settings.wiped_kept": {"zh": "这些导出文件在导出后被改动过，没有删除，请自行处理：{kept}。", "en": "These export files changed since they were written and were not deleted; delete them yourself if you wish: {kept}."},
    "confirm.import": {
        "zh": "用 {path} 替换现在的进度？现有 {lessons} 门课的进度和 {answers} 个答案将被替换为文件里的 {new_lessons} 门课和 {new_answers} 个答案。原有进度会先自动备份。",
        "en": "Replace your progress with {path}? Progress in {lessons} lesson(s) and {answers} answer(s) will be replaced by the file's {new_lessons} lesson(s) and {new_answers} answer(s). What is there now is backed up first.",
    },
    "confirm.overwrite": {
        "zh": "{path} 已存在。覆盖它？",
        "en": "{path} already exists. Replace it?",
    },
    "confirm.restore": {
        "zh": "恢复 {made_at} 的备份（{lessons} 门课，{answers} 个答案）？现在的进度会先备份。",
        "en": "Restore the backup of {made_at} ({lessons} lesson(s), {answers} answer(s))? Your current progress is backed up first.",
    },
    "error.rate_unsolvable": {
        "zh": "利率「{value}」太高，算不出年化成本（还款额超出可计算范围）；请检查利率和单位",
        "en": "the rate '{value}' is too high to annualize (the payments are beyond any rate that can be computed); check the number and its period",
    },
    "error.date_too_late": {
        "zh": "从 {value} 起 {term} 的还款日期超过 9999-12-31；请给一个更早的日期",
        "en": "a {term} loan from {value} runs past 9999-12-31; give an earlier date",
    },
    "error.rate_not_text": {
        "zh": "利率 {value} 没有写期限；请写成带引号的文字，如 rate = \"{value}%/year\"（年）或 \"{value}%/month\"（月）",
        "en": "the rate {value} has no period; write it as quoted text, e.g. rate = \"{value}%/year\" or \"{value}%/month\"",
    },
    "error.path_outside_lessons": {
        "zh": "「{value}」在课程文件夹之外；场景文件要放在课程文件夹里（如 ../scenarios/名字.toml）",
        "en": "'{value}' is outside the lessons folder; scenario files must be inside it (e.g. ../scenarios/name.toml)",
    },
    "error.form_invalid": {
        "zh": "不是允许的写法之一；请用其中一种：{allowed}",
        "en": "not one of the allowed forms; use one of: {allowed}",
    },
}
