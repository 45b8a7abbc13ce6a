"""Read one goal file exactly as its author wrote it.

The reader's steps, each its own module: ``files`` (a regular file, within the size
limit, decoded as UTF-8), ``input_slips`` (every slip of a Chinese input method, found
at once, before libyaml stops at the first), ``composer`` (libyaml's events to data and
a source map under YAML 1.2 core rules), ``syntax_errors`` (libyaml's errors as located
problems).
Everything a careless or hostile file could do becomes a located problem of the
reader rules (``yaml-syntax``, ``unreadable-file``), never an exception.
"""

from __future__ import annotations

from validator.loader.composer import MAX_NESTING_DEPTH, Composer
from validator.loader.files import DEFAULT_MAX_FILE_SIZE, decode, read_bytes
from validator.loader.input_slips import InputSlip, corrected_text, find_input_slips
from validator.loader.model import GoalFile, SyntaxProblem, syntax_problem

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "MAX_NESTING_DEPTH",
    "GoalFile",
    "InputSlip",
    "SyntaxProblem",
    "corrected_text",
    "read_goal_file",
]


def read_goal_file(path: str, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> GoalFile:
    goal_file = GoalFile(path)
    raw = read_bytes(goal_file, max_file_size)
    if raw is None:
        return goal_file
    text = decode(goal_file, raw)
    if text is None:
        return goal_file
    goal_file.text = text
    slips = find_input_slips(text)
    if slips:
        _report_slips(goal_file, text, slips)
        return goal_file
    composed = Composer(goal_file.problems).compose(text)
    if composed is not None:
        goal_file.data, goal_file.source_map = composed
    return goal_file


def _report_slips(goal_file: GoalFile, text: str, slips: list[InputSlip]) -> None:
    """Every slip, then what libyaml finds in the text with the slips corrected: a mistake
    of its own, on a line without a slip (its position is the same in both texts)."""
    goal_file.slips = slips
    goal_file.problems.extend(syntax_problem(slip.span, slip.message_id, **slip.params) for slip in slips)
    others: list[SyntaxProblem] = []
    Composer(others).compose(corrected_text(text, slips))
    lines_with_slips = {slip.span.line for slip in slips}
    goal_file.problems.extend(problem for problem in others if problem.span.line not in lines_with_slips)
    goal_file.problems.sort(key=lambda problem: (problem.span.line, problem.span.column))
