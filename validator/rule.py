"""What a rule is: its code, name, documentation, options and check, in one of five shapes.

The shape says when a rule runs and what its check is given:

- ``ReaderRule`` (stage ``read``): what keeps a file from being read as written. The
  reader (``validator.loader``) finds these while it reads; the rule has no check.
- ``SchemaRule`` (``schema``): ``check(data, source_map)`` on data that was read cleanly.
- ``DataRule`` (``data``): compliance rules, ``check(data, **options)``, a pure function
  of one schema-valid file's data (``validator.goal.GoalData``).
- ``CrossFileRule`` (``cross-file``): rules that compare files. ``facts(data)`` keeps
  the little each file contributes (so a run never holds every file's data), and
  ``check(files, **options)`` compares them: ``files`` is every schema-valid file's
  ``(path, facts)``, context files included.
- ``CommentRule`` (``comments``): rules about suppression comments,
  ``check(comments)`` on what ``validator.suppressions`` read from the file's text.

Every check yields problems located by JSON Pointer (comment rules: by line and
column, as comments are not data). Severity is stamped on by the engine from
configuration, so a rule never decides its own level beyond its default.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, Generic, NamedTuple, Protocol, TypeAlias, TypeVar

from validator.diagnostics import Applicability, Fix, Problem, Severity, Span
from validator.messages import define

if TYPE_CHECKING:
    from validator.goal import GoalData
    from validator.source_map import SourceMap
    from validator.suppressions import FileComments


# --- messages (zh, en) ---
RULE_FIX_SAFE = define(
    "rule.fix_safe",
    zh="可用 --fix 自动修复",
    en="fixable with --fix",
)
RULE_FIX_UNSAFE = define(
    "rule.fix_unsafe",
    zh="可用 --fix --unsafe-fixes 修复",
    en="fixable with --fix --unsafe-fixes",
)
RULE_FIX_SAFE_AND_UNSAFE = define(
    "rule.fix_safe_and_unsafe",
    zh="可用 --fix 自动修复（部分需加 --unsafe-fixes）",
    en="fixable with --fix (some with --unsafe-fixes)",
)


class Stage(str, enum.Enum):
    READ = "read"
    SCHEMA = "schema"
    DATA = "data"
    CROSS_FILE = "cross-file"
    COMMENTS = "comments"


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


class SchemaCheck(Protocol):
    def __call__(self, data: Any, source_map: "SourceMap", /) -> Iterable[Problem]: ...


# A data rule's check takes the file's data, then the rule's options as keywords.
if TYPE_CHECKING:
    DataCheck: TypeAlias = Callable[Concatenate[GoalData, ...], Iterable[Problem]]
    CrossFileCheck: TypeAlias = Callable[Concatenate[Sequence["FileFacts"], ...], Iterable[tuple[str, Problem]]]
else:  # Concatenate[X, ...] needs Python 3.11 at run time
    DataCheck = CrossFileCheck = Callable[..., Iterable]


class FileFacts(NamedTuple):
    """What one file contributes to a cross-file rule."""

    path: str
    facts: Any  # whatever the rule's ``facts`` returned for the file


class FactsOf(Protocol):
    def __call__(self, data: "GoalData", /) -> Any: ...


class CommentProblem(NamedTuple):
    """A finding about a comment: located by position, as comments are not data."""

    span: Span
    message_id: str
    params: Mapping[str, Any] = {}
    fix: Fix | None = None  # text edits: comments are not data


class CommentCheck(Protocol):
    def __call__(self, comments: "FileComments", /) -> Iterable[CommentProblem]: ...


CheckT = TypeVar("CheckT")


class Rule:
    """What every rule has; the shapes below add their check."""

    __slots__ = ("code", "default_severity", "doc", "doc_zh", "fixes", "options", "slug", "summary")
    stage: ClassVar[Stage]

    def __init__(
        self,
        code: str,
        slug: str,
        summary: Mapping[str, str],
        doc: str,
        *,
        doc_zh: str = "",
        default_severity: Severity = Severity.ERROR,
        options: Mapping[str, Option] | None = None,
        fixes: tuple[Applicability, ...] = (),
    ) -> None:
        self.code = code
        self.slug = slug
        self.summary = summary  # one line, {"zh": ..., "en": ...}
        self.doc = doc  # English: the module's docstring
        self.doc_zh = doc_zh  # the same sections and examples in Chinese: the module's DOC_ZH
        self.default_severity = default_severity
        self.options: Mapping[str, Option] = options or {}
        # The kinds of fix its problems can carry (``--list-rules``, ``--explain``, the docs).
        self.fixes = fixes

    def fix_label(self) -> str | None:
        """The message saying how its problems can be fixed (``--list-rules``, ``--explain``, docs)."""
        if not self.fixes:
            return None
        if Applicability.SAFE in self.fixes:
            return RULE_FIX_SAFE_AND_UNSAFE if Applicability.UNSAFE in self.fixes else RULE_FIX_SAFE
        return RULE_FIX_UNSAFE

    def documentation(self, lang: str) -> str:
        """The rule's documentation in ``lang`` (what --explain, SARIF and docs/ show)."""
        return self.doc_zh if lang == "zh" else self.doc

    def default_options(self) -> dict[str, Any]:
        return {name: option.default for name, option in self.options.items()}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code} {self.slug})"


class ReaderRule(Rule):
    __slots__ = ()
    stage = Stage.READ


class _CheckedRule(Rule, Generic[CheckT]):
    """A rule with a check of type ``CheckT``."""

    __slots__ = ("check",)

    def __init__(
        self, code: str, slug: str, summary: Mapping[str, str], doc: str, *, check: CheckT, **common: Any
    ) -> None:
        super().__init__(code, slug, summary, doc, **common)
        self.check = check


class SchemaRule(_CheckedRule[SchemaCheck]):
    """A check of the file's shape. A file it finds problems in gets no compliance rules,
    unless ``data_rules_can_read(data)`` says they can still read it (an unknown field
    alone: they read known fields only)."""

    __slots__ = ("data_rules_can_read",)
    stage = Stage.SCHEMA

    def __init__(
        self,
        code: str,
        slug: str,
        summary: Mapping[str, str],
        doc: str,
        *,
        data_rules_can_read: Callable[[Any], bool] | None = None,
        **checked: Any,
    ) -> None:
        super().__init__(code, slug, summary, doc, **checked)
        self.data_rules_can_read = data_rules_can_read


class DataRule(_CheckedRule[DataCheck]):
    __slots__ = ()
    stage = Stage.DATA


class CrossFileRule(_CheckedRule[CrossFileCheck]):
    __slots__ = ("facts", "pointers")
    stage = Stage.CROSS_FILE

    def __init__(
        self,
        code: str,
        slug: str,
        summary: Mapping[str, str],
        doc: str,
        *,
        facts: FactsOf,
        pointers: tuple[str, ...],
        **checked: Any,
    ) -> None:
        super().__init__(code, slug, summary, doc, **checked)
        self.facts = facts
        # The places its problems (and their related places) point at: the engine keeps
        # where these stand in each file, and nothing else of the file.
        self.pointers = pointers


class CommentRule(_CheckedRule[CommentCheck]):
    __slots__ = ()
    stage = Stage.COMMENTS


AnyRule: TypeAlias = ReaderRule | SchemaRule | DataRule | CrossFileRule | CommentRule
