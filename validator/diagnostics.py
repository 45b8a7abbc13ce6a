"""What checks find (problems) and what the user is shown (diagnostics)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """A rule's finding, located by JSON Pointer into the goal data.

    ``at_key`` points at the mapping key of the member instead of its value (an
    unknown field is best shown at its name). ``related`` holds pointers of other
    places the message refers to (the first of two duplicates).
    """

    pointer: str
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    at_key: bool = False
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """A 1-based region; ``end_column`` is exclusive (one past the last character)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Diagnostic:
    path: str
    span: Span
    pointer: str
    code: str
    rule: str
    severity: Severity
    message_id: str
    params: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[Span, ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.code)
