"""Slips a Chinese input method makes in YAML, found before libyaml reads the file.

Typed with a Chinese input method, YAML's punctuation comes out full-width (`：`, `，`,
`－`, a full-width space), a space goes missing after `:` or `-`, a tab indents a line,
digits come out full-width (`２`) and quotes curly (`“100”`). libyaml then stops at the
first of them, often a line later, with a message about the consequence ("could not find
expected ':'"). This pass reads the text line by line and finds every such slip at once,
each at its own line and column, with its cause and the text that fixes it.

Each finding is data (:class:`InputSlip`): its kind, its span, and the replacement text,
so that a fixer can apply it (:func:`corrected_text`). The reader reports every slip,
then lets libyaml read the corrected text to find what else is wrong — on lines without
a slip, whose positions are the same in both texts. Full-width digits and curly quotes
still read as text: when they are all a file has, the reader leaves them to the schema
and text-hygiene (:data:`READABLE_SLIPS`).

Only what is certainly a slip is reported: a line inside a block scalar (``|``, ``>``)
or a quoted text that goes on over lines is text, and a ``：`` is a slip only right after
a field name at the start of a line where a field can stand, never inside a value.
A file without any of the characters involved is passed by one regular expression.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import re
from typing import Any, NamedTuple

from validator.diagnostics import Span
from validator.loader.messages import (
    SLIP_BLOCK_INDICATOR,
    SLIP_CURLY_QUOTES,
    SLIP_FULLWIDTH_COLON,
    SLIP_FULLWIDTH_COMMA,
    SLIP_FULLWIDTH_DASH,
    SLIP_FULLWIDTH_DIGITS,
    SLIP_FULLWIDTH_SPACE,
    SLIP_FULLWIDTH_SPACE_BLANK_LINE,
    SLIP_FULLWIDTH_SPACE_INDENTATION,
    SLIP_GREATER_EQUAL,
    SLIP_NO_SPACE_AFTER_COLON,
    SLIP_NO_SPACE_AFTER_DASH,
    SLIP_TAB_AFTER_DASH,
    SLIP_TAB_INDENTATION,
)
from validator.scalars import reads_as_text_everywhere


class InputSlip(NamedTuple):
    """One slip: replace the text at ``span`` (one line; end column exclusive) by ``replacement``."""

    kind: str
    span: Span
    replacement: str
    message_id: str
    params: dict[str, Any]


# The kinds of slip, as a fixer would name them.
FULLWIDTH_COLON = "fullwidth-colon"
FULLWIDTH_COMMA = "fullwidth-comma"
NO_SPACE_AFTER_COLON = "no-space-after-colon"
NO_SPACE_AFTER_DASH = "no-space-after-dash"
FULLWIDTH_SPACE = "fullwidth-space"
FULLWIDTH_DASH = "fullwidth-dash"
TAB_INDENTATION = "tab-indentation"
TAB_AFTER_DASH = "tab-after-dash"
FULLWIDTH_SPACE_INDENTATION = "fullwidth-space-indentation"
BLOCK_INDICATOR_VALUE = "block-indicator-value"
FULLWIDTH_DIGITS = "fullwidth-digits"
CURLY_QUOTES = "curly-quotes"
# Slips YAML still reads (as text): alone in a file, they are left to the schema and
# text-hygiene, which report and fix them in readable data; beside a slip that stops the
# file, they are reported with it, so that one run shows every slip.
READABLE_SLIPS = frozenset({FULLWIDTH_DIGITS, CURLY_QUOTES})

IDEOGRAPHIC_SPACE = "\u3000"
FULLWIDTH_HYPHEN = "\uff0d"
# Fields whose value is a number (the schema's integers).
NUMBER_FIELDS = frozenset({"year", "seq"})

# A file needs a closer look only if one of these finds something. The searches are cheap:
# `in` for the rare characters, `find` for `，` and `：` (a goal file's prose is full of them;
# only one right after a field name at the start of a line counts), and two regular
# expressions that start with one character, which `re` scans for fast. Patterns used only
# once a file is worth a look are compiled then (`re` keeps them): start-up matters.
_CAN_END_A_FIELD_NAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_- \t")
_FIELD_NAME_BEFORE = "[ \t\u3000]*(?:[-\uff0d][ \t\u3000]*)*[A-Za-z_][A-Za-z0-9_-]*[ \t]*"
_COLON_SLIPS = re.compile(
    r":(?:(?=[^ \t\r\n:/])(?<=[A-Za-z0-9_]:)"  # `key:value`
    r"|[ \t]+(?:[>|](?![-+1-9]{0,2}[ \t]*(?:#.*)?\r?$)|[“‘]|[0-9]*[０-９]))",  # a value starting so
    re.MULTILINE,
)
_DASH_SLIP = re.compile(r"\n *-[A-Za-z_]")  # (`(?:\A|\n)` would scan slowly: the first line is matched apart)
_DASH_SLIP_FIRST = re.compile(r" *-[A-Za-z_]")
# For the closer look.
_KEY = r"([A-Za-z_][A-Za-z0-9_-]*)([ \t]*)([:：，])"
_BLOCK_HEADER = r"[|>](?:[1-9][-+]?|[-+][1-9]?)?[ \t]*(?:#.*)?"
_FULLWIDTH_NUMBER = r"[0-9０-９]*[０-９][0-9０-９]*"
_CURLY_PAIRS = {"“": "”", "‘": "’"}
_FULLWIDTH_DIGIT_VALUES = str.maketrans("０１２３４５６７８９", "0123456789")


def _worth_a_look(text: str) -> bool:
    if "\t" in text or IDEOGRAPHIC_SPACE in text or FULLWIDTH_HYPHEN in text:
        return True  # rare enough to look at every one
    for mark in "：，":
        found = text.find(mark)
        while found > 0:
            if text[found - 1] in _CAN_END_A_FIELD_NAME:
                line_start = text.rfind("\n", 0, found) + 1
                if re.fullmatch(_FIELD_NAME_BEFORE, text[line_start:found]):
                    return True
            found = text.find(mark, found + 1)
    return bool(_COLON_SLIPS.search(text) or _DASH_SLIP.search(text) or _DASH_SLIP_FIRST.match(text))


def find_input_slips(text: str) -> list[InputSlip]:
    """Every input-method slip in ``text``, in the order of the file."""
    if not _worth_a_look(text):
        return []
    return _LineReader().read(text)


def corrected_text(text: str, slips: list[InputSlip]) -> str:
    """``text`` with each slip's replacement applied (slips never overlap; lines stay lines)."""
    lines = text.split("\n")
    for slip in sorted(slips, key=lambda slip: (slip.span.line, slip.span.column), reverse=True):
        index, start, end = slip.span.line - 1, slip.span.column - 1, slip.span.end_column - 1
        line = lines[index]
        lines[index] = line[:start] + slip.replacement + line[end:]
    return "\n".join(lines)


class _Context(NamedTuple):
    """What the last line with content said about the lines after it."""

    key_column: int  # where its first field name (or value) starts, as corrected
    opens_block: bool  # `key:` with nothing after it: the next lines are indented deeper
    dash_column: int | None  # where the `-` of the nearest list item stands


class _LineReader:
    def __init__(self) -> None:
        self.slips: list[InputSlip] = []
        # Before the first line: as after `key:`, so that it may start anywhere, best at column 0.
        self.context = _Context(-2, True, None)
        self.block_parent: int | None = None  # inside a `|`/`>` block: the column of its field
        self.block_indent: int | None = None  # the indentation of its first line of text
        self.open_quote: str | None = None  # inside a quoted text that goes on over lines

    def read(self, text: str) -> list[InputSlip]:
        for number, raw_line in enumerate(text.split("\n"), 1):
            self._line(number, raw_line[:-1] if raw_line.endswith("\r") else raw_line)
        return self.slips

    def _slip(
        self, kind: str, line: int, start: int, end: int, replacement: str, message_id: str, **params: Any
    ) -> None:
        self.slips.append(InputSlip(kind, Span(line, start + 1, line, end + 1), replacement, message_id, params))

    def _line(self, number: int, line: str) -> None:
        if self.open_quote is not None:
            if _closing_quote(line, 0, self.open_quote) is not None:
                self.open_quote = None
            return
        stripped = line.lstrip(" \t" + IDEOGRAPHIC_SPACE)
        indentation = line[: len(line) - len(stripped)]
        if not stripped:
            if IDEOGRAPHIC_SPACE in line:  # a blank line holding a full-width space is not blank to YAML
                self._slip(FULLWIDTH_SPACE_INDENTATION, number, 0, len(line), "", SLIP_FULLWIDTH_SPACE_BLANK_LINE)
            return
        if self._in_block_scalar(number, line, indentation, stripped):
            return
        if stripped.startswith("#") or (stripped.startswith(("---", "...")) and indentation == ""):
            return
        column = len(indentation)
        if "\t" in indentation or IDEOGRAPHIC_SPACE in indentation:
            column = self._expected_indentation(stripped)
            kind, message_id = (
                (TAB_INDENTATION, SLIP_TAB_INDENTATION)
                if "\t" in indentation
                else (FULLWIDTH_SPACE_INDENTATION, SLIP_FULLWIDTH_SPACE_INDENTATION)
            )
            self._slip(kind, number, 0, len(indentation), " " * column, message_id, spaces=column)
        elif self.context.opens_block is False and column > self.context.key_column and not stripped.startswith("-"):
            # Deeper than the field before, which has its value: the rest of a plain text.
            return
        self._content(number, line, len(indentation), column)

    def _in_block_scalar(self, number: int, line: str, indentation: str, stripped: str) -> bool:
        """Whether the line is text of a `|` or `>` block (reporting a tab that indents it)."""
        if self.block_parent is None:
            return False
        spaces = len(line) - len(line.lstrip(" "))
        if (self.block_indent is not None and spaces >= self.block_indent) or spaces > self.block_parent:
            if self.block_indent is None:
                self.block_indent = spaces
            return True
        if ("\t" in indentation or IDEOGRAPHIC_SPACE in indentation) and not _key_at(stripped, 0):
            # The block's text, indented with a tab or a full-width space.
            expected = self.block_indent if self.block_indent is not None else self.block_parent + 2
            self.block_indent = expected
            kind, message_id = (
                (TAB_INDENTATION, SLIP_TAB_INDENTATION)
                if "\t" in indentation
                else (FULLWIDTH_SPACE_INDENTATION, SLIP_FULLWIDTH_SPACE_INDENTATION)
            )
            self._slip(kind, number, 0, len(indentation), " " * expected, message_id, spaces=expected)
            return True
        self.block_parent = self.block_indent = None
        return False

    def _expected_indentation(self, stripped: str) -> int:
        """Where a line indented with tabs or full-width spaces should start, from the lines before."""
        context = self.context
        if context.opens_block:
            return context.key_column + 2
        if stripped[0] in "-" + FULLWIDTH_HYPHEN and context.dash_column is not None:
            return context.dash_column
        return context.key_column

    def _content(self, number: int, line: str, start: int, column: int) -> None:
        """The line from its first character (``start``); ``column`` is where it stands once corrected."""
        position, shift = start, column - start
        dash_column = self.context.dash_column
        while position < len(line) and line[position] in "-" + FULLWIDTH_HYPHEN:
            dash, following = line[position], line[position + 1 : position + 2]
            key_after = _key_at(line, position + 1)
            if dash == "-" and following in ("", " ", "\t"):
                dash_column = position + shift
                end = position + 1
                while end < len(line) and line[end] in " \t":
                    end += 1
                if "\t" in line[position + 1 : end] and end < len(line):
                    self._slip(TAB_AFTER_DASH, number, position + 1, end, " ", SLIP_TAB_AFTER_DASH)
                    shift += 1 - (end - position - 1)
                    position = end - 1
            elif dash == "-" and following == IDEOGRAPHIC_SPACE:
                dash_column = position + shift
                end = _run_of(line, position + 1, IDEOGRAPHIC_SPACE)
                self._slip(FULLWIDTH_SPACE, number, position + 1, end, " ", SLIP_FULLWIDTH_SPACE, after="-")
                shift += 1 - (end - position - 1)
                position = end - 1
            elif dash == FULLWIDTH_HYPHEN and (following in ("", " ", IDEOGRAPHIC_SPACE) or key_after):
                dash_column = position + shift
                end = _run_of(line, position + 1, IDEOGRAPHIC_SPACE)
                replacement = "-" if line[end : end + 1] in ("", " ") else "- "
                self._slip(FULLWIDTH_DASH, number, position, end, replacement, SLIP_FULLWIDTH_DASH)
                shift += len(replacement) - (end - position)
                position = end - 1
            elif dash == "-" and key_after:
                dash_column = position + shift
                self._slip(
                    NO_SPACE_AFTER_DASH,
                    number,
                    position,
                    position + 1,
                    "- ",
                    SLIP_NO_SPACE_AFTER_DASH,
                    key=key_after.group(1),
                )
                shift += 1
            else:
                break  # `-5`, `---` or text: not a list item's dash
            position += 1
            while position < len(line) and line[position] in " \t":
                position += 1
        key_column = position + shift
        key = _key_at(line, position)
        if key is None:
            self.context = _Context(key_column, False, dash_column)
            self._value(number, line, position, None)
            return
        name, separator = key.group(1), key.group(3)
        after = key.end()
        value_start = after
        if separator in "：，":
            end = _run_of(line, after, IDEOGRAPHIC_SPACE)
            rest = line[end:]
            replacement = ":" if rest[:1] in ("", " ", "\t") else ": "
            kind, message_id = (
                (FULLWIDTH_COLON, SLIP_FULLWIDTH_COLON)
                if separator == "："
                else (FULLWIDTH_COMMA, SLIP_FULLWIDTH_COMMA)
            )
            fixed = f"{name}: {rest.strip()}".rstrip()
            self._slip(kind, number, key.start(3), end, replacement, message_id, key=name, fixed=fixed)
            value_start = end
        elif after < len(line) and line[after] == IDEOGRAPHIC_SPACE:
            end = _run_of(line, after, IDEOGRAPHIC_SPACE)
            self._slip(FULLWIDTH_SPACE, number, after, end, " ", SLIP_FULLWIDTH_SPACE, after=":")
            value_start = end
        elif after < len(line) and line[after] not in " \t":
            if line[after] in ":/" or line[after:].startswith("//"):
                self.context = _Context(key_column, False, dash_column)
                return  # `http://…` or `a::b`: text, not a field
            fixed = f"{name}: {line[after:].strip()}"
            self._slip(
                NO_SPACE_AFTER_COLON,
                number,
                key.start(3),
                after,
                ": ",
                SLIP_NO_SPACE_AFTER_COLON,
                key=name,
                fixed=fixed,
            )
        while value_start < len(line) and line[value_start] in " \t":
            value_start += 1
        value = _without_comment(line[value_start:])
        self.context = _Context(key_column, value == "", dash_column)
        self._value(number, line, value_start, name)

    def _value(self, number: int, line: str, start: int, key: str | None) -> None:
        value = _without_comment(line[start:])
        if not value:
            return
        end = start + len(value)
        first = value[0]
        if first in "|>":
            if re.fullmatch(_BLOCK_HEADER, value):
                self.block_parent = self.context.key_column
                self.block_indent = None
                return
            if value.startswith(">="):
                replacement = "≥" + value[2:].lstrip()
                self._slip(
                    BLOCK_INDICATOR_VALUE,
                    number,
                    start,
                    end,
                    replacement,
                    SLIP_GREATER_EQUAL,
                    value=value,
                    fixed=replacement,
                )
            else:
                replacement = _single_quoted(value)
                self._slip(
                    BLOCK_INDICATOR_VALUE,
                    number,
                    start,
                    end,
                    replacement,
                    SLIP_BLOCK_INDICATOR,
                    value=value,
                    indicator=first,
                    fixed=replacement,
                )
            return
        if first in "\"'":
            if _closing_quote(line, start + 1, first) is None:
                self.open_quote = first
            return
        if key in NUMBER_FIELDS and re.fullmatch(_FULLWIDTH_NUMBER, value):
            digits = value.translate(_FULLWIDTH_DIGIT_VALUES)
            self._slip(
                FULLWIDTH_DIGITS, number, start, end, digits, SLIP_FULLWIDTH_DIGITS, key=key, value=value, fixed=digits
            )
            return
        closing = _CURLY_PAIRS.get(first)
        if closing is not None and len(value) >= 2 and value.endswith(closing):
            inner = value[1:-1]
            if first in inner or closing in inner:
                return  # “甲”和“乙”: quotation marks in the text
            if key in NUMBER_FIELDS and re.fullmatch("[0-9０-９]+", inner):
                replacement = inner.translate(_FULLWIDTH_DIGIT_VALUES)
            elif first == "‘" or _needs_quotes(inner):
                replacement = _single_quoted(inner)
            else:
                return  # “一网通办”: a name in quotation marks, as Chinese writes it
            self._slip(CURLY_QUOTES, number, start, end, replacement, SLIP_CURLY_QUOTES, value=value, fixed=replacement)


def _key_at(line: str, position: int) -> "re.Match[str] | None":
    """A field name and its separator (`:`, or the `：` or `，` of a slip) at ``position``."""
    return re.compile(_KEY).match(line, position)


def _run_of(line: str, start: int, character: str) -> int:
    end = start
    while end < len(line) and line[end] == character:
        end += 1
    return end


def _without_comment(text: str) -> str:
    """``text`` without a trailing ` # comment` (outside quotes) and trailing blanks."""
    quote = None
    for index, character in enumerate(text):
        if quote is not None:
            if character == quote:
                quote = None
        elif character in "\"'" and index == 0:
            quote = character
        elif character == "#" and index > 0 and text[index - 1] in " \t":
            return text[:index].rstrip(" \t")
    return text.rstrip(" \t")


def _closing_quote(line: str, start: int, quote: str) -> int | None:
    """Where the quoted text opened before ``start`` closes on this line, or None."""
    index = start
    while index < len(line):
        character = line[index]
        if quote == '"' and character == "\\":
            index += 2
            continue
        if character == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2  # '' is a quote inside single quotes
                continue
            return index
        index += 1
    return None


def _needs_quotes(text: str) -> bool:
    """Whether YAML would not read ``text``, written plain, as this very text."""
    return (
        text == ""
        or text != text.strip()
        or text[0] in "-?:,[]{}#&*!|>'\"%@`"
        or ": " in text
        or " #" in text
        or text.endswith(":")
        or not reads_as_text_everywhere(text)
    )


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
