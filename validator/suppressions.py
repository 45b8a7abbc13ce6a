"""Inline suppressions: ``# goals-lint: disable=RULE[,RULE] -- reason`` in YAML comments.

- at the end of a line: hides those rules' diagnostics that start on that line;
- alone on a line: hides them on the next line that is neither blank nor a comment;
- ``# goals-lint: disable-file=RULE -- reason`` in the comment block at the top of
  the file: hides the rules in the whole file.

Authors type these with a Chinese input method, so the directive is read after
NFKC normalisation (full-width ``：＝，`` and letters), ``goals-lint`` and
``disable``/``disable-file`` in any case, rules separated by ``,`` or ``、``, and the
reason after ``--`` or ``——``. A comment that starts with ``goals-lint``, or has
``goals-lint:`` or ``goals-lint disable`` in it, but is not a readable directive is
reported (``Malformed``) rather than ignored: an author who meant to suppress
something must learn that it did not work. Prose that only mentions goals-lint
(``# 已通过 goals-lint 检查``) is left alone.

libyaml does not report comments, so the text is scanned here. A ``#`` starts a
comment only at the start of a line or after a space, and never inside a quoted
scalar or the body of a block scalar (``|``, ``>``); that is as much of YAML as a
comment finder needs. A file without ``goals-lint`` in it costs one search.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from typing import NamedTuple

from validator.diagnostics import Diagnostic, Span, TextEdit

_MENTION = re.compile(r"goals-lint", re.IGNORECASE)
# The directive starts after `goals-lint:` (or the full-width `：`), anywhere in the comment,
# so `# 原表如此 # goals-lint: disable=…` works too.
_DIRECTIVE = re.compile(r"goals-lint\s*[:：]\s*", re.IGNORECASE)
# Comments that were meant as a directive but lack the colon: `# goals-lint disable=…`,
# `# GOALS-LINT 忽略`. Only these and `goals-lint:` comments are reported when unreadable.
# `# goals-lint-baseline.json …` is about something else.
_ATTEMPT = re.compile(r"#\s*goals-lint(?![\w-])|goals-lint\s*(?:disable|enable)", re.IGNORECASE)
# Read after NFKC, which has turned `＝`, `，`, `－` and full-width letters into ASCII.
_KIND = re.compile(r"(disable-file|disable)\s*=\s*", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"[,、]")
# `——` is what Chinese input methods type for `--` (U+2014, or U+2015 in some fonts).
_REASON_SEPARATOR = re.compile(r"--|——|――")
# A second comment after the directive (`# goals-lint: … # note`) is not part of it;
# `#12` in a reason is, so only a `#` with space on both sides ends the directive.
_NESTED_COMMENT = re.compile(r"\s#(\s|$)")
# The same separators as written, before NFKC (`＝`, `，`, `－－`): to edit a directive in place.
_WRITTEN_EQUALS = re.compile("[=＝]")
_WRITTEN_REASON_SEPARATOR = re.compile("[-－]{2}|——|――")
_WRITTEN_NAME_SEPARATOR = re.compile(r"\s*[,，、]\s*")
_BLOCK_INDICATOR = re.compile(r"[|>][1-9+-]{0,2}\s*(#.*)?$")


class Comment(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based column of the `#`
    text: str  # from the `#` to the end of the line
    alone: bool  # nothing but the comment on its line


class Suppression(NamedTuple):
    """One parsed directive; ``lines`` is empty for a whole-file one."""

    span: Span  # where the comment is, for diagnostics about it
    kind: str  # "disable" or "disable-file"
    names: tuple[str, ...]  # as written: slugs or codes
    reason: str
    lines: frozenset[int]


class Malformed(NamedTuple):
    """A ``goals-lint:`` comment that could not be read as a directive."""

    span: Span
    text: str
    misplaced_file_directive: bool = False


def find_comments(text: str) -> list[Comment]:
    """Every YAML comment in ``text``, as far as a line scanner can tell."""
    comments: list[Comment] = []
    open_quote = ""  # a quoted scalar that continues on the next line
    block_parent_indent = -1  # inside a block scalar's body while lines are indented more than this
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_parent_indent >= 0:
            if not stripped.strip() or indent > block_parent_indent:
                continue
            block_parent_indent = -1
        comment_at, open_quote, starts_block = _scan_line(line, open_quote)
        if comment_at >= 0:
            comments.append(Comment(number, comment_at + 1, line[comment_at:], not line[:comment_at].strip()))
        if starts_block:
            block_parent_indent = indent
    return comments


def _scan_line(line: str, open_quote: str) -> tuple[int, str, bool]:
    """(index of the comment's `#` or -1, quote still open at the end, a block scalar starts)."""
    index = 0
    can_start_scalar = True  # at a place where a quoted scalar or `|`/`>` may begin
    if open_quote:
        index = _end_of_quote(line, 0, open_quote)
        if index < 0:
            return -1, open_quote, False
        can_start_scalar = False
    length = len(line)
    while index < length:
        char = line[index]
        if char == "#" and (index == 0 or line[index - 1] in " \t"):
            return index, "", False
        if char in " \t":
            index += 1
            continue
        if can_start_scalar and char in "'\"":
            end = _end_of_quote(line, index + 1, char)
            if end < 0:
                return -1, char, False
            index = end
            can_start_scalar = False
            continue
        if can_start_scalar and char in "|>" and _BLOCK_INDICATOR.match(line, index):
            rest = line[index:]
            hash_at = rest.find("#")
            comment_at = index + hash_at if hash_at > 0 and rest[hash_at - 1] in " \t" else -1
            return comment_at, "", True
        if char in "-?:" and (index + 1 == length or line[index + 1] in " \t"):
            can_start_scalar = True  # `- `, `? `, `: ` introduce a value
        elif char in "[{,":
            can_start_scalar = True
        else:
            can_start_scalar = False
        index += 1
    return -1, "", False


def _end_of_quote(line: str, start: int, quote: str) -> int:
    """Index just past the closing ``quote`` from ``start``, or -1 when the line ends first."""
    index = start
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2  # '' is an escaped quote inside single quotes
                continue
            return index + 1
        index += 1
    return -1


def parse_suppressions(text: str) -> tuple[list[Suppression], list[Malformed]]:
    """The directives in ``text``, and the ``goals-lint`` comments that are not directives."""
    if _MENTION.search(text) is None:
        return [], []
    lines = text.splitlines()
    comments = find_comments(text)
    # The leading comment block: comment-only and blank lines before the first content.
    leading_block_end = 0
    for number, line in enumerate(lines, 1):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        leading_block_end = number
    comment_lines = {comment.line for comment in comments if comment.alone}

    suppressions: list[Suppression] = []
    malformed: list[Malformed] = []
    for comment in comments:
        if _MENTION.search(comment.text) is None:
            continue
        directive = _DIRECTIVE.search(comment.text)
        if directive is None:
            if _ATTEMPT.search(comment.text):
                span = Span(comment.line, comment.column, comment.line, comment.column + len(comment.text.rstrip()))
                malformed.append(Malformed(span, comment.text.lstrip("#").strip()))
            continue
        body = comment.text[directive.end() :]
        nested = _NESTED_COMMENT.search(body)
        if nested is not None:
            body = body[: nested.start()]
        span = Span(
            comment.line,
            comment.column,
            comment.line,
            comment.column + len(comment.text[: directive.end()] + body.rstrip()),
        )
        # Spans and messages use the comment as written; only the reading is normalised.
        readable = unicodedata.normalize("NFKC", body)
        kind_match = _KIND.match(readable)
        if kind_match is None:
            malformed.append(Malformed(span, body.strip()))
            continue
        kind = kind_match.group(1).lower()
        parts = _REASON_SEPARATOR.split(readable[kind_match.end() :], maxsplit=1)
        names_part, reason = parts[0], parts[1] if len(parts) > 1 else ""
        names = tuple(name.strip() for name in _NAME_SEPARATOR.split(names_part) if name.strip())
        if not names or any(char.isspace() for name in names for char in name):
            malformed.append(Malformed(span, body.strip()))
            continue
        if kind == "disable-file":
            if comment.line > leading_block_end:
                malformed.append(Malformed(span, body.strip(), misplaced_file_directive=True))
                continue
            covered: frozenset[int] = frozenset()
        elif comment.alone:
            covered = frozenset(_next_content_line(lines, comment.line, comment_lines))
        else:
            covered = frozenset({comment.line})
        suppressions.append(Suppression(span, kind, names, reason.strip(), covered))
    return suppressions, malformed


def _next_content_line(lines: list[str], after: int, comment_lines: set[int]) -> list[int]:
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip() and number not in comment_lines:
            return [number]
    return []


def removal_edit(text: str, suppression: Suppression, names: Collection[str]) -> TextEdit | None:
    """The edit of ``text`` that takes ``names`` (as the suppression reads them) out of it: the
    whole directive when no name would be left — its line, if the comment stood alone —,
    else only those names. None if the comment is not where the suppression says."""
    lines = text.splitlines()
    number = suppression.span.line
    if number > len(lines):
        return None
    line = lines[number - 1]
    comment_start = suppression.span.column - 1
    comment = line[comment_start:]
    directive = _DIRECTIVE.search(comment)
    if not comment.startswith("#") or directive is None:
        return None
    body = comment[directive.end() :]
    nested = _NESTED_COMMENT.search(body)
    body_end = directive.end() + (nested.start() if nested else len(body.rstrip()))
    kept = [name for name in suppression.names if name not in names]
    if kept:
        return _names_edit(number, comment_start + directive.end(), body[: body_end - directive.end()], kept)
    hash_at = comment.rfind("#", 0, directive.start())  # the `#` that starts the directive
    if hash_at == 0 and nested is None:
        if not line[:comment_start].strip():
            return TextEdit(Span(number, 1, number + 1, 1), "")  # the comment's own line
        start = len(line[:comment_start].rstrip(" \t"))
        return TextEdit(Span(number, start + 1, number, len(line) + 1), "")
    if hash_at == 0:
        assert nested is not None  # `# goals-lint: … # note` keeps `# note`
        end = comment.index("#", directive.end() + nested.start())
        return TextEdit(Span(number, comment_start + 1, number, comment_start + end + 1), "")
    # `# 原表如此 # goals-lint: …` keeps `# 原表如此` (and a note after the directive).
    start = len(comment[:hash_at].rstrip(" \t"))
    end = body_end if nested is not None else len(comment)
    return TextEdit(Span(number, comment_start + start + 1, number, comment_start + end + 1), "")


def _names_edit(number: int, body_column: int, body: str, kept: list[str]) -> TextEdit | None:
    """Rewrite the rule list of a directive's ``body`` (from `disable=` on) to ``kept``."""
    equals = _WRITTEN_EQUALS.search(body)
    if equals is None:
        return None
    reason = _WRITTEN_REASON_SEPARATOR.search(body, equals.end())
    names_end = reason.start() if reason else len(body)
    names = body[equals.end() : names_end]
    separator = _WRITTEN_NAME_SEPARATOR.search(names)
    joiner = separator.group().lstrip() if separator else ","
    inner = names.strip()
    start = equals.end() + names.index(inner) if inner else equals.end()
    return TextEdit(
        Span(number, body_column + start + 1, number, body_column + start + len(inner) + 1), joiner.join(kept)
    )


class FileComments:
    """A file's suppression comments, and what they did in this run: what the comment
    rules judge (``text`` is the file's, to edit a comment)."""

    __slots__ = ("malformed", "rules_run", "suppressions", "targets", "text", "used")

    def __init__(
        self,
        suppressions: list[Suppression],
        malformed: list[Malformed],
        rules_run: set[str],
        code_of: Callable[[str], str | None],
        text: str = "",
    ) -> None:
        self.text = text
        self.suppressions = suppressions
        self.malformed = malformed
        # For each suppression, each rule name as written and the code it names (None: no such rule).
        self.targets: list[list[tuple[str, str | None]]] = [
            [(name, code_of(name)) for name in suppression.names] for suppression in suppressions
        ]
        self.used: set[tuple[int, str]] = set()  # (suppression index, name) that hid something
        self.rules_run = rules_run  # codes of the rules that ran on the file, selected or not


def hide_suppressed(
    text: str,
    candidates: Sequence[Diagnostic],
    enabled: frozenset[str],
    rules_run: set[str],
    code_of: Callable[[str], str | None],
) -> tuple[list[Diagnostic], int, FileComments]:
    """Hide what the file's comments suppress.

    ``code_of`` gives the code of a rule named in a comment (None: no such rule).
    ``candidates`` are the findings of every rule that ran on the file (``rules_run``),
    selected or not, so that a suppression of a rule left out of this run does not
    look unused; only ``enabled`` rules are shown. Returns the diagnostics to show,
    how many of them the comments hid, and the comments for the comment rules.
    """
    suppressions, malformed = parse_suppressions(text)
    comments = FileComments(suppressions, malformed, rules_run, code_of, text)
    # Line-bound suppressions by line, whole-file ones apart: one lookup per diagnostic.
    by_line: dict[int, list[int]] = {}
    whole_file: list[int] = []
    for index, suppression in enumerate(suppressions):
        if not suppression.lines:
            whole_file.append(index)
        for line in suppression.lines:
            by_line.setdefault(line, []).append(index)
    shown: list[Diagnostic] = []
    hidden = 0
    for diagnostic in candidates:
        suppressed = False
        for index in (*by_line.get(diagnostic.span.line, ()), *whole_file):
            for name, code in comments.targets[index]:
                if code == diagnostic.code:
                    comments.used.add((index, name))
                    suppressed = True
        if diagnostic.code in enabled:
            if suppressed:
                hidden += 1
            else:
                shown.append(diagnostic)
    return shown, hidden, comments
