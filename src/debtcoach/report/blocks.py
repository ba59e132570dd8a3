"""A printable document as a list of blocks, written out as Markdown or as one self-contained
HTML page (inline CSS and SVG; nothing fetched; A4 print). Reports (an assessment, a workshop
room's summary) build blocks; this module only writes them."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from debtcoach.report.svg import Series, line_chart


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2
    page_break: bool = False  # start a new printed page


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "text"  # text | note | warn | strong


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    kind: str = "text"  # text | warn


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...] = ()  # right-aligned columns


@dataclass(frozen=True)
class Chart:
    """A line chart in HTML; in Markdown the same numbers as a table (``fallback``)."""

    title: str
    x_labels: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str
    fallback: Table


@dataclass(frozen=True)
class Links:
    items: tuple[tuple[str, str], ...]  # (title, url), shown as text: nothing is fetched


Block = Heading | Paragraph | Bullets | Table | Chart | Links


@dataclass
class Document:
    title: str
    lang: str
    blocks: list[Block] = field(default_factory=list)
    subtitle: str = ""
    footer: str = ""

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


# --- Markdown -----------------------------------------------------------------------------------

_MD_MARK = {"note": "> ", "warn": "> ⚠ ", "strong": "", "text": ""}


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(table: Table) -> str:
    align = [("---:" if table.numeric and table.numeric[i] else "---")
             for i in range(len(table.headers))]
    lines = ["| " + " | ".join(_md_cell(h) for h in table.headers) + " |",
             "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def to_markdown(doc: Document) -> str:
    out = [f"# {doc.title}"]
    if doc.subtitle:
        out.append(doc.subtitle)
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append("#" * min(block.level, 6) + " " + block.text)
        elif isinstance(block, Paragraph):
            text = f"**{block.text}**" if block.kind == "strong" else block.text
            out.append(_MD_MARK[block.kind] + text)
        elif isinstance(block, Bullets):
            mark = "- ⚠ " if block.kind == "warn" else "- "
            out.append("\n".join(mark + item for item in block.items))
        elif isinstance(block, Table):
            out.append(_md_table(block))
        elif isinstance(block, Chart):
            out.append(f"**{block.title}**\n\n" + _md_table(block.fallback))
        else:
            out.append("\n".join(f"- {title}: <{url}>" for title, url in block.items))
    if doc.footer:
        out.append("---\n" + doc.footer)
    return "\n\n".join(out) + "\n"


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Source Han Sans SC",
  system-ui, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 182mm;
  font-size: 10.5pt; line-height: 1.45; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #111; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1.5mm 0; }
.subtitle { color: #444; }
.note { color: #333; font-size: 9.5pt; border-left: 2pt solid #888; padding-left: 3mm; }
.warn { border-left: 3pt solid #b00; padding-left: 3mm; }
.strong { font-weight: bold; font-size: 11.5pt; }
ul { margin: 1.5mm 0; padding-left: 6mm; }
ul.warn { list-style: none; padding-left: 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9.5pt;
  font-variant-numeric: tabular-nums; }
th, td { border: 0.5pt solid #999; padding: 1mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
figure { margin: 3mm 0; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
svg { width: 100%; height: auto; }
.links { font-size: 8.5pt; color: #333; word-break: break-all; }
.page-break { break-before: page; }
table, ul, .warn { break-inside: avoid; }
h2, h3 { break-after: avoid; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #555; border-top: 0.5pt solid #999; }
@media print { body { padding: 0; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if table.numeric and i < len(table.numeric) and table.numeric[i] \
            else ""

    head = "".join(f"<th{cls(i)}>{_e(h)}</th>" for i, h in enumerate(table.headers))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{_e(c)}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(doc: Document) -> str:
    lang = "zh-Hans" if doc.lang == "zh" else "en"
    parts = [f"<h1>{_e(doc.title)}</h1>"]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{_e(doc.subtitle)}</p>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 2), 4)
            extra = ' class="page-break"' if block.page_break else ""
            parts.append(f"<h{level}{extra}>{_e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            parts.append(f'<p class="{block.kind}">{_e(block.text)}</p>')
        elif isinstance(block, Bullets):
            mark = "⚠ " if block.kind == "warn" else ""
            items = "".join(f"<li>{mark}{_e(item)}</li>" for item in block.items)
            parts.append(f'<ul class="{block.kind}">{items}</ul>')
        elif isinstance(block, Table):
            parts.append(_html_table(block))
        elif isinstance(block, Chart):
            svg = line_chart(block.x_labels, block.series, block.value_label)
            parts.append(f"<figure><figcaption>{_e(block.title)}</figcaption>{svg}</figure>")
        else:
            items = "".join(f"<li>{_e(title)}: {_e(url)}</li>" for title, url in block.items)
            parts.append(f'<ul class="links">{items}</ul>')
    if doc.footer:
        parts.append(f"<footer>{_e(doc.footer)}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(doc.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )
