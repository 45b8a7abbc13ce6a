"""The one place that turns JSON Pointers into line:column.

The loader records, for every value and every mapping key, where it stands in the
file. Rules and the schema check locate their problems by pointer only; this map
answers where that is.
"""

from __future__ import annotations

from validator.diagnostics import Span

# (line, column, end_line, end_column), 0-based as the YAML parser reports marks.
RawSpan = tuple[int, int, int, int]


def escape_token(token: str) -> str:
    """Escape one reference token (RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``)."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def pointer_of(parts: list[str | int] | tuple[str | int, ...]) -> str:
    return "".join("/" + escape_token(str(part)) for part in parts)


def parent_pointer(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def to_span(raw: RawSpan) -> Span:
    line, column, end_line, end_column = raw
    return Span(line + 1, column + 1, end_line + 1, end_column + 1)


class SourceMap:
    def __init__(
        self,
        value_spans: dict[str, RawSpan],
        key_spans: dict[str, RawSpan],
        non_text_scalars: dict[str, str] | None = None,
    ) -> None:
        self.value_spans = value_spans
        self.key_spans = key_spans
        # Source text of scalars that did not resolve to text (`010`, `true`), by pointer.
        self.non_text_scalars = non_text_scalars or {}

    def source_text(self, pointer: str) -> str | None:
        """How a number, boolean or null at ``pointer`` was written, if it was."""
        return self.non_text_scalars.get(pointer)

    def span(self, pointer: str, at_key: bool = False) -> Span:
        """Where ``pointer`` stands; its key when ``at_key``.

        A pointer to something absent (a missing field) falls back to the nearest
        ancestor that exists, so a problem is never left without a line.
        """
        if at_key and pointer in self.key_spans:
            return to_span(self.key_spans[pointer])
        while pointer not in self.value_spans and pointer:
            pointer = parent_pointer(pointer)
        return to_span(self.value_spans.get(pointer, (0, 0, 0, 1)))
