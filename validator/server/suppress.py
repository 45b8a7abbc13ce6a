"""The "disable this rule here" edit: a suppression comment, with the reason left to the author.

``# goals-lint: disable=RULE -- `` goes at the end of the problem's line, or joins the
directive that already covers that line (``disable=GL203,text-hygiene -- 原表如此``).
The reason after ``--`` is the author's to write: until they do, ``invalid-suppression``
says it is missing, right at the comment. The edit is checked before it is offered:
read again, the file must hold the same data (a comment inside a quoted scalar would
change a target) and the new directive must cover the line; otherwise the comment goes
on a line of its own above, or nothing is offered.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from validator.loader import read_goal_file
from validator.suppressions import Suppression, parse_suppressions

_REASON_SEPARATOR = re.compile(r"\s*(--|——|――)")


class TextEdit(NamedTuple):
    """Replace ``line``:``start`` to ``line``:``end`` (0-based, characters) with ``text``."""

    line: int
    start: int
    end: int
    text: str


def apply(text: str, edit: TextEdit) -> str:
    lines = text.split("\n")
    line = lines[edit.line] if edit.line < len(lines) else ""
    replaced = line[: edit.start] + edit.text + line[edit.end :]
    return "\n".join(lines[: edit.line] + replaced.split("\n") + lines[edit.line + 1 :])


def disable_on_line(text: str, line: int, rule: str) -> TextEdit | None:
    """The edit that suppresses ``rule`` (a slug) on 1-based ``line``, or None if none is safe."""
    suppressions, _ = parse_suppressions(text)
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    # Each candidate with the line its directive must then cover (a comment line above moves it down).
    candidates: list[tuple[TextEdit, int]] = []
    covering = next((s for s in suppressions if s.kind == "disable" and line in s.lines), None)
    if covering is not None:
        candidates.append((_join(lines, covering, rule), line))
    else:
        source = lines[line - 1]
        end = len(source[:-1] if source.endswith("\r") else source)
        candidates.append((TextEdit(line - 1, end, end, f"  # goals-lint: disable={rule} -- "), line))
        indent = source[: len(source) - len(source.lstrip(" "))]
        candidates.append((TextEdit(line - 1, 0, 0, f"{indent}# goals-lint: disable={rule} -- \n"), line + 1))
    for edit, covered in candidates:
        if _covers(text, apply(text, edit), rule, covered):
            return edit
    return None


def disable_in_file(text: str, rule: str) -> TextEdit | None:
    """The edit that suppresses ``rule`` in the whole file: a directive on the first line."""
    edit = TextEdit(0, 0, 0, f"# goals-lint: disable-file={rule} -- \n")
    return edit if _covers(text, apply(text, edit), rule, None) else None


def _join(lines: list[str], covering: Suppression, rule: str) -> TextEdit:
    """Add ``rule`` to the names of a directive, before its reason."""
    source = lines[covering.span.line - 1]
    start = covering.span.column - 1
    separator = _REASON_SEPARATOR.search(source, start)
    at = separator.start() if separator is not None else covering.span.end_column - 1
    return TextEdit(covering.span.line - 1, at, at, f",{rule}")


def _covers(before: str, after: str, rule: str, line: int | None) -> bool:
    """The edited text reads as the same data and has a directive naming ``rule`` that covers
    1-based ``line`` (or, for None, the whole file)."""
    old = read_goal_file("<editor>", text=before)
    new = read_goal_file("<editor>", text=after)
    if (old.data, old.readable) != (new.data, new.readable):
        return False
    suppressions, _ = parse_suppressions(after)
    return any(
        rule in found.names and (found.kind == "disable-file" if line is None else line in found.lines)
        for found in suppressions
    )
