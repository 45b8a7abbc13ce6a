"""Runs the checks over files and turns problems into diagnostics.

This is where a problem's pointer becomes a line and column (through the file's
source map), where configuration decides which rules run and at what severity, and
where diagnostics are sorted before any reporter sees them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from validator.config import Config
from validator.diagnostics import Diagnostic, Problem, Related, Severity
from validator.loader import GoalFile, read_goal_file
from validator.registry import RULES, RULES_BY_SLUG, rules_matching
from validator.rule import Rule
from validator.rules.schema import valid_without_unknown_fields


class CheckCrashed(Exception):
    """A check failed on a file: a bug in goals-lint, reported with the file that showed it."""

    def __init__(self, path: str, error: Exception) -> None:
        self.path = path
        self.detail = f"{type(error).__name__}: {error}"
        super().__init__(f"while checking {path}: {self.detail}")


YAML_SUFFIXES = (".yaml", ".yml")


def discover(paths: Sequence[str]) -> list[str]:
    """Goal files under ``paths``: files as given, folders searched for *.yaml / *.yml.

    Hidden folders (``.git``) are skipped. A path that does not exist raises
    FileNotFoundError; a broken link is returned, to be reported as unreadable.
    """
    found: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            for directory, subdirectories, files in os.walk(given):
                subdirectories[:] = sorted(name for name in subdirectories if not name.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(YAML_SUFFIXES):
                        found.append(os.path.join(directory, name))
        elif os.path.lexists(given):
            found.append(given)
        else:
            raise FileNotFoundError(given)
    # One file named twice (a folder and a file in it) is checked once.
    unique = dict.fromkeys(os.path.normpath(path) for path in found)
    return [path.replace(os.sep, "/") for path in unique]


def _codes(*selectors: str) -> frozenset[str]:
    return frozenset(rule.code for selector in selectors for rule in rules_matching(selector))


class Selection(NamedTuple):
    """Which rules run, with which severity and options, for which files."""

    config: Config
    enabled: frozenset[str]  # rule codes
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def build(cls, config: Config, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Selection:
        if select is None:
            select = config.select if config.select is not None else ("GL",)
        ignored = _codes(*config.ignore, *ignore)
        per_file = tuple((pattern, _codes(*names)) for pattern, names in config.per_file_ignores)
        return cls(config, _codes(*select) - ignored, per_file)

    def severity_of(self, rule: Rule) -> Severity:
        return self.config.severity.get(rule.code, rule.default_severity)

    def ignored_for(self, path: str) -> frozenset[str]:
        if not self.per_file_ignores:
            return frozenset()
        import fnmatch

        relative = os.path.relpath(os.path.abspath(path), self.config.root).replace(os.sep, "/")
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(path, pattern):
                ignored |= codes
        return frozenset(ignored)


class LintResult:
    """What a run found, and what it hid: reporters show both."""

    __slots__ = (
        "baseline_path",
        "diagnostics",
        "files_checked",
        "hidden_by_baseline",
        "paths",
        "root",
        "stale_baseline_entries",
        "suppressed",
    )

    def __init__(self) -> None:
        self.files_checked = 0
        self.diagnostics: list[Diagnostic] = []
        self.paths: list[str] = []  # every file checked, as given: a JUnit report lists the clean ones too
        self.suppressed = 0  # diagnostics hidden by `# goals-lint: disable=` comments
        # Filled in by the command line: the folder reports make paths relative to
        # (the repository root), and what the baseline hid.
        self.root = os.getcwd()
        self.baseline_path: str | None = None
        self.hidden_by_baseline = 0
        self.stale_baseline_entries = 0


class GoalData(NamedTuple):
    """One schema-valid file, as cross-file (``project``-stage) rules see it."""

    path: str
    data: dict


_READ_CODES = frozenset(rule.code for rule in RULES if rule.stage == "read")


class _FileCheck:
    """One reported file while it is being checked.

    ``candidates`` holds what every rule that ran found, selected or not: an inline
    suppression of a rule that is not selected in this run must not look unused.
    """

    __slots__ = ("candidates", "enabled", "goal_file", "rules_run", "schema_valid")

    def __init__(self, goal_file: GoalFile, enabled: frozenset[str]) -> None:
        self.goal_file = goal_file
        self.enabled = enabled
        self.candidates: list[Diagnostic] = []
        self.rules_run: set[str] = set(_READ_CODES)
        self.schema_valid = False


def lint_files(paths: Sequence[str], selection: Selection, context: Sequence[str] = ()) -> LintResult:
    """Check ``paths``. ``context`` names more files that cross-file rules compare
    against without reporting their own problems: pre-commit passes only the changed
    files, and a duplicate of an unchanged file must still be found.
    """
    result = LintResult()
    schema_rules = [rule for rule in RULES if rule.stage == "schema"]
    # Each data rule with its options, worked out once for the run.
    data_rules = [(rule, selection.config.options_for(rule)) for rule in RULES if rule.stage == "data"]
    project_rules = [rule for rule in RULES if rule.stage == "project" and rule.code in selection.enabled]
    checks: dict[str, _FileCheck] = {}
    valid_files: dict[str, GoalFile] = {}
    for path in paths:
        try:
            goal_file = read_goal_file(path, selection.config.max_file_size)
            check = _check_file(goal_file, selection, schema_rules, data_rules)
        except Exception as error:
            raise CheckCrashed(path, error) from error
        checks[goal_file.path] = check
        if check.schema_valid:
            valid_files[goal_file.path] = goal_file
        result.files_checked += 1
        result.paths.append(goal_file.path)
    if project_rules:
        reported = set(valid_files)
        # A context folder holds the reported files too, maybe spelt differently
        # (`goals/a.yaml` and `/repo/goals/a.yaml`): one file must not meet itself.
        seen = {os.path.normcase(os.path.abspath(path)) for path in checks}
        for path in context:
            absolute = os.path.normcase(os.path.abspath(path))
            if absolute in seen:
                continue
            seen.add(absolute)
            goal_file = read_goal_file(path, selection.config.max_file_size)
            if goal_file.readable and _schema_valid(goal_file, schema_rules):
                valid_files[path] = goal_file
        for diagnostic in _project_diagnostics(project_rules, valid_files, reported, selection):
            checks[diagnostic.path].candidates.append(diagnostic)
        project_codes = {rule.code for rule in project_rules}
        for path in reported:
            checks[path].rules_run |= project_codes
    for check in checks.values():
        shown, suppressed = _apply_suppressions(check, selection)
        result.diagnostics.extend(shown)
        result.suppressed += suppressed
    result.diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    return result


def _schema_valid(goal_file: GoalFile, schema_rules: list[Rule]) -> bool:
    """Whether the rules can read the file: valid, or invalid only by unknown fields."""
    problems = any(any(True for _ in rule.check(goal_file.data, goal_file.source_map)) for rule in schema_rules)
    return not problems or valid_without_unknown_fields(goal_file.data)


def _check_file(
    goal_file: GoalFile, selection: Selection, schema_rules: list[Rule], data_rules: list[tuple[Rule, dict[str, Any]]]
) -> _FileCheck:
    """What the file's own checks find, and whether the schema accepts it."""
    check = _FileCheck(goal_file, selection.enabled - selection.ignored_for(goal_file.path))
    enabled = check.enabled
    for problem in goal_file.problems:
        rule = RULES_BY_SLUG[problem.rule]
        related = tuple(Related(goal_file.path, span) for span in problem.related)
        check.candidates.append(
            Diagnostic(
                goal_file.path,
                problem.span,
                problem.pointer,
                rule.code,
                rule.slug,
                selection.severity_of(rule),
                problem.message_id,
                problem.params,
                related,
            )
        )
    if not goal_file.readable:
        return check
    # Compliance rules judge only data that has the expected shape: their verdicts on
    # a file the schema rejects would be noise. Validity is judged even when the
    # schema rule itself is not reported.
    schema_valid = True
    for rule in schema_rules:
        check.rules_run.add(rule.code)
        for problem in rule.check(goal_file.data, goal_file.source_map):
            schema_valid = False
            check.candidates.append(_located(goal_file, rule, problem, selection))
    if not schema_valid and not valid_without_unknown_fields(goal_file.data):
        return check
    # An unknown field alone (maybe accepted by a suppression comment) does not switch
    # the rules off: they read known fields only.
    check.schema_valid = True
    files = {goal_file.path: goal_file}
    for rule, options in data_rules:
        if rule.code in enabled:
            check.rules_run.add(rule.code)
            for problem in rule.check(goal_file.data, **options):
                check.candidates.append(_located(goal_file, rule, problem, selection, files))
    return check


def _apply_suppressions(check: _FileCheck, selection: Selection) -> tuple[list[Diagnostic], int]:
    """The diagnostics to show for one file, and how many inline comments hid."""
    text = check.goal_file.text
    if text is None or "goals-lint" not in text.lower():  # the common case: no comment to read
        return [d for d in check.candidates if d.code in check.enabled], 0
    from validator.suppressions import apply_suppressions

    return apply_suppressions(
        check.goal_file.path, text, check.candidates, check.enabled, check.rules_run, selection.severity_of
    )


def _project_diagnostics(
    project_rules: list[Rule], files: dict[str, GoalFile], reported: set[str], selection: Selection
) -> Iterable[Diagnostic]:
    goal_data = [GoalData(path, goal_file.data) for path, goal_file in sorted(files.items())]
    for rule in project_rules:
        options = selection.config.options_for(rule)
        for path, problem in rule.check(goal_data, **options):
            if path in reported:
                yield _located(files[path], rule, problem, selection, files)


def _located(
    goal_file: GoalFile, rule: Rule, problem: Problem, selection: Selection, files: dict[str, GoalFile] | None = None
) -> Diagnostic:
    source_map = goal_file.source_map
    assert source_map is not None
    related = []
    for place in problem.related:
        path, pointer = (goal_file.path, place) if isinstance(place, str) else place
        other_map = source_map if path == goal_file.path else files[path].source_map  # type: ignore[index]
        related.append(Related(path, other_map.span(pointer)))  # type: ignore[union-attr]
    return Diagnostic(
        goal_file.path,
        source_map.span(problem.pointer, problem.at_key),
        problem.pointer,
        rule.code,
        rule.slug,
        selection.severity_of(rule),
        problem.message_id,
        problem.params,
        tuple(related),
    )
