"""Read one goal file exactly as its author wrote it.

Goal files are YAML 1.2 core schema: ``no``/``off`` are text, ``1:20`` is text,
``010`` is the integer 10 (never octal), ``2022-01-01`` is text. PyYAML's loaders
resolve YAML 1.1, so we take only libyaml's *events* (fast, C) and build the data
ourselves, resolving plain scalars by the 1.2 core rules and recording where every
key and value stands. Everything a careless or hostile file could do — duplicate
keys, anchors and aliases (alias bombs), tags that would construct objects, several
documents, bad encodings — becomes a located problem, never an exception.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from typing import Any, NamedTuple

import yaml

from validator.diagnostics import Span
from validator.loader.messages import (
    ENCODING_GB18030,
    ENCODING_NOT_UTF8,
    ENCODING_NUL,
    ENCODING_UTF16,
    FILE_BROKEN_LINK,
    FILE_IS_DIRECTORY,
    FILE_LINK_LOOP,
    FILE_NOT_REGULAR,
    FILE_PERMISSION_DENIED,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    FILE_VANISHED,
    YAML_AFTER_DOCUMENT_END,
    YAML_ALIAS,
    YAML_ANCHOR,
    YAML_BAD_CHARACTER,
    YAML_BAD_ESCAPE,
    YAML_BAD_NAME,
    YAML_BAD_TAG,
    YAML_BLOCK_SCALAR_HEADER,
    YAML_COLON_IN_VALUE,
    YAML_COMPLEX_KEY,
    YAML_CONTROL_CHARACTER,
    YAML_DIRECTIVE,
    YAML_DUPLICATE_KEY,
    YAML_EMPTY,
    YAML_INDENTATION,
    YAML_INVISIBLE_CHARACTER,
    YAML_MISSING_COLON,
    YAML_MISSING_VALUE,
    YAML_MULTIPLE_DOCUMENTS,
    YAML_SYNTAX,
    YAML_TAB,
    YAML_TAG,
    YAML_TOO_DEEP,
    YAML_TOP_NOT_MAPPING,
    YAML_UNCLOSED_FLOW,
    YAML_UNCLOSED_QUOTE,
)
from validator.scalars import resolve_plain_scalar, type_name
from validator.source_map import RawSpan, SourceMap, escape_token, to_span

try:  # libyaml's event parser; PyYAML's pure-Python one has the same interface.
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - wheels without libyaml
    _EventParser = None

DEFAULT_MAX_FILE_SIZE = 1024 * 1024
# A goal file nests three deep (file → indicators → indicator). Far deeper data can
# only be a mistake or an attack, and would exhaust the schema validator's recursion.
MAX_NESTING_DEPTH = 32

_CORE_TAG = "tag:yaml.org,2002:"
# Tags that only restate what a goal file may hold; anything else is refused, unbuilt.
_HARMLESS_TAGS = frozenset({"!", _CORE_TAG + "str", _CORE_TAG + "map", _CORE_TAG + "seq"})


class SyntaxProblem(NamedTuple):
    """A problem found while reading: located by position, not (only) by pointer."""

    rule: str  # "yaml-syntax" or "unreadable-file"
    span: Span
    message_id: str
    params: dict[str, Any]
    pointer: str = ""
    related: tuple[Span, ...] = ()


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


def _point(line: int, column: int) -> Span:
    """A one-character span at a 0-based position."""
    return Span(line + 1, column + 1, line + 1, column + 2)


def _position_of(text: str, index: int) -> tuple[int, int]:
    """0-based line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def _problem(span: Span, message_id: str, **params: Any) -> SyntaxProblem:
    return SyntaxProblem("yaml-syntax", span, message_id, params)


def read_goal_file(path: str, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> GoalFile:
    goal_file = GoalFile(path)
    raw = _read_bytes(goal_file, max_file_size)
    if raw is None:
        return goal_file
    text = _decode(goal_file, raw)
    if text is None:
        return goal_file
    goal_file.text = text
    _compose(goal_file, text)
    return goal_file


def _read_bytes(goal_file: GoalFile, max_file_size: int) -> bytes | None:
    try:
        # A pipe or a device would block the run or never end: only regular files are read.
        status = os.stat(goal_file.path)
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            goal_file.problems.append(SyntaxProblem("unreadable-file", _point(0, 0), FILE_NOT_REGULAR, {}))
            return None
        # Read one byte past the cap: enough to know it is too big, never the whole file
        # (and never a buffer of the cap's size for a small file).
        with open(goal_file.path, "rb") as stream:
            raw = stream.read(min(max_file_size, status.st_size) + 1)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message_id, params = FILE_LINK_LOOP, {}
        elif os.path.islink(goal_file.path) and not os.path.exists(goal_file.path):
            message_id, params = FILE_BROKEN_LINK, {"target": os.readlink(goal_file.path)}
        elif isinstance(error, PermissionError):
            message_id, params = FILE_PERMISSION_DENIED, {}
        elif isinstance(error, IsADirectoryError):
            message_id, params = FILE_IS_DIRECTORY, {}
        elif isinstance(error, FileNotFoundError):
            message_id, params = FILE_VANISHED, {}  # listed, then gone before it was read
        else:
            message_id, params = FILE_UNREADABLE, {"reason": error.strerror or str(error)}
        goal_file.problems.append(SyntaxProblem("unreadable-file", _point(0, 0), message_id, params))
        return None
    if len(raw) > max_file_size:
        goal_file.problems.append(_problem(_point(0, 0), FILE_TOO_LARGE, limit=_human_size(max_file_size)))
        return None
    return raw


def _human_size(size: int) -> str:
    for unit, factor in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} B"


def _decode(goal_file: GoalFile, raw: bytes) -> str | None:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        goal_file.problems.append(_problem(_point(0, 0), ENCODING_UTF16))
        return None
    # The BOM is not part of the text: positions below count from after it.
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    nul = body.find(b"\0")
    if nul >= 0:
        goal_file.problems.append(_problem(_point(*_byte_position(body, nul)), ENCODING_NUL))
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        span = _point(*_byte_position(body, error.start))
        goal_file.problems.append(_problem(span, _guess_legacy_encoding(body)))
        return None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """0-based line and column (in characters) of byte ``offset`` of UTF-8 ``data``."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    return _position_of(prefix, len(prefix))


def _guess_legacy_encoding(raw: bytes) -> str:
    """Chinese Windows tools save GBK/GB18030; say so when the bytes read as Chinese that way."""
    try:
        decoded = raw.decode("gb18030")
    except UnicodeDecodeError:
        return ENCODING_NOT_UTF8
    if any("\u4e00" <= char <= "\u9fff" for char in decoded):
        return ENCODING_GB18030
    return ENCODING_NOT_UTF8


# libyaml's own wording → our message ids (both languages); unknown ones keep their text.
_LIBYAML_PROBLEMS = {
    "found a tab character that violates indentation": YAML_TAB,
    "found a tab character where an indentation space is expected": YAML_TAB,
    "mapping values are not allowed in this context": YAML_COLON_IN_VALUE,
    "mapping values are not allowed here": YAML_COLON_IN_VALUE,
    "did not find expected '-' indicator": YAML_INDENTATION,
    "did not find expected key": YAML_INDENTATION,
    "could not find expected ':'": YAML_MISSING_COLON,
    "found unexpected end of stream": YAML_UNCLOSED_QUOTE,
    "found unknown escape character": YAML_BAD_ESCAPE,
    "did not find expected ',' or ']'": YAML_UNCLOSED_FLOW,
    "did not find expected ',' or '}'": YAML_UNCLOSED_FLOW,
    "exceeded maximum nesting depth": YAML_TOO_DEEP,
    # Rarer ones, so that a Chinese reader never gets libyaml's English.
    "did not find expected alphabetic or numeric character": YAML_BAD_NAME,
    "found unknown directive name": YAML_DIRECTIVE,
    "found duplicate %YAML directive": YAML_DIRECTIVE,
    "did not find expected <document start>": YAML_AFTER_DOCUMENT_END,
    "found invalid Unicode character escape code": YAML_BAD_ESCAPE,
    "did not find expected hexdecimal number": YAML_BAD_ESCAPE,
    "did not find the expected '>'": YAML_BAD_TAG,
    "found undefined tag handle": YAML_BAD_TAG,
    "did not find expected comment or line break": YAML_BLOCK_SCALAR_HEADER,
    "did not find expected node content": YAML_MISSING_VALUE,
}


# Control characters (C0 but tab and line feed, DEL, C1), zero-width characters (copied
# from web pages; they make equal names differ) and the bidirectional overrides and
# isolates that can make text display differently from what it is.
INVISIBLE_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]")

# Problems libyaml finds at the end of the file, whose cause is where something opened.
_REPORTED_AT_THE_OPENING = frozenset({YAML_UNCLOSED_QUOTE, YAML_UNCLOSED_FLOW})


def _syntax_error_problem(error: yaml.YAMLError, text: str) -> SyntaxProblem:
    if isinstance(error, yaml.reader.ReaderError):
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        # libyaml reads the UTF-8 encoding of the text: its position counts bytes.
        return _problem(
            _point(*_byte_position(text.encode("utf-8"), error.position)),
            YAML_CONTROL_CHARACTER,
            code_point=f"U+{ord(character):04X}",
        )
    problem = getattr(error, "problem", None) or str(error)
    message_id = _LIBYAML_PROBLEMS.get(problem)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if message_id in _REPORTED_AT_THE_OPENING and getattr(error, "context_mark", None) is not None:
        mark = error.context_mark  # the end of the file says nothing; the opening quote does
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    if message_id is None and problem.startswith("found character"):
        lines = text.splitlines()
        found_tab = line < len(lines) and column < len(lines[line]) and lines[line][column] == "\t"
        message_id = YAML_TAB if found_tab else YAML_BAD_CHARACTER
    if message_id is None:
        return _problem(_point(line, column), YAML_SYNTAX, detail=problem)
    if message_id == YAML_TOO_DEEP:
        return _problem(_point(line, column), message_id, limit=MAX_NESTING_DEPTH)
    return _problem(_point(line, column), message_id)


class _Collection:
    """A mapping or sequence being built, with the key waiting for its value."""

    __slots__ = ("flow", "key_spans", "last_end", "pending_key", "pending_key_span", "pointer", "value")

    def __init__(self, value: dict | list, pointer: str, flow: bool) -> None:
        self.value = value
        self.pointer = pointer
        self.flow = flow  # `[a, b]` ends at its bracket; a block collection at its last value
        self.last_end: tuple[int, int] | None = None
        self.pending_key: str | None = None
        self.pending_key_span: RawSpan | None = None
        self.key_spans: dict[str, RawSpan] = {}


def _raw_span(start: Any, end: Any) -> RawSpan:
    return (start.line, start.column, end.line, end.column)


def _tag_text(tag: str) -> str:
    return "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag


def _compose(goal_file: GoalFile, text: str) -> None:
    """Build data and source map from libyaml events; record what must not pass."""
    problems = goal_file.problems
    value_spans: dict[str, RawSpan] = {}
    key_spans: dict[str, RawSpan] = {}
    non_text_scalars: dict[str, str] = {}
    stack: list[_Collection] = []
    root: Any = None
    has_root = False  # a document of just `~` has a root: null, not "empty"
    documents = 0

    def place(value: Any, span: RawSpan, key_text: str | None) -> None:
        """Put a finished node where it belongs: root, mapping key, mapping value or list item."""
        nonlocal root, has_root
        if not stack:
            root, has_root = value, True
            value_spans[""] = span
            return
        parent = stack[-1]
        parent.last_end = (span[2], span[3])
        if isinstance(parent.value, list):
            pointer = f"{parent.pointer}/{len(parent.value)}"
            parent.value.append(value)
            value_spans[pointer] = span
            return
        if parent.pending_key is None:
            if key_text is None:
                problems.append(_problem(to_span(span), YAML_COMPLEX_KEY))
                key_text = ""
            parent.pending_key, parent.pending_key_span = key_text, span
            return
        key, key_span = parent.pending_key, parent.pending_key_span
        parent.pending_key = parent.pending_key_span = None
        first_key_span = parent.key_spans.get(key)
        pointer = f"{parent.pointer}/{escape_token(key)}"
        if first_key_span is not None:
            problems.append(
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
        key_spans[pointer] = key_span
        value_spans[pointer] = span

    def starts_a_key() -> bool:
        return bool(stack) and isinstance(stack[-1].value, dict) and stack[-1].pending_key is None

    def next_pointer() -> str:
        """The pointer of a node starting now (a key's is a placeholder: keys are text)."""
        if not stack:
            return ""
        parent = stack[-1]
        if isinstance(parent.value, list):
            return f"{parent.pointer}/{len(parent.value)}"
        if parent.pending_key is None:
            return parent.pointer + "/?"
        return f"{parent.pointer}/{escape_token(parent.pending_key)}"

    def check_node_properties(event: Any) -> None:
        if event.anchor is not None:
            span = to_span(_raw_span(event.start_mark, event.end_mark))
            problems.append(_problem(span, YAML_ANCHOR, anchor=event.anchor))
        tag = event.tag
        if tag is not None and tag not in _HARMLESS_TAGS:
            span = to_span(_raw_span(event.start_mark, event.end_mark))
            problems.append(_problem(span, YAML_TAG, tag=_tag_text(tag)))

    parser = _EventParser(text) if _EventParser is not None else yaml.SafeLoader(text)
    try:
        while True:
            event = parser.get_event()
            event_type = type(event)
            if event_type is yaml.ScalarEvent:
                check_node_properties(event)
                raw_text = event.value
                plain = not event.style and event.tag is None
                value = resolve_plain_scalar(raw_text) if plain else raw_text
                if value.__class__ is str:
                    invisible = INVISIBLE_IN_TEXT.search(value)
                    if invisible:
                        # libyaml refuses raw control characters, but `"a\x01b"` writes one in
                        # an escape, and U+202E (right-to-left override) is "printable".
                        problems.append(
                            _problem(
                                to_span(_raw_span(event.start_mark, event.end_mark)),
                                YAML_INVISIBLE_CHARACTER,
                                code_point=f"U+{ord(invisible.group()):04X}",
                            )
                        )
                if value.__class__ is not str and not starts_a_key():
                    # Kept so that a message can quote `010` as written, not as 10.
                    non_text_scalars[next_pointer()] = raw_text
                place(value, _raw_span(event.start_mark, event.end_mark), raw_text)
            elif event_type is yaml.MappingStartEvent or event_type is yaml.SequenceStartEvent:
                check_node_properties(event)
                if len(stack) >= MAX_NESTING_DEPTH:
                    span = to_span(_raw_span(event.start_mark, event.end_mark))
                    problems.append(_problem(span, YAML_TOO_DEEP, limit=MAX_NESTING_DEPTH))
                    return
                pointer = next_pointer()
                container: dict | list = {} if event_type is yaml.MappingStartEvent else []
                stack.append(_Collection(container, pointer, bool(event.flow_style)))
                # Remember where it starts; the end is known at the matching end event.
                value_spans[pointer] = _raw_span(event.start_mark, event.start_mark)
            elif event_type is yaml.MappingEndEvent or event_type is yaml.SequenceEndEvent:
                finished = stack.pop()
                start = value_spans.pop(finished.pointer)
                # libyaml ends a block collection where the next token starts (the next
                # item, maybe lines below); the region should end with its last value.
                end = finished.last_end
                if finished.flow or end is None:
                    end = (event.end_mark.line, event.end_mark.column)
                span = (start[0], start[1], end[0], end[1])
                place(finished.value, span, None)
            elif event_type is yaml.AliasEvent:
                # Never expanded: that is what makes an alias bomb harmless here.
                span = _raw_span(event.start_mark, event.end_mark)
                problems.append(_problem(to_span(span), YAML_ALIAS, anchor=event.anchor))
                place(None, span, "*" + event.anchor)  # as a key, reported once: as an alias
            elif event_type is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    span = to_span(_raw_span(event.start_mark, event.end_mark))
                    problems.append(_problem(span, YAML_MULTIPLE_DOCUMENTS))
                    break
            elif event_type is yaml.StreamEndEvent:
                break
    except yaml.YAMLError as error:
        problems.append(_syntax_error_problem(error, text))
        return
    finally:
        if hasattr(parser, "dispose"):
            parser.dispose()

    if not has_root or (root is None and non_text_scalars.get("") == ""):  # nothing, or a bare `---`
        problems.append(_problem(Span(1, 1, 1, 2), YAML_EMPTY))
        return
    if not isinstance(root, dict):
        problems.append(_problem(to_span(value_spans[""]), YAML_TOP_NOT_MAPPING, found=type_name(root)))
        return
    goal_file.data = root
    goal_file.source_map = SourceMap(value_spans, key_spans, non_text_scalars)
