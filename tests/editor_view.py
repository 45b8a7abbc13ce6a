"""An editor's view drawn from what a real `goals-lint server` session published.

No editor runs here, so the test draws what one would show: the file's lines with the
published ranges underlined, the code actions offered at the first problem, and a
problems panel with each diagnostic's message, code and position. Everything drawn
comes from the session's JSON-RPC messages; the page says so at its top.
"""

from __future__ import annotations

import html
from typing import Any

_CSS = """
body{margin:0;background:#1e1e1e;color:#d4d4d4;font:14px/1.5 "Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.note{background:#333;color:#ccc;padding:4px 12px;font-size:12px}
.tab{background:#252526;padding:6px 12px;color:#fff;font-size:13px}
pre{margin:0;padding:8px 0;white-space:pre-wrap;word-break:break-all;font:14px/1.6 "Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace}
.ln{display:inline-block;width:3em;text-align:right;color:#858585;margin-right:1.5em}
.error{text-decoration:underline wavy #f14c4c;text-decoration-skip-ink:none}
.warning{text-decoration:underline wavy #cca700;text-decoration-skip-ink:none}
.menu{position:relative;display:inline-block;margin-left:5em;background:#252526;border:1px solid #454545;
padding:4px 0;font-size:13px;box-shadow:0 2px 8px #000}
.menu div{padding:2px 12px}.menu div:first-child{background:#04395e}
.panel{border-top:1px solid #454545;background:#1e1e1e;padding:6px 12px;font-size:13px}
.panel h4{margin:0 0 4px;font-weight:normal;color:#fff;letter-spacing:.05em}
.row{padding:1px 0}.row .src{color:#858585}.icon-error{color:#f14c4c}.icon-warning{color:#cca700}
"""


def _utf16_index(line: str, units: int) -> int:
    counted = 0
    for index, char in enumerate(line):
        if counted >= units:
            return index
        counted += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def render(
    name: str,
    text: str,
    diagnostics: list[dict[str, Any]],
    actions: list[str],
    actions_line: int,
    note: str,
    lang: str = "zh",
) -> str:
    """The page; ``actions`` (code action titles) open as a menu below 0-based ``actions_line``."""
    lines = text.split("\n")
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for diagnostic in diagnostics:
        start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
        kind = "error" if diagnostic["severity"] == 1 else "warning"
        for number in range(start["line"], end["line"] + 1):
            line = lines[number] if number < len(lines) else ""
            first = _utf16_index(line, start["character"]) if number == start["line"] else 0
            last = _utf16_index(line, end["character"]) if number == end["line"] else len(line)
            marks.setdefault(number, []).append((first, last, kind))
    rows = []
    for number, line in enumerate(lines):
        spans = sorted(marks.get(number, []))
        drawn, at = [], 0
        for first, last, kind in spans:
            if first < at:
                continue  # overlapping ranges: the first one drawn wins
            drawn.append(html.escape(line[at:first]))
            drawn.append(f'<span class="{kind}">{html.escape(line[first:last])}</span>')
            at = last
        drawn.append(html.escape(line[at:]))
        rows.append(f'<span class="ln">{number + 1}</span>{"".join(drawn)}')
        if number == actions_line and actions:
            items = "".join(f"<div>{html.escape(title)}</div>" for title in actions)
            rows.append(f'<span class="menu">{items}</span>')
    panel = "".join(
        f'<div class="row"><span class="icon-{"error" if d["severity"] == 1 else "warning"}">●</span> '
        f'{html.escape(d["message"])} <span class="src">{html.escape(d["source"])}({html.escape(d["code"])}) '
        f"[{d['range']['start']['line'] + 1}, {d['range']['start']['character'] + 1}]</span></div>"
        for d in diagnostics
    )
    title = "问题" if lang == "zh" else "PROBLEMS"
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{_CSS}</style></head><body>'
        f'<div class="note">{html.escape(note)}</div><div class="tab">{html.escape(name)}</div>'
        f"<pre>{chr(10).join(rows)}</pre>"
        f'<div class="panel"><h4>{title} ({len(diagnostics)})</h4>{panel}</div></body></html>'
    )
