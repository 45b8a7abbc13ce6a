"""The safety net: a fixed text is kept only if it reads back as intended.

Every batch of fixes is checked before the engine keeps it:

1. goals-lint's own reader reads the result (a file that read cleanly still does; a
   file the lexical fix corrects now does, and each corrected line holds the field
   it was meant to, at a level where that field belongs);
2. the data read back is the data before with exactly the fixes' edits made: the
   values they set, the keys they renamed, nothing else (types included: ``'100'``
   is not ``100``);
3. every comment outside the edited ranges is still there, verbatim, where the edits
   moved it; no new comment appears (a value written so that part of it reads as a
   comment); only fixes of comments may change a comment;
4. a second, independent YAML reader reads the result as the first did: its data before,
   with the fixes' edits made. It is ruamel.yaml's own pure-Python YAML 1.2 reader (the
   library round-trip tools are built on; not libyaml, which goals-lint's reader uses).
   It is the slow check (a few milliseconds a file), so ``fix_text`` makes it once, on
   the text it ends with, and imports ruamel.yaml only then.

Anything else, and the fixes are not applied; the reason says why.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from typing import Any, NamedTuple

from validator.diagnostics import Fix, RenameKey, SetValue, TextEdit
from validator.fix.lexical import FIX_SLIPS, find_slips, indicator_fields, top_level_fields
from validator.fix.text_edits import LineIndex, edit_ranges
from validator.loader import GoalFile, read_goal_text
from validator.messages import define, ref
from validator.suppressions import find_comments

# --- messages (zh, en) ---
DECLINED_UNREADABLE = define(
    "fix.declined.unreadable",
    zh="修复后的文件无法按 YAML 读取",
    en="the fixed file would not read as YAML",
)
DECLINED_NO_CHANGE = define(
    "fix.declined.no_change",
    zh="修复不会改变文件",
    en="the fix would change nothing",
)
DECLINED_OVERLAP = define(
    "fix.declined.overlap",
    zh="修复的几处修改相互重叠",
    en="the fix's edits overlap one another",
)
DECLINED_SHAPE = define(
    "fix.declined.shape",
    zh="修复后第 {line} 行不是预期的字段 `{key}`",
    en="after the fix, line {line} would not hold the field `{key}` where it belongs",
)
DECLINED_DATA = define(
    "fix.declined.data",
    zh="修复会改变不该改变的内容",
    en="the fix would change more than the fields it is meant to",
)
DECLINED_COMMENTS = define(
    "fix.declined.comments",
    zh="修复会丢失、改变或新增注释",
    en="the fix would lose, change or add a comment",
)
DECLINED_OTHER_READER = define(
    "fix.declined.other_reader",
    zh="另一种 YAML 读取器（ruamel.yaml）读出的内容会与预期不同",
    en="another YAML reader (ruamel.yaml) would read something other than intended",
)

Reason = tuple[str, dict[str, Any]]  # a message reference, for the engine's note


def verify(before: GoalFile, after_text: str, fixes: Sequence[Fix], *, other_reader: bool = True) -> Reason | None:
    """Why ``after_text`` cannot replace ``before``'s text with ``fixes`` made; None if it can.
    ``other_reader=False`` leaves out the second reader (to be asked once, at the end)."""
    assert before.text is not None
    if after_text == before.text:
        return ref(DECLINED_NO_CHANGE)  # it would be found again, and "fixed" again, every round
    after = read_goal_text(before.path, after_text)
    lexical = any(fix.message_id == FIX_SLIPS for fix in fixes)
    if before.readable or lexical:
        if not after.readable:
            return ref(DECLINED_UNREADABLE)
    elif sorted(problem.message_id for problem in after.problems) != sorted(
        problem.message_id for problem in before.problems
    ):
        return ref(DECLINED_UNREADABLE)
    if before.readable:
        expected = expected_data(before.data, fixes)
        if expected is None or canonical(after.data) != canonical(expected):
            return ref(DECLINED_DATA)
    if lexical:
        misplaced = _misplaced_field(before.text, after)
        if misplaced is not None:
            return misplaced
    if not _comments_kept(before.text, after_text, fixes):
        return ref(DECLINED_COMMENTS)
    if other_reader and before.readable and not other_reader_agrees(before.text, after_text, fixes):
        return ref(DECLINED_OTHER_READER)
    return None


def expected_data(data: Any, fixes: Sequence[Fix]) -> Any:
    """``data`` with the fixes' data edits made; None if one does not fit the data."""
    result = copy.deepcopy(data)
    for fix in fixes:
        for edit in fix.edits:
            if isinstance(edit, (SetValue, RenameKey)):
                tokens = _tokens(edit.pointer)
                parent = _at(result, tokens[:-1])
                last = tokens[-1]
                if isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
                    if isinstance(edit, RenameKey):
                        return None
                    parent[last] = edit.value
                elif isinstance(parent, dict) and last in parent:
                    if isinstance(edit, SetValue):
                        parent[last] = edit.value
                    elif edit.key in parent:
                        return None  # would make a duplicate key
                    else:
                        renamed = {(edit.key if key == last else key): value for key, value in parent.items()}
                        parent.clear()
                        parent.update(renamed)
                else:
                    return None
    return result


def _tokens(pointer: str) -> list[str | int]:
    tokens: list[str | int] = []
    for part in pointer.split("/")[1:]:
        token = part.replace("~1", "/").replace("~0", "~")
        tokens.append(int(token) if token.isdigit() and token.isascii() else token)
    return tokens


def _at(data: Any, tokens: Sequence[str | int]) -> Any:
    for token in tokens:
        if isinstance(data, list) and isinstance(token, int) and 0 <= token < len(data):
            data = data[token]
        elif isinstance(data, dict) and str(token) in data:
            data = data[str(token)]
        else:
            return None
    return data


def canonical(value: Any) -> Any:
    """``value`` in a form where equal means the same data: types count (``1``, ``True`` and
    ``'1'`` differ), and so does the order of keys."""
    if isinstance(value, dict):
        return ("map", tuple((canonical(key), canonical(item)) for key, item in value.items()))
    if isinstance(value, list):
        return ("seq", tuple(canonical(item) for item in value))
    if isinstance(value, bool):
        return ("bool", bool(value))
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", repr(float(value)))
    if isinstance(value, str):
        return ("str", str(value))
    if value is None:
        return ("null",)
    return (type(value).__name__, repr(value))


def _misplaced_field(before_text: str, after: GoalFile) -> Reason | None:
    """The first corrected line that does not hold its field where that field belongs."""
    assert after.source_map is not None
    keys_by_line: dict[int, list[str]] = {}
    for pointer, (line, _, _, _) in after.source_map.key_spans.items():
        keys_by_line.setdefault(line + 1, []).append(pointer)
    for slip in find_slips(before_text):
        line = slip.span.line
        if not any(_belongs(pointer, slip.key) for pointer in keys_by_line.get(line, ())):
            return ref(DECLINED_SHAPE, line=line, key=slip.key)
    return None


def _belongs(pointer: str, key: str) -> bool:
    """Whether the key at ``pointer`` is ``key`` at a level where goal files have it."""
    tokens = _tokens(pointer)
    if tokens == [key]:
        return key in top_level_fields()
    in_an_indicator = len(tokens) == 3 and tokens[0] == "indicators" and isinstance(tokens[1], int)
    return in_an_indicator and tokens[2] == key and key in indicator_fields()


def _comment_ranges(text: str) -> list[tuple[int, int, str]]:
    """Each comment of ``text`` (as the suppression reader finds them) as (start, end, text)."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    ranges = []
    for comment in find_comments(text):
        start = starts[comment.line - 1] + comment.column - 1
        ranges.append((start, start + len(comment.text), comment.text))
    return ranges


class _Placed(NamedTuple):
    """An edit's range in the text before and in the text after."""

    start: int
    end: int
    new_start: int
    new_end: int
    may_edit_comments: bool  # a fix that says what to change as text (comment rules, slips)


def _placed_edits(before_text: str, fixes: Sequence[Fix]) -> list[_Placed]:
    index = LineIndex(before_text)
    ranges = sorted(
        (start, end, len(new), any(isinstance(edit, TextEdit) for edit in fix.edits))
        for fix in fixes
        for start, end, new in edit_ranges(index, fix.text_edits)
    )
    placed = []
    shift = 0
    for start, end, length, may_edit_comments in ranges:
        placed.append(_Placed(start, end, start + shift, start + shift + length, may_edit_comments))
        shift += length - (end - start)
    return placed


def _comments_kept(before_text: str, after_text: str, fixes: Sequence[Fix]) -> bool:
    placed = _placed_edits(before_text, fixes)
    after_comments = {start: text for start, _, text in _comment_ranges(after_text)}
    accounted: set[int] = set()
    for start, end, text in _comment_ranges(before_text):
        # Inclusive: an edit that ends at a comment's `#` or starts at its end changes it too.
        touching = [edit for edit in placed if edit.start <= end and start <= edit.end]
        moved = start + sum(
            edit.new_end - edit.new_start - (edit.end - edit.start) for edit in placed if edit.end < start
        )
        if not touching:
            if after_comments.get(moved) != text:
                return False
            accounted.add(moved)
        elif all(edit.may_edit_comments for edit in touching):
            accounted.add(moved)  # a comment's own fix changed it (or removed it: then nothing is there)
        else:
            # A value's edit reaches a comment (a block scalar's header): it must stay as written.
            kept = [
                after_start
                for after_start, after_text_of in after_comments.items()
                if after_text_of == text and any(edit.new_start <= after_start <= edit.new_end for edit in touching)
            ]
            if not kept:
                return False
            accounted.update(kept)
    # Any other comment must stand in text a comment's fix wrote; elsewhere, part of a value became one.
    return all(
        any(edit.may_edit_comments and edit.new_start <= after_start <= edit.new_end for edit in placed)
        for after_start in after_comments.keys() - accounted
    )


@functools.lru_cache(maxsize=1)
def _ruamel_reader() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True)  # built once: building it compiles its resolver's patterns


def _ruamel_data(text: str) -> tuple[bool, Any]:
    try:
        return True, _ruamel_reader().load(text)
    except Exception:  # a third-party reader on arbitrary text: any failure means "cannot read"
        return False, None


def other_reader_agrees(before_text: str, after_text: str, fixes: Sequence[Fix]) -> bool:
    """Whether ruamel.yaml reads ``after_text`` as its data of ``before_text`` with ``fixes``
    made, in order (trivially, if it cannot read ``before_text`` either)."""
    read_before, before = _ruamel_data(before_text)
    if not read_before:
        return True  # it could not read the file before either: nothing to compare
    read_after, after = _ruamel_data(after_text)
    if not read_after:
        return False
    expected = expected_data(before, fixes)
    return expected is not None and canonical(after) == canonical(expected)
