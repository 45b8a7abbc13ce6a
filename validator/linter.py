"""Runs the checks over files and turns problems into diagnostics.

The pipeline, for each file: read it (``validator.loader``: the reader rules'
problems, data and source map), check it against the schema, run the data rules on
it if the schema accepts it, and keep only what later steps need — its candidate
diagnostics, the text of its suppression comments, and the facts cross-file rules
asked for. Then the cross-file rules compare all files (context files included),
suppression comments hide what they name (the comment rules judge them), and the
diagnostics are sorted before any reporter sees them.

This is where a problem's pointer becomes a line and column (through the file's
source map), where a problem's fix becomes edits of the file's text (by the fix
engine, loaded only for a file with something to fix), and where configuration
decides which rules run and at what severity. With a ``Fixer`` (``--fix``,
``--diff``), a file with something to fix is handed to it after its own checks and
checked again as it was fixed, before the cross-file rules compare it.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from validator.config import Config
from validator.diagnostics import Diagnostic, Fix, Problem, Related, Severity, Span
from validator.errors import CheckCrashed
from validator.loader import GoalFile, read_goal_file, read_goal_text
from validator.registry import RULES, RULES_BY_SLUG, find_rule, rules_matching
from validator.result import LintResult
from validator.rule import AnyRule, CommentRule, CrossFileRule, DataRule, FileFacts, ReaderRule, Rule, SchemaRule
from validator.source_map import SourceMap

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
    def build(cls, config: Config, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> "Selection":
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
        import fnmatch  # only a config with per-file-ignores needs it

        relative = os.path.relpath(os.path.abspath(path), self.config.root).replace(os.sep, "/")
        ignored: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(path, pattern):
                ignored |= codes
        return frozenset(ignored)


class _Rules(NamedTuple):
    """The rules of a run by shape, data rules with their options worked out once."""

    schema: list[SchemaRule]
    data: list[tuple[DataRule, dict[str, Any]]]
    cross_file: list[tuple[CrossFileRule, dict[str, Any]]]  # the enabled ones only
    comments: list[CommentRule]
    reader_codes: frozenset[str]
    compliance_codes: frozenset[str]  # the data and cross-file rules: what a file that fails to read misses

    @classmethod
    def of(cls, rules: Sequence[AnyRule], selection: Selection) -> "_Rules":
        options = selection.config.options_for
        return cls(
            [rule for rule in rules if isinstance(rule, SchemaRule)],
            [(rule, options(rule)) for rule in rules if isinstance(rule, DataRule)],
            [
                (rule, options(rule))
                for rule in rules
                if isinstance(rule, CrossFileRule) and rule.code in selection.enabled
            ],
            [rule for rule in rules if isinstance(rule, CommentRule)],
            frozenset(rule.code for rule in rules if isinstance(rule, ReaderRule)),
            frozenset(rule.code for rule in rules if isinstance(rule, DataRule | CrossFileRule)),
        )


class _Checked:
    """What is kept of one reported file once its own checks ran: never its data.

    ``candidates`` holds what every rule that ran found, selected or not: an inline
    suppression of a rule that is not selected in this run must not look unused.
    ``comment_text`` is the file's text only when it mentions goals-lint (the
    common case has no comment to read).
    """

    __slots__ = ("candidates", "comment_text", "enabled", "path", "rules_run")

    def __init__(self, path: str, enabled: frozenset[str], rules_run: set[str]) -> None:
        self.path = path
        self.enabled = enabled
        self.candidates: list[Diagnostic] = []
        self.rules_run = rules_run
        self.comment_text: str | None = None


class _CrossFileInput:
    """What cross-file rules keep of each schema-valid file: their facts, and where
    the pointers they report on stand."""

    __slots__ = ("facts", "spans")

    def __init__(self) -> None:
        self.facts: dict[str, list[FileFacts]] = {}  # by rule code
        self.spans: dict[str, dict[str, Span]] = {}  # by path, then pointer

    def add(self, goal_file: GoalFile, rules: list[tuple[CrossFileRule, dict[str, Any]]]) -> None:
        source_map = goal_file.source_map
        assert source_map is not None
        spans = self.spans.setdefault(goal_file.path, {})
        for rule, _ in rules:
            self.facts.setdefault(rule.code, []).append(FileFacts(goal_file.path, rule.facts(goal_file.data)))
            for pointer in rule.pointers:
                spans[pointer] = source_map.span(pointer)


class Fixer(Protocol):
    """What ``lint_files`` asks of the fix engine (``validator.fix.engine.FileFixer``)."""

    def wants(self, goal_file: GoalFile, diagnostics: Sequence[Diagnostic]) -> bool:
        """Whether the file may have something to fix: its own checks' ``diagnostics`` (the
        comment rules judge later, so a file with suppression comments may, too)."""

    def fix(self, goal_file: GoalFile, diagnostics: Sequence[Diagnostic]) -> GoalFile | None:
        """The file as fixed (and written, unless only a diff is wanted), or None if unchanged;
        ``diagnostics`` are what its own checks found."""


def lint_files(
    paths: Sequence[str],
    selection: Selection,
    context: Sequence[str] = (),
    fixer: Fixer | None = None,
    texts: Mapping[str, str] | None = None,
) -> LintResult:
    """Check ``paths``. ``context`` names more files that cross-file rules compare
    against without reporting their own problems: pre-commit passes only the changed
    files, and a duplicate of an unchanged file must still be found. A ``fixer``
    fixes each file that has something to fix; the result reports the files as fixed.

    ``texts`` holds the content of files an editor has open, unsaved, by
    :func:`text_key` of their path: it is read instead of the file on disk, for the
    files checked and the context files alike (the language server).
    """
    texts = texts or {}
    result = LintResult()
    rules = _Rules.of(RULES, selection)
    checked: dict[str, _Checked] = {}
    cross_file = _CrossFileInput()
    for path in paths:
        try:
            goal_file = _read(path, selection, texts)
            file_check, valid = _check_file(goal_file, selection, rules)
            if fixer is not None and fixer.wants(goal_file, file_check.candidates):
                fixed = fixer.fix(goal_file, file_check.candidates)
                if fixed is not None:
                    goal_file = fixed
                    file_check, valid = _check_file(goal_file, selection, rules)
            if valid and rules.cross_file:
                cross_file.add(goal_file, rules.cross_file)
            if not valid and file_check.enabled & rules.compliance_codes:
                result.files_without_rule_checks += 1
        except Exception as error:
            raise CheckCrashed(path, error) from error
        checked[goal_file.path] = file_check
        result.files_checked += 1
        result.paths.append(goal_file.path)
    if rules.cross_file:
        _read_context(context, checked, cross_file, selection, rules, texts)
        for diagnostic in _cross_file_diagnostics(rules, cross_file, checked, selection):
            checked[diagnostic.path].candidates.append(diagnostic)
        cross_file_codes = {rule.code for rule, _ in rules.cross_file}
        for path in cross_file.spans:
            if path in checked:
                checked[path].rules_run |= cross_file_codes
    for file_check in checked.values():
        shown, suppressed = _apply_comments(file_check, rules, selection)
        result.diagnostics.extend(shown)
        result.suppressed += suppressed
    result.diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    return result


def check_text(path: str, text: str, selection: Selection) -> list[Diagnostic]:
    """What a run reports for the goal file ``path`` if it held ``text``, sorted, without the
    rules that compare files: the fix engine checks its work with it, an editor its buffer."""
    rules = _Rules.of(RULES, selection)
    file_check, _ = _check_file(read_goal_text(path, text), selection, rules)
    shown, _ = _apply_comments(file_check, rules, selection)
    shown.sort(key=lambda diagnostic: diagnostic.sort_key)
    return shown


def _read_context(
    context: Sequence[str],
    checked: dict[str, _Checked],
    cross_file: _CrossFileInput,
    selection: Selection,
    rules: _Rules,
    texts: Mapping[str, str],
) -> None:
    """Add the context files' facts. A context folder holds the reported files too, maybe
    spelt differently (`goals/a.yaml` and `/repo/goals/a.yaml`): one file must not meet itself."""
    seen = {os.path.normcase(os.path.abspath(path)) for path in checked}
    for path in context:
        absolute = os.path.normcase(os.path.abspath(path))
        if absolute in seen:
            continue
        seen.add(absolute)
        goal_file = _read(path, selection, texts)
        if goal_file.readable and _schema_valid(goal_file, rules.schema):
            cross_file.add(goal_file, rules.cross_file)


def text_key(path: str) -> str:
    """How ``lint_files`` finds an open file's text: one spelling for every way to name the file."""
    return os.path.normcase(os.path.abspath(path))


def _read(path: str, selection: Selection, texts: Mapping[str, str]) -> GoalFile:
    text = texts.get(text_key(path)) if texts else None
    return read_goal_file(path, selection.config.max_file_size, text)


def _schema_valid(goal_file: GoalFile, schema_rules: list[SchemaRule]) -> bool:
    """Whether the compliance rules can read the file (see ``SchemaRule``)."""
    source_map = goal_file.source_map
    assert source_map is not None
    return all(
        _data_rules_can_read(rule, goal_file.data, any(True for _ in rule.check(goal_file.data, source_map)))
        for rule in schema_rules
    )


def _data_rules_can_read(rule: SchemaRule, data: Any, found_problems: bool) -> bool:
    return not found_problems or (rule.data_rules_can_read is not None and rule.data_rules_can_read(data))


def _check_file(goal_file: GoalFile, selection: Selection, rules: _Rules) -> tuple[_Checked, bool]:
    """What the file's own checks find, and whether the schema accepts it."""
    enabled = selection.enabled - selection.ignored_for(goal_file.path)
    file_check = _Checked(goal_file.path, enabled, set(rules.reader_codes))
    if goal_file.text is not None and "goals-lint" in goal_file.text.lower():
        file_check.comment_text = goal_file.text
    candidates = file_check.candidates
    slips_fix = _lexical_fix(goal_file)
    for read_problem in goal_file.problems:
        rule = RULES_BY_SLUG[read_problem.rule]
        related = tuple(Related(goal_file.path, span) for span in read_problem.related)
        fix = read_problem.fix
        if fix is None and slips_fix is not None and read_problem.rule == "yaml-syntax":
            fix, slips_fix = slips_fix, None  # offered once, on the first syntax error
        candidates.append(
            Diagnostic(
                goal_file.path,
                read_problem.span,
                read_problem.pointer,
                rule.code,
                rule.slug,
                selection.severity_of(rule),
                read_problem.message_id,
                read_problem.params,
                related,
                fix,
            )
        )
    source_map = goal_file.source_map
    if not goal_file.readable or source_map is None:
        return file_check, False
    # Compliance rules judge only data that has the expected shape: their verdicts on
    # a file the schema rejects would be noise. Validity is judged even when the
    # schema rule itself is not reported.
    readable = True
    for schema_rule in rules.schema:
        file_check.rules_run.add(schema_rule.code)
        found_problems = False
        for problem in schema_rule.check(goal_file.data, source_map):
            found_problems = True
            candidates.append(_located(goal_file, source_map, schema_rule, problem, selection))
        # An unknown field alone (maybe accepted by a suppression comment) does not switch
        # the rules off: they read known fields only.
        readable = readable and _data_rules_can_read(schema_rule, goal_file.data, found_problems)
    if not readable:
        return file_check, False
    for data_rule, options in rules.data:
        if data_rule.code in enabled:
            file_check.rules_run.add(data_rule.code)
            for problem in data_rule.check(goal_file.data, **options):
                candidates.append(_located(goal_file, source_map, data_rule, problem, selection))
    return file_check, True


def _lexical_fix(goal_file: GoalFile) -> Fix | None:
    """The fix of the typing slips (a full-width colon, a tab in the indentation …) that keep
    YAML from reading a file at all; only looked for when the file could not be read."""
    if goal_file.text is None or goal_file.source_map is not None:
        return None
    from validator.fix.lexical import find_slips, slips_fix

    return slips_fix(find_slips(goal_file.text))


def _apply_comments(file_check: _Checked, rules: _Rules, selection: Selection) -> tuple[list[Diagnostic], int]:
    """The diagnostics to show for one file, and how many inline comments hid."""
    if file_check.comment_text is None:
        return [d for d in file_check.candidates if d.code in file_check.enabled], 0
    # Few files mention goals-lint: the comment reader stays off the common run's start-up.
    from validator.suppressions import hide_suppressed

    shown, hidden, comments = hide_suppressed(
        file_check.comment_text, file_check.candidates, file_check.enabled, file_check.rules_run, _code_of
    )
    for rule in rules.comments:
        if rule.code in file_check.enabled:
            severity = selection.severity_of(rule)
            shown.extend(
                Diagnostic(
                    file_check.path,
                    found.span,
                    "",
                    rule.code,
                    rule.slug,
                    severity,
                    found.message_id,
                    found.params,
                    (),
                    found.fix,
                )
                for found in rule.check(comments)
            )
    return shown, hidden


def _code_of(name: str) -> str | None:
    rule = find_rule(name)
    return None if rule is None else rule.code


def _cross_file_diagnostics(
    rules: _Rules, cross_file: _CrossFileInput, checked: dict[str, _Checked], selection: Selection
) -> Iterable[Diagnostic]:
    for rule, options in rules.cross_file:
        files = sorted(cross_file.facts.get(rule.code, ()), key=lambda file: file.path)
        for path, problem in rule.check(files, **options):
            if path not in checked:
                continue  # a context file: compared with, not reported
            related = []
            for place in problem.related:
                other, pointer = (path, place) if isinstance(place, str) else place
                related.append(Related(other, cross_file.spans[other][pointer]))
            span = cross_file.spans[path][problem.pointer]
            yield _diagnostic(path, span, rule, problem, selection, tuple(related))


def _located(
    goal_file: GoalFile, source_map: SourceMap, rule: Rule, problem: Problem, selection: Selection
) -> Diagnostic:
    """A problem of a file's own checks, at its line and column; related places are in the same
    file; its fix, if any, as edits of the file's text."""
    path = goal_file.path
    related = tuple(
        Related(path, source_map.span(place if isinstance(place, str) else place[1])) for place in problem.related
    )
    fix = problem.fix
    if fix is not None:
        # Only a file with something to fix loads the fix engine.
        from validator.fix.text_edits import resolve

        assert goal_file.text is not None
        fix = resolve(fix, goal_file.text, source_map)
    span = source_map.span(problem.pointer, problem.at_key)
    return _diagnostic(path, span, rule, problem, selection, related, fix)


def _diagnostic(
    path: str,
    span: Span,
    rule: Rule,
    problem: Problem,
    selection: Selection,
    related: tuple[Related, ...],
    fix: Fix | None = None,
) -> Diagnostic:
    return Diagnostic(
        path,
        span,
        problem.pointer,
        rule.code,
        rule.slug,
        selection.severity_of(rule),
        problem.message_id,
        problem.params,
        related,
        fix,
    )
