"""What checks find (problems) and what the user is shown (diagnostics).

Value types are NamedTuples rather than dataclasses: just as immutable and typed,
but they do not pull in ``inspect`` at start-up, which a one-file pre-commit run
would pay for on every commit.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import enum
from collections.abc import Mapping
from typing import Any, NamedTuple

from validator.messages import render

_NO_PARAMS: Mapping[str, Any] = {}


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Problem(NamedTuple):
    """A rule's finding, located by JSON Pointer into the goal data.

    ``at_key`` points at the mapping key of the member instead of its value (an
    unknown field is best shown at its name). ``related`` holds other places the
    message refers to (the first of two duplicates): a pointer into the same file,
    or, from a rule that looks across files, a ``(path, pointer)`` pair.
    """

    pointer: str
    message_id: str
    params: Mapping[str, Any] = _NO_PARAMS
    at_key: bool = False
    related: tuple[str | tuple[str, str], ...] = ()


class Span(NamedTuple):
    """A 1-based region; ``end_column`` is exclusive (one past the last character)."""

    line: int
    column: int
    end_line: int
    end_column: int


class Related(NamedTuple):
    """Another place a diagnostic refers to; ``path`` differs only for cross-file rules."""

    path: str
    span: Span


class Diagnostic(NamedTuple):
    path: str
    span: Span
    pointer: str
    code: str
    rule: str
    severity: Severity
    message_id: str
    params: Mapping[str, Any] = _NO_PARAMS
    related: tuple[Related, ...] = ()

    def message(self, lang: str) -> str:
        """The message in ``lang``. ``{related_line}`` is the line of the first related
        place: rules know pointers, not lines, and the line is kept out of ``params``
        so that what identifies a problem (baseline, fingerprints) survives edits."""
        params = self.params
        if self.related and "related_line" not in params:
            params = {**params, "related_line": self.related[0].span.line}
        return render(self.message_id, params, lang)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)
