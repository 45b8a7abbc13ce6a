"""Read one goal file exactly as its author wrote it.

The reader's steps, each its own module: ``files`` (a regular file, within the size
limit, decoded as UTF-8), ``composer`` (libyaml's events to data and a source map
under YAML 1.2 core rules), ``syntax_errors`` (libyaml's errors as located problems).
Everything a careless or hostile file could do becomes a located problem of the
reader rules (``yaml-syntax``, ``unreadable-file``), never an exception.
"""

from __future__ import annotations

from validator.loader.composer import MAX_NESTING_DEPTH, Composer
from validator.loader.files import DEFAULT_MAX_FILE_SIZE, decode, read_bytes, within_size_limit
from validator.loader.model import GoalFile, SyntaxProblem

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "MAX_NESTING_DEPTH",
    "GoalFile",
    "SyntaxProblem",
    "read_goal_file",
    "read_goal_text",
]


def read_goal_file(path: str, max_file_size: int = DEFAULT_MAX_FILE_SIZE, text: str | None = None) -> GoalFile:
    """The file at ``path``; or, given ``text`` (an editor's unsaved buffer), that text as
    if it were the file's content, read by exactly the same steps."""
    goal_file = GoalFile(path)
    if text is None:
        raw = read_bytes(goal_file, max_file_size)
    else:
        # As the file would be saved: UTF-8 (a lone surrogate from JSON cannot be; it becomes `?`).
        raw = within_size_limit(goal_file, text.encode("utf-8", errors="replace"), max_file_size)
    if raw is None:
        return goal_file
    text = decode(goal_file, raw)
    if text is None:
        return goal_file
    return _compose(goal_file, text)


def read_goal_text(path: str, text: str) -> GoalFile:
    """Read ``text`` as the content of the goal file ``path`` (decoded, without a BOM):
    what a fix would write, or what an editor holds, before it is on disk."""
    return _compose(GoalFile(path), text)


def _compose(goal_file: GoalFile, text: str) -> GoalFile:
    goal_file.text = text
    composed = Composer(goal_file.problems).compose(text)
    if composed is not None:
        goal_file.data, goal_file.source_map = composed
    return goal_file
