"""From libyaml's events to data and a source map, under YAML 1.2 core rules.

PyYAML's loaders resolve YAML 1.1, so we take only libyaml's *events* (fast, C) and
build the data ourselves: plain scalars resolve by the 1.2 core rules
(``validator.scalars``), and every key and value gets its place in the source map.
What a careless or hostile file could do becomes a located problem instead of data:
duplicate keys (the first one stands), anchors and aliases (never expanded, so an
alias bomb is harmless), tags (never constructed), a second document, nesting deeper
than any goal file, invisible characters in text.
"""

from __future__ import annotations

from typing import Any

import yaml

from validator.diagnostics import Span
from validator.loader.messages import (
    YAML_ALIAS,
    YAML_ANCHOR,
    YAML_COMPLEX_KEY,
    YAML_DUPLICATE_KEY,
    YAML_EMPTY,
    YAML_INVISIBLE_CHARACTER,
    YAML_MULTIPLE_DOCUMENTS,
    YAML_TAG,
    YAML_TOO_DEEP,
    YAML_TOP_NOT_MAPPING,
)
from validator.loader.model import SyntaxProblem, syntax_problem
from validator.loader.syntax_errors import syntax_error_problem
from validator.loader.text import INVISIBLE_IN_TEXT
from validator.scalars import resolve_plain_scalar, type_name
from validator.source_map import RawSpan, SourceMap, escape_token, to_span

_EventParser: Any
try:  # libyaml's event parser; PyYAML's pure-Python one has the same interface.
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - wheels without libyaml
    _EventParser = None

# A goal file nests three deep (file → indicators → indicator). Far deeper data can
# only be a mistake or an attack, and would exhaust the schema validator's recursion.
MAX_NESTING_DEPTH = 32

_CORE_TAG = "tag:yaml.org,2002:"
# Tags that only restate what a goal file may hold; anything else is refused, unbuilt.
_HARMLESS_TAGS = frozenset({"!", _CORE_TAG + "str", _CORE_TAG + "map", _CORE_TAG + "seq"})


class _Collection:
    """A mapping or sequence being built, with the key waiting for its value."""

    __slots__ = ("flow", "key_spans", "last_end", "pending_key", "pending_key_span", "pointer", "value")

    def __init__(self, value: dict[str, Any] | list[Any], pointer: str, flow: bool) -> None:
        self.value = value
        self.pointer = pointer
        self.flow = flow  # `[a, b]` ends at its bracket; a block collection at its last value
        self.last_end: tuple[int, int] | None = None
        self.pending_key: str | None = None
        self.pending_key_span: RawSpan | None = None
        self.key_spans: dict[str, RawSpan] = {}


class _Stop(Exception):
    """Reading stops here: what was found so far is reported, the data is not used."""


def _raw_span(start: Any, end: Any) -> RawSpan:
    return (start.line, start.column, end.line, end.column)


def _tag_text(tag: str) -> str:
    return "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag


class Composer:
    """Builds one document's data and source map; ``problems`` collects what must not pass."""

    def __init__(self, problems: list[SyntaxProblem]) -> None:
        self.problems = problems
        self.value_spans: dict[str, RawSpan] = {}
        self.key_spans: dict[str, RawSpan] = {}
        self.non_text_scalars: dict[str, str] = {}  # how `010` or `true` was written, by pointer
        self.stack: list[_Collection] = []
        self.root: Any = None
        self.has_root = False  # a document of just `~` has a root: null, not "empty"
        self.documents = 0

    def compose(self, text: str) -> tuple[dict[str, Any], SourceMap] | None:
        """The data (a mapping) and its source map, or None when a problem stops the file."""
        parser = _EventParser(text) if _EventParser is not None else yaml.SafeLoader(text)
        try:
            self._consume(parser)
        except yaml.YAMLError as error:
            self.problems.append(syntax_error_problem(error, text, MAX_NESTING_DEPTH))
            return None
        except _Stop:
            return None
        finally:
            if hasattr(parser, "dispose"):
                parser.dispose()
        return self._finish()

    def _consume(self, parser: Any) -> None:
        while True:
            event = parser.get_event()
            event_type = type(event)
            if event_type is yaml.ScalarEvent:
                self._scalar(event)
            elif event_type is yaml.MappingStartEvent or event_type is yaml.SequenceStartEvent:
                self._start_collection(event, {} if event_type is yaml.MappingStartEvent else [])
            elif event_type is yaml.MappingEndEvent or event_type is yaml.SequenceEndEvent:
                self._end_collection(event)
            elif event_type is yaml.AliasEvent:
                # Never expanded: that is what makes an alias bomb harmless here.
                span = _raw_span(event.start_mark, event.end_mark)
                self.problems.append(syntax_problem(to_span(span), YAML_ALIAS, anchor=event.anchor))
                self._place(None, span, "*" + event.anchor)  # as a key, reported once: as an alias
            elif event_type is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    span = to_span(_raw_span(event.start_mark, event.end_mark))
                    self.problems.append(syntax_problem(span, YAML_MULTIPLE_DOCUMENTS))
                    return
            elif event_type is yaml.StreamEndEvent:
                return

    def _finish(self) -> tuple[dict[str, Any], SourceMap] | None:
        if not self.has_root or (self.root is None and self.non_text_scalars.get("") == ""):  # nothing, or `---`
            self.problems.append(syntax_problem(Span(1, 1, 1, 2), YAML_EMPTY))
            return None
        if not isinstance(self.root, dict):
            span = to_span(self.value_spans[""])
            self.problems.append(syntax_problem(span, YAML_TOP_NOT_MAPPING, found=type_name(self.root)))
            return None
        return self.root, SourceMap(self.value_spans, self.key_spans, self.non_text_scalars)

    def _scalar(self, event: Any) -> None:
        self._check_node_properties(event)
        raw_text = event.value
        plain = not event.style and event.tag is None
        value = resolve_plain_scalar(raw_text) if plain else raw_text
        if value.__class__ is str:
            invisible = INVISIBLE_IN_TEXT.search(value)
            if invisible:
                # libyaml refuses raw control characters, but `"a\x01b"` writes one in
                # an escape, and U+202E (right-to-left override) is "printable".
                span = to_span(_raw_span(event.start_mark, event.end_mark))
                code_point = f"U+{ord(invisible.group()):04X}"
                self.problems.append(syntax_problem(span, YAML_INVISIBLE_CHARACTER, code_point=code_point))
        elif not self._starts_a_key():
            # Kept so that a message can quote `010` as written, not as 10.
            self.non_text_scalars[self._next_pointer()] = raw_text
        self._place(value, _raw_span(event.start_mark, event.end_mark), raw_text)

    def _start_collection(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        self._check_node_properties(event)
        if len(self.stack) >= MAX_NESTING_DEPTH:
            span = to_span(_raw_span(event.start_mark, event.end_mark))
            self.problems.append(syntax_problem(span, YAML_TOO_DEEP, limit=MAX_NESTING_DEPTH))
            raise _Stop
        pointer = self._next_pointer()
        self.stack.append(_Collection(container, pointer, bool(event.flow_style)))
        # Remember where it starts; the end is known at the matching end event.
        self.value_spans[pointer] = _raw_span(event.start_mark, event.start_mark)

    def _end_collection(self, event: Any) -> None:
        finished = self.stack.pop()
        start = self.value_spans.pop(finished.pointer)
        # libyaml ends a block collection where the next token starts (the next item,
        # maybe lines below); the region should end with its last value.
        end = finished.last_end
        if finished.flow or end is None:
            end = (event.end_mark.line, event.end_mark.column)
        self._place(finished.value, (start[0], start[1], end[0], end[1]), None)

    def _place(self, value: Any, span: RawSpan, key_text: str | None) -> None:
        """Put a finished node where it belongs: root, mapping key, mapping value or list item."""
        if not self.stack:
            self.root, self.has_root = value, True
            self.value_spans[""] = span
            return
        parent = self.stack[-1]
        parent.last_end = (span[2], span[3])
        if isinstance(parent.value, list):
            self.value_spans[f"{parent.pointer}/{len(parent.value)}"] = span
            parent.value.append(value)
            return
        if parent.pending_key is None:
            if key_text is None:
                self.problems.append(syntax_problem(to_span(span), YAML_COMPLEX_KEY))
                key_text = ""
            parent.pending_key, parent.pending_key_span = key_text, span
            return
        key, key_span = parent.pending_key, parent.pending_key_span
        assert key_span is not None
        parent.pending_key = parent.pending_key_span = None
        pointer = f"{parent.pointer}/{escape_token(key)}"
        first_key_span = parent.key_spans.get(key)
        if first_key_span is not None:
            self.problems.append(
                SyntaxProblem(
                    "yaml-syntax",
                    to_span(key_span),
                    YAML_DUPLICATE_KEY,
                    {"key": key, "first_line": first_key_span[0] + 1},
                    pointer,
                    (to_span(first_key_span),),
                )
            )
            return  # the first one stands; the file fails anyway
        parent.key_spans[key] = key_span
        parent.value[key] = value
        self.key_spans[pointer] = key_span
        self.value_spans[pointer] = span

    def _starts_a_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and self.stack[-1].pending_key is None

    def _next_pointer(self) -> str:
        """The pointer of the node about to be placed."""
        if not self.stack:
            return ""
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return f"{parent.pointer}/{len(parent.value)}"
        if parent.pending_key is None:
            return parent.pointer + "/?"
        return f"{parent.pointer}/{escape_token(parent.pending_key)}"

    def _check_node_properties(self, event: Any) -> None:
        if event.anchor is not None:
            span = to_span(_raw_span(event.start_mark, event.end_mark))
            self.problems.append(syntax_problem(span, YAML_ANCHOR, anchor=event.anchor))
        tag = event.tag
        if tag is not None and tag not in _HARMLESS_TAGS:
            span = to_span(_raw_span(event.start_mark, event.end_mark))
            self.problems.append(syntax_problem(span, YAML_TAG, tag=_tag_text(tag)))
