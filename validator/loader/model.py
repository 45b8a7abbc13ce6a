"""What the reader produces: a file's text, data and source map, or the problems that stopped it."""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

from typing import Any, NamedTuple

from validator.diagnostics import Fix, Span
from validator.source_map import SourceMap


class SyntaxProblem(NamedTuple):
    """A problem found while reading: located by position, not (only) by pointer."""

    rule: str  # "yaml-syntax" or "unreadable-file"
    span: Span
    message_id: str
    params: dict[str, Any]
    pointer: str = ""
    related: tuple[Span, ...] = ()
    fix: Fix | None = None


class GoalFile:
    """One file as read: its text, data and source map, or the problems that stopped it."""

    __slots__ = ("data", "path", "problems", "source_map", "text")

    def __init__(self, path: str) -> None:
        self.path = path
        self.text: str | None = None
        self.data: Any = None
        self.source_map: SourceMap | None = None
        self.problems: list[SyntaxProblem] = []

    @property
    def readable(self) -> bool:
        """True when the data can be trusted for schema and rule checks."""
        return self.source_map is not None and not self.problems


def point(line: int, column: int) -> Span:
    """A one-character span at a 0-based position."""
    return Span(line + 1, column + 1, line + 1, column + 2)


def position_of(text: str, index: int) -> tuple[int, int]:
    """0-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """0-based line and column (in characters) of byte ``offset`` of UTF-8 ``data``."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return position_of(prefix, len(prefix))


def syntax_problem(span: Span, message_id: str, **params: Any) -> SyntaxProblem:
    return SyntaxProblem("yaml-syntax", span, message_id, params)
