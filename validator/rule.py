"""What a rule is: its code, slug, stage, severity, options, documentation and check.

Stages say when a rule runs:

- ``read``: found while reading the file (the loader reports these);
- ``schema``: the JSON Schema check, on data that was read cleanly;
- ``data``: compliance rules, pure functions of one schema-valid file's data;
- ``project``: rules that look across all files of a run.

A ``data`` rule's check is ``check(data, **options) -> Iterable[Problem]``; a
``project`` rule's is ``check(files, **options) -> Iterable[(path, Problem)]``,
where ``files`` is a list of ``validator.linter.GoalData`` (path, data) of every
schema-valid file, including context files whose own problems are not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from validator.diagnostics import Problem, Severity

STAGES = ("read", "schema", "data", "project")


class OptionError(ValueError):
    """A rule option has a bad value; ``expected`` says what it should be, in both languages.

    ``expected`` is a ``{"zh": ..., "en": ...}`` pair or a message reference
    (``validator.messages.ref``), read after "should be" / "应为".
    """

    def __init__(self, expected: Any) -> None:
        super().__init__(expected)
        self.expected = expected


class Option(NamedTuple):
    """A rule option: its default and a function that checks and normalises a value."""

    default: Any
    parse: Callable[[Any], Any]
    help: str = ""


class Rule(NamedTuple):
    code: str
    slug: str
    stage: str
    summary: Mapping[str, str]  # one line, {"zh": ..., "en": ...}
    doc: str
    default_severity: Severity = Severity.ERROR
    check: Callable[..., Iterable[Problem]] | None = None
    options: Mapping[str, Option] = {}  # read-only: a NamedTuple default is shared

    def default_options(self) -> dict[str, Any]:
        return {name: option.default for name, option in self.options.items()}
