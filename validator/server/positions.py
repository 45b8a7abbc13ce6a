"""Positions between goals-lint and an editor.

goals-lint counts 1-based lines and columns in characters (code points), the end
column exclusive. The Language Server Protocol counts from 0, in the units the client
and the server agreed on: UTF-16 code units unless both said otherwise. A character
outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph in Extension B)
is one column for goals-lint and two UTF-16 units for the editor.
"""

from __future__ import annotations

from validator.diagnostics import Span

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def lines_of(text: str) -> list[str]:
    """The text's lines as the loader counts them (a line ends at `\\n`; a `\\r` before it is not content)."""
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def units(text: str, encoding: str) -> int:
    """How many of the editor's units ``text`` takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", errors="replace"))
    return len(text.encode("utf-16-le", errors="replace")) // 2


def to_editor(lines: list[str], line: int, column: int, encoding: str) -> tuple[int, int]:
    """A 1-based line and character column as the editor's 0-based (line, character)."""
    line_index = max(line - 1, 0)
    if line_index >= len(lines):
        return len(lines), 0
    text = lines[line_index]
    return line_index, units(text[: max(column - 1, 0)], encoding)


def span_to_editor(lines: list[str], span: Span, encoding: str) -> tuple[tuple[int, int], tuple[int, int]]:
    return to_editor(lines, span.line, span.column, encoding), to_editor(
        lines, span.end_line, span.end_column, encoding
    )


def from_editor(lines: list[str], line: int, character: int, encoding: str) -> tuple[int, int]:
    """The editor's 0-based (line, character) as a 0-based line and a 0-based index into it."""
    if line >= len(lines):
        return line, 0
    text = lines[line]
    if encoding == UTF32:
        return line, min(character, len(text))
    counted = 0
    for index, char in enumerate(text):
        if counted >= character:
            return line, index
        counted += units(char, encoding)
    return line, len(text)
