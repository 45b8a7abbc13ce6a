"""Typing slips that keep YAML from reading a goal file, and the fix that corrects them.

Typed with a Chinese input method, a goal file picks up characters YAML does not
accept where they stand: a full-width colon (``name：…``), no space after a colon
(``target:≥99%``), tabs or full-width spaces in the indentation, ``-seq:`` with no
space after the dash. libyaml then stops, often a line later and with a message about
something else.

``find_slips`` finds them on the lines that hold a goal-file field (``name``,
``target`` … as a key), never inside a value (a block scalar's body, the continuation
of a long value). ``slips_fix`` turns a list of located slips into one fix; it takes
any list of ``LexicalSlip``, so a reader that finds slips itself can use it too. The
fix is unsafe — the file could not be read before it, so nothing can be compared — and
the engine applies it only when the result reads cleanly and every corrected line holds
the field it was meant to (``validator.fix.verify``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from validator.diagnostics import Applicability, Fix, Span, TextEdit
from validator.fix.text_edits import LINE_BREAK
from validator.messages import define, render
from validator.schema import goal_schema

# --- messages (zh, en) ---
FIX_SLIPS = define(
    "fix.slips",
    zh="改正使 YAML 无法读取文件的输入错误：{details}",
    en="correct the typing slips that keep YAML from reading the file: {details}",
)
SLIP_FULL_WIDTH_COLON = define(
    "fix.slip.full_width_colon",
    zh="第 {line} 行全角冒号“：”改为“: ”",
    en="line {line}: the full-width colon “：” to “: ”",
)
SLIP_NO_SPACE_AFTER_COLON = define(
    "fix.slip.no_space_after_colon",
    zh="第 {line} 行冒号后加空格",
    en="line {line}: a space after the colon",
)
SLIP_INDENTATION = define(
    "fix.slip.indentation",
    zh="第 {line} 行缩进中的制表符或全角空格改为 {width} 个空格",
    en="line {line}: tabs or full-width spaces in the indentation to {width} spaces",
)
SLIP_NO_SPACE_AFTER_DASH = define(
    "fix.slip.no_space_after_dash",
    zh="第 {line} 行“-”后加空格",
    en="line {line}: a space after “-”",
)


def top_level_fields() -> frozenset[str]:
    """The fields a goal file has at its top level, by the schema."""
    return frozenset(goal_schema()["properties"])


def indicator_fields() -> frozenset[str]:
    """The fields an indicator has, by the schema."""
    return frozenset(goal_schema()["$defs"]["indicator"]["properties"])


_WHITE = " \t\u3000"
# A line that holds a field: indentation, maybe a list dash, a field name, a colon of either width.
_FIELD_LINE = re.compile(
    r"(?P<indent>[ \t\u3000]*)(?:(?P<dash>-)(?P<gap>[ \t\u3000]*))?"
    r"(?P<key>[A-Za-z_][A-Za-z0-9_]*)(?P<before>[ \t\u3000]*)(?P<colon>[:：])(?P<after>[ \t\u3000]*)(?P<rest>.*)"
)


class LexicalSlip(NamedTuple):
    """A slip at ``span`` (1-based, end exclusive) and the text that should stand there.

    ``key`` is the field the line holds: after the fix, that line must hold it as a key.
    ``message_id`` and ``params`` describe the correction (``line`` is added).
    """

    span: Span
    replacement: str
    key: str
    message_id: str
    width: int = 0  # the new indentation, for SLIP_INDENTATION


class _FieldLine(NamedTuple):
    indent: int  # the corrected indentation, in columns
    key_column: int  # where the key starts, corrected
    dash: bool
    has_value: bool


def find_slips(text: str) -> list[LexicalSlip]:
    """The slips on the lines of ``text`` that hold a goal-file field, in line order."""
    known_fields = top_level_fields() | indicator_fields()
    slips: list[LexicalSlip] = []
    previous: _FieldLine | None = None
    last_dash_indent: int | None = None
    inside_value_deeper_than: int | None = None  # lines indented deeper continue a value
    for number, line in enumerate(LINE_BREAK.split(text), 1):
        content = line.lstrip(_WHITE)
        if not content or content.startswith("#"):
            continue
        width = len(line) - len(content)
        if inside_value_deeper_than is not None:
            if width > inside_value_deeper_than:
                continue
            inside_value_deeper_than = None
        match = _FIELD_LINE.match(line)
        if match is None:
            previous = None
            continue
        # Only a field's own line is corrected; another key still shows where lines stand.
        known = match["key"] in known_fields
        indent, dash, gap = match["indent"], match["dash"] is not None, match["gap"] or ""
        new_indent = len(indent)
        if known and any(char in indent for char in "\t\u3000"):
            new_indent = _intended_indent(dash, previous, last_dash_indent)
            slips.append(
                LexicalSlip(
                    Span(number, 1, number, len(indent) + 1),
                    " " * new_indent,
                    match["key"],
                    SLIP_INDENTATION,
                    new_indent,
                )
            )
        key_column = new_indent
        if dash:
            last_dash_indent = new_indent
            if known and gap != " " and (gap == "" or any(char in gap for char in "\t\u3000")):
                start = match.start("gap") + 1
                slips.append(
                    LexicalSlip(
                        Span(number, start, number, start + len(gap)), " ", match["key"], SLIP_NO_SPACE_AFTER_DASH
                    )
                )
                gap = " "
            key_column += 1 + len(gap)
        rest = match["rest"]
        after = match["after"]
        if not known:
            pass
        elif match["colon"] == "：":
            start, end = match.start("before") + 1, match.end("after") + 1
            replacement = ": " if rest else ":"
            slips.append(
                LexicalSlip(Span(number, start, number, end), replacement, match["key"], SLIP_FULL_WIDTH_COLON)
            )
        elif rest and (after == "" or "\u3000" in after):
            start = match.start("after") + 1
            slips.append(
                LexicalSlip(
                    Span(number, start, number, start + len(after)), " ", match["key"], SLIP_NO_SPACE_AFTER_COLON
                )
            )
        has_value = bool(rest) and not rest.startswith("#")
        if has_value:
            # What follows deeper belongs to this value (a block scalar's body, a long value's
            # continuation): not fields, never touched.
            inside_value_deeper_than = key_column
        previous = _FieldLine(new_indent, key_column, dash, has_value)
    return slips


def _intended_indent(dash: bool, previous: _FieldLine | None, last_dash_indent: int | None) -> int:
    """Where a line indented with tabs or full-width spaces was meant to start: a list item
    lines up with the item before it; a field with the field before it, or under it
    when that one opened a mapping or a list (``indicators:``)."""
    if previous is None:
        return 0
    if dash:
        if last_dash_indent is not None:
            return last_dash_indent
        return previous.key_column + 2
    if not previous.has_value:
        return previous.key_column + 2
    return previous.key_column


def slips_fix(slips: Sequence[LexicalSlip]) -> Fix | None:
    """One unsafe fix that corrects every slip, described line by line; None without slips."""
    if not slips:
        return None
    details = {
        lang: ("；" if lang == "zh" else "; ").join(
            render(slip.message_id, {"line": slip.span.line, "width": slip.width}, lang) for slip in slips
        )
        for lang in ("zh", "en")
    }
    edits = tuple(TextEdit(slip.span, slip.replacement) for slip in slips)
    return Fix.of_text(Applicability.UNSAFE, FIX_SLIPS, {"details": details}, edits)
