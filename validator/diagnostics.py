"""What checks find (problems), how to fix them (fixes), and what the user is shown (diagnostics).

Value types are NamedTuples rather than dataclasses: just as immutable and typed,
but they do not pull in ``inspect`` at start-up, which a one-file pre-commit run
would pay for on every commit.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import enum
from collections.abc import Mapping
from typing import Any, NamedTuple, TypeAlias

from validator.messages import render

_NO_PARAMS: Mapping[str, Any] = {}


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Span(NamedTuple):
    """A 1-based region; ``end_column`` is exclusive (one past the last character)."""

    line: int
    column: int
    end_line: int
    end_column: int


class Applicability(str, enum.Enum):
    """Whether ``--fix`` applies a fix on its own (``safe``: the meaning stays), or only
    with ``--unsafe-fixes`` (``unsafe``: a reviewer should look at the change)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


# What a fix changes. Rules say it in terms of the data (a value or a key at a pointer);
# comment rules and the reader, which see text, say it as text. The fix engine
# (``validator.fix``) turns every edit into ``TextEdit``s on the file as it stands.


class SetValue(NamedTuple):
    """Write ``value`` at ``pointer`` (a scalar), quoted as the importer's writer quotes it."""

    pointer: str
    value: str | int


class RenameKey(NamedTuple):
    """Give the member at ``pointer`` the key ``key``, its value unchanged."""

    pointer: str
    key: str


class TextEdit(NamedTuple):
    """Replace the text in ``span`` with ``text`` (an empty span inserts, an empty text deletes)."""

    span: Span
    text: str


class Reencode(NamedTuple):
    """Rewrite the whole file, read as ``encoding``, as UTF-8, character for character."""

    encoding: str


Edit: TypeAlias = SetValue | RenameKey | TextEdit | Reencode


class Fix(NamedTuple):
    """A change that solves one problem: how safe it is, what it does (a message), and the edits.

    ``text_edits`` are the edits as replacements in the file's text (what SARIF and an
    editor apply); the engine fills them in from ``edits`` where the file was read.
    """

    applicability: Applicability
    message_id: str
    params: Mapping[str, Any] = _NO_PARAMS
    edits: tuple[Edit, ...] = ()
    text_edits: tuple[TextEdit, ...] = ()

    @classmethod
    def of_text(
        cls,
        applicability: Applicability,
        message_id: str,
        params: Mapping[str, Any],
        text_edits: tuple[TextEdit, ...],
    ) -> "Fix":
        """A fix found in the text itself (a comment, a typing slip): its edits are text edits."""
        return cls(applicability, message_id, params, text_edits, text_edits)

    def applies(self, unsafe: bool) -> bool:
        """Whether ``--fix`` applies it: a safe fix always, an unsafe one with ``--unsafe-fixes``."""
        return unsafe or self.applicability is Applicability.SAFE


class Problem(NamedTuple):
    """A rule's finding, located by JSON Pointer into the goal data.

    ``at_key`` points at the mapping key of the member instead of its value (an
    unknown field is best shown at its name). ``related`` holds other places the
    message refers to (the first of two duplicates): a pointer into the same file,
    or, from a rule that looks across files, a ``(path, pointer)`` pair. ``fix`` is
    the change that solves it, when a tool can make it without judgement.
    """

    pointer: str
    message_id: str
    params: Mapping[str, Any] = _NO_PARAMS
    at_key: bool = False
    related: tuple[str | tuple[str, str], ...] = ()
    fix: Fix | None = None


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
    fix: Fix | None = None

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
