"""A fix's edits as replacements in the file's text, and applying them.

Rules say what to change in terms of the data: the value at ``/indicators/2/seq``,
the key of ``/indicators/0/categroy``. Here each becomes a ``TextEdit``: the range of
the file that holds that value or key (from the source map, so exactly what the
author wrote, quotes included) and the text to put there, written by the importer's
writer (``validator.table.writer.scalar_text``), so a fixed value looks like an
imported one. Everything outside the ranges stays byte for byte: comments, key
order, quoting, blank lines, line endings.

Positions are 1-based lines and columns counted in characters, with line breaks as
libyaml counts them (``\\r\\n``, ``\\r``, ``\\n``, U+0085, U+2028, U+2029), the
same positions every diagnostic and SARIF (``unicodeCodePoints``) use.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from validator.diagnostics import Fix, RenameKey, SetValue, Span, TextEdit
from validator.scalars import scalar_text
from validator.source_map import RawSpan, SourceMap, parent_pointer

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_BREAK_CHARACTERS = "\r\n\x85\u2028\u2029"
# A block scalar's header line: `|`, `>-`, `|2+` …, maybe with a comment after it.
_BLOCK_HEADER_COMMENT = re.compile(r"[ \t]+#.*")


class OverlappingEdits(ValueError):
    """Two edits change the same characters: they cannot both be applied at once."""


class LineIndex:
    """Where each line of a text starts, to turn positions into offsets and back."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in LINE_BREAK.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based position; past the end of a line is its end, past the
        last line the end of the text."""
        if line > len(self.starts):
            return len(self.text)
        start = self.starts[max(line, 1) - 1]
        next_start = self.starts[line] if line < len(self.starts) else len(self.text)
        return min(start + max(column, 1) - 1, next_start)

    def raw_offset(self, line: int, column: int) -> int:
        """The offset of a 0-based position, as the source map keeps them."""
        return self.offset(line + 1, column + 1)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(*self.position(start), *self.position(end))

    def line_end(self, offset: int) -> int:
        """The offset of the line break ending the line ``offset`` is on (or of the text's end)."""
        line = bisect.bisect_right(self.starts, offset)
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        while end > self.starts[line - 1] and self.text[end - 1] in _BREAK_CHARACTERS:
            end -= 1
        return end


_last_index: LineIndex | None = None


def line_index(text: str) -> LineIndex:
    """The index of ``text``; a file's fixes are resolved one after another, so the last is kept."""
    global _last_index
    if _last_index is None or _last_index.text is not text:
        _last_index = LineIndex(text)
    return _last_index


def resolve(fix: Fix, text: str, source_map: SourceMap) -> Fix | None:
    """``fix`` with its edits as text edits of ``text``; None if one cannot be placed
    (then the problem is shown without a fix rather than with a wrong one)."""
    index = line_index(text)
    text_edits: list[TextEdit] = []
    for edit in fix.edits:
        if isinstance(edit, TextEdit):
            text_edits.append(edit)
        elif isinstance(edit, SetValue):
            value_edit = _value_edit(edit, index, source_map)
            if value_edit is None:
                return None
            text_edits.append(value_edit)
        elif isinstance(edit, RenameKey):
            key_span = source_map.key_spans.get(edit.pointer)
            if key_span is None:
                return None
            start, end = _offsets(index, key_span)
            key = scalar_text(edit.key, in_flow=_in_flow(index, source_map, parent_pointer(edit.pointer)))
            text_edits.append(TextEdit(index.span(start, end), key))
        # A Reencode changes bytes, not text: the engine converts the file before anything else.
    return fix._replace(text_edits=tuple(text_edits))


def _offsets(index: LineIndex, raw: RawSpan) -> tuple[int, int]:
    return index.raw_offset(raw[0], raw[1]), index.raw_offset(raw[2], raw[3])


def _in_flow(index: LineIndex, source_map: SourceMap, pointer: str) -> bool:
    """Whether the collection at ``pointer`` is written in flow style (`{…}`, `[…]`)."""
    raw = source_map.value_spans.get(pointer)
    if raw is None:
        return False
    start = index.raw_offset(raw[0], raw[1])
    return index.text[start : start + 1] in ("{", "[")


def _value_edit(edit: SetValue, index: LineIndex, source_map: SourceMap) -> TextEdit | None:
    raw = source_map.value_spans.get(edit.pointer)
    if raw is None:
        return None
    text = index.text
    start, end = _offsets(index, raw)
    first = text[start : start + 1]
    if first in ("|", ">"):
        # A block scalar runs from its header to the lines below. Its text becomes one
        # line; the header's comment stays, and so do the blank lines after it.
        header_end = index.line_end(start)
        comment = _BLOCK_HEADER_COMMENT.search(text, start, header_end)
        while end > header_end and text[end - 1] in " \t" + _BREAK_CHARACTERS:
            end -= 1
        end = index.line_end(end - 1) if end > header_end else header_end
        new = scalar_text(edit.value) + (comment.group() if comment else "")
        return TextEdit(index.span(start, end), new)
    in_flow = _in_flow(index, source_map, parent_pointer(edit.pointer))
    return TextEdit(index.span(start, end), scalar_text(edit.value, in_flow=in_flow))


def edit_ranges(index: LineIndex, edits: Iterable[TextEdit]) -> list[tuple[int, int, str]]:
    """The edits as (start offset, end offset, new text), in text order."""
    ranges = []
    for edit in edits:
        span = edit.span
        start = index.offset(span.line, span.column)
        end = max(start, index.offset(span.end_line, span.end_column))
        ranges.append((start, end, edit.text))
    ranges.sort()
    return ranges


def ranges_overlap(first: Sequence[tuple[int, int, str]], second: Sequence[tuple[int, int, str]]) -> bool:
    """Whether any range of ``first`` touches the characters of one of ``second`` (two
    insertions at one place overlap too: which goes first would be a guess)."""
    return any(
        (start < other_end and other_start < end) or start == other_start
        for start, end, _ in first
        for other_start, other_end, _ in second
    )


def apply_text_edits(text: str, edits: Iterable[TextEdit]) -> str:
    """``text`` with ``edits`` made; raises OverlappingEdits if two change the same characters."""
    ranges = edit_ranges(line_index(text), edits)
    parts = []
    position = 0
    for number, (start, end, new) in enumerate(ranges):
        if start < position or (number and start == ranges[number - 1][0]):
            raise OverlappingEdits(start)
        parts.append(text[position:start])
        parts.append(new)
        position = end
    parts.append(text[position:])
    return "".join(parts)
