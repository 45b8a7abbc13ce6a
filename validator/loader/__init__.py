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
from validator.loader.files import DEFAULT_MAX_FILE_SIZE, decode, read_bytes, within_size_limit
from validator.loader.input_slips import READABLE_SLIPS, InputSlip, corrected_text, find_input_slips
from validator.loader.model import GoalFile, SyntaxProblem, syntax_problem

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "MAX_NESTING_DEPTH",
    "GoalFile",
    "InputSlip",
    "SyntaxProblem",
    "corrected_text",
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
    slips = find_input_slips(text)
    if slips and not all(slip.kind in READABLE_SLIPS for slip in slips):
        _report_slips(goal_file, text, slips)
        return goal_file
    problems: list[SyntaxProblem] = []
    composed = Composer(problems).compose(text)
    if slips and (problems or composed is None):
        # Full-width digits or curly quotes in a file that YAML cannot read either: the
        # slips say why, libyaml's messages on the same lines would not.
        _report_slips(goal_file, text, slips)
        return goal_file
    # A file that reads: `seq: ２` or `target: “100”` are the schema's and text-hygiene's to
    # report, with their fixes, as anything else in readable data is.
    goal_file.problems.extend(problems)
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
