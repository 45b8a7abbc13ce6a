"""The baseline: known problems, recorded in a committed file, hidden from later runs.

What makes a recorded problem match a problem found now is ``validator.identity``:
file, rule code, JSON pointer, message id and the parameters that are not positions.
Identical problems are counted: a baseline of two hides two, and a third is new.

An indicator inserted or removed above a known problem shifts its pointer
(``/indicators/3/target`` becomes ``/indicators/4/target``). So a problem without an
exact entry is matched to a left-over entry that differs only in that index (same
file, rule, message, parameters and the rest of the pointer): it merely moved.

The file is JSON, sorted and indented, UTF-8 with Chinese as written, so its diff
in a review shows exactly which problems were added or fixed::

    {"version": 1, "tool": "goals-lint",
     "entries": [{"file": "goals/2022/a.yaml", "code": "GL002", "rule": "schema",
                  "pointer": "/indicators/0/categroy", "message_id": "schema.unknown_field_suggest",
                  "params": {...}, "count": 1}]}

Each entry keeps the parameters it was recorded with (line numbers aside), so a stale
entry can be shown with its message; only the identifying ones decide a match.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import bisect
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from validator.atomic import write_text_atomically
from validator.diagnostics import Diagnostic
from validator.errors import BaselineError
from validator.identity import Identity, identity, identity_of, moved_form, stable_params
from validator.messages import MESSAGES, define, one_line, placeholders, ref, render
from validator.paths import relative_path

# --- messages (zh, en) ---
BASELINE_STALE = define(
    "baseline.stale",
    zh="goals-lint: 基线 {path} 中有 {count} 条记录已不再出现（已修复或文件已修改）；运行 `goals-lint --write-baseline` 删除它们：",
    en="goals-lint: {count} of the baseline {path} matched nothing (the problem was fixed, or the file changed); run `goals-lint --write-baseline` to drop them:",
)
BASELINE_WRITTEN = define(
    "baseline.written",
    zh="已写入基线 {path}：{problems} 个问题，{entries} 条记录。请提交此文件；之后的检查只报告新问题。",
    en="Wrote the baseline {path}: {problems} in {entries}. Commit it; later runs report only new problems.",
)
BASELINE_NOT_FOUND = define(
    "baseline.not_found",
    zh="找不到基线文件：{path}",
    en="baseline file not found: {path}",
)
BASELINE_CANNOT_READ = define(
    "baseline.cannot_read",
    zh="无法读取基线 {path}：{reason}",
    en="cannot read the baseline {path}: {reason}",
)
BASELINE_MALFORMED = define(
    "baseline.malformed",
    zh="基线 {path} 格式错误：{detail}；可用 `goals-lint --write-baseline` 重新生成",
    en="the baseline {path} is malformed: {detail}; regenerate it with `goals-lint --write-baseline`",
)
BASELINE_INVALID_JSON = define(
    "baseline.invalid_json",
    zh="不是有效的 JSON（{detail}）",
    en="not valid JSON ({detail})",
)
BASELINE_WRONG_SHAPE = define(
    "baseline.wrong_shape",
    zh="不是 goals-lint 基线（应为含 `version`: 1 和 `entries` 列表的对象）",
    en="not a goals-lint baseline (expected an object with `version`: 1 and a list of `entries`)",
)
BASELINE_BAD_ENTRY = define(
    "baseline.bad_entry",
    zh="第 {number} 条记录应包含文本 `file`、`code`、`pointer`、`message_id`，对象 `params` 和正整数 `count`",
    en="entry {number} must have text `file`, `code`, `pointer`, `message_id`, an object `params` and a positive integer `count`",
)

FORMAT_VERSION = 1


class Entry(NamedTuple):
    """What a baseline remembers of one recorded problem besides its identity."""

    rule: str  # slug, only to say which rule a stale entry was
    params: dict[str, Any]  # as recorded, line numbers aside: to show its message again


class Baseline(NamedTuple):
    path: str
    counts: dict[Identity, int]
    entries: dict[Identity, Entry]


class Stale(NamedTuple):
    """A recorded problem that no longer occurs (``missing`` times of its count)."""

    problem: Identity
    entry: Entry
    missing: int


class Applied(NamedTuple):
    shown: list[Diagnostic]
    hidden: int
    stale: list[Stale]


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise BaselineError(BASELINE_NOT_FOUND, path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BaselineError(BASELINE_CANNOT_READ, path=path, reason=reason) from None

    def malformed(detail_id: str, **params: Any) -> BaselineError:
        return BaselineError(BASELINE_MALFORMED, path=path, detail=ref(detail_id, **params))

    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise malformed(BASELINE_INVALID_JSON, detail=str(error)) from None
    if (
        not isinstance(document, dict)
        or document.get("version") != FORMAT_VERSION
        or not isinstance(document.get("entries"), list)
    ):
        raise malformed(BASELINE_WRONG_SHAPE)
    counts: dict[Identity, int] = {}
    entries: dict[Identity, Entry] = {}
    for number, entry in enumerate(document["entries"], 1):
        if not _valid_entry(entry):
            raise malformed(BASELINE_BAD_ENTRY, number=number)
        problem = identity(entry["file"], entry["code"], entry["pointer"], entry["message_id"], entry["params"])
        counts[problem] = counts.get(problem, 0) + entry["count"]
        rule = entry.get("rule", "") if isinstance(entry.get("rule"), str) else ""
        entries.setdefault(problem, Entry(rule, stable_params(entry["params"])))
    return Baseline(path, counts, entries)


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and all(isinstance(entry.get(field), str) for field in ("file", "code", "pointer", "message_id"))
        and isinstance(entry.get("params"), dict)
        and isinstance(entry.get("count"), int)
        and not isinstance(entry.get("count"), bool)
        and entry["count"] > 0
    )


def apply_baseline(baseline: Baseline, diagnostics: Sequence[Diagnostic], root: str, checked: Iterable[str]) -> Applied:
    """Hide recorded problems, up to each entry's count, in report order.

    Exact entries are used first, for every problem; then a problem still without
    an entry takes a left-over one that differs only in the indicator index (the
    nearest index), so inserting an indicator above a known problem does not make
    it new and its entry stale.

    Only entries of ``checked`` files, or of files that no longer exist, can be
    stale: pre-commit checks the changed files, and the entries of the others stand.
    """
    remaining = dict(baseline.counts)
    problems = [identity_of(diagnostic, root) for diagnostic in diagnostics]
    hidden = [False] * len(problems)
    for number, problem in enumerate(problems):
        if remaining.get(problem, 0) > 0:
            remaining[problem] -= 1
            hidden[number] = True
    _match_moved(problems, hidden, remaining)

    shown = [diagnostic for diagnostic, hidden_it in zip(diagnostics, hidden, strict=True) if not hidden_it]
    checked_files = {relative_path(path, root) for path in checked}
    stale = [
        Stale(problem, baseline.entries[problem], left)
        for problem, left in sorted(remaining.items())
        if left > 0 and (problem.file in checked_files or not os.path.exists(os.path.join(root, problem.file)))
    ]
    return Applied(shown, len(diagnostics) - len(shown), stale)


def _match_moved(problems: list[Identity], hidden: list[bool], remaining: dict[Identity, int]) -> None:
    """Let each problem still shown take the left-over entry of the same problem at the
    nearest other indicator index, if there is one."""
    # Left-over entries by their form without the index: sorted (index, entry) pairs.
    by_form: dict[Identity, list[tuple[int, Identity]]] = {}
    for entry, left in remaining.items():
        moved = moved_form(entry) if left > 0 else None
        if moved is not None:
            by_form.setdefault(moved[0], []).append((moved[1], entry))
    if not by_form:
        return
    for candidates in by_form.values():
        candidates.sort()
    for number, problem in enumerate(problems):
        moved = None if hidden[number] else moved_form(problem)
        if moved is None or not by_form.get(moved[0]):
            continue
        candidates = by_form[moved[0]]
        # The nearest index: the entry at or after it, or the one before (ties go to the lower).
        position = bisect.bisect_left(candidates, (moved[1], problem))
        nearest = min(
            (place for place in (position - 1, position) if 0 <= place < len(candidates)),
            key=lambda place: (abs(candidates[place][0] - moved[1]), candidates[place]),
        )
        entry = candidates[nearest][1]
        remaining[entry] -= 1
        hidden[number] = True
        if remaining[entry] == 0:
            del candidates[nearest]


def render_baseline(diagnostics: Iterable[Diagnostic], root: str, kept: Baseline | None = None) -> tuple[str, int, int]:
    """The baseline file's text for ``diagnostics`` (plus the entries of ``kept``),
    the number of problems and of entries."""
    counts: dict[Identity, int] = dict(kept.counts) if kept else {}
    entries: dict[Identity, Entry] = dict(kept.entries) if kept else {}
    problems = sum(counts.values())
    for diagnostic in diagnostics:
        problem = identity_of(diagnostic, root)
        counts[problem] = counts.get(problem, 0) + 1
        entries[problem] = Entry(diagnostic.rule, stable_params(diagnostic.params))
        problems += 1
    document = {
        "version": FORMAT_VERSION,
        "tool": "goals-lint",
        "entries": [
            {
                "file": problem.file,
                "code": problem.code,
                "rule": entries[problem].rule,
                "pointer": problem.pointer,
                "message_id": problem.message_id,
                "params": entries[problem].params,
                "count": counts[problem],
            }
            for problem in sorted(counts)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", problems, len(counts)


def write_baseline(path: str, diagnostics: Iterable[Diagnostic], root: str, checked: Iterable[str]) -> tuple[int, int]:
    """Write the baseline atomically; returns (problems, entries). Raises OSError.

    Entries of files this run did not check are kept from the existing baseline,
    so `--write-baseline goals/2022/a.yaml` does not forget the other files.
    """
    kept = None
    if os.path.isfile(path):
        try:
            existing = load_baseline(path)
        except BaselineError:
            existing = None  # unusable: rewriting it is the cure the error message suggests
        if existing is not None:
            checked_files = {relative_path(checked_path, root) for checked_path in checked}
            kept_counts = {key: count for key, count in existing.counts.items() if key.file not in checked_files}
            kept = Baseline(path, kept_counts, {key: existing.entries[key] for key in kept_counts})
    text, problems, entries = render_baseline(diagnostics, root, kept)
    write_text_atomically(path, text)
    return problems, entries


# Stands for a line number in a rendered message, so the clause around it can be cut.
_LINE = "\x00line\x00"
# The clauses messages put line numbers in, longest first; the last catches any other form.
_LINE_CLAUSES = re.compile(
    rf"\s*（第\s*{_LINE}\s*行）|\s*\(line {_LINE}\)|,\s*line {_LINE}|\s*(?:at|on) line {_LINE}"
    rf"|第\s*{_LINE}\s*行|{_LINE}"
)


def entry_message(problem: Identity, lang: str, recorded_params: Mapping[str, Any] | None = None) -> str:
    """A recorded problem's message on one line, as the run that recorded it would have
    shown it (with ``recorded_params``, else its identifying ones), without the line
    numbers the entry leaves out (``（第 3 行）``, ``at line 3``)."""
    if problem.message_id not in MESSAGES:
        return problem.pointer or "/"  # recorded by another version of goals-lint
    params = dict(json.loads(problem.params) if recorded_params is None else recorded_params)
    # JSON turned message references (id, params) into lists; render wants them back.
    for name, value in params.items():
        if isinstance(value, list) and len(value) == 2 and value[0] in MESSAGES and isinstance(value[1], dict):
            params[name] = (value[0], value[1])
    missing = placeholders(MESSAGES[problem.message_id][lang]) - set(params)
    if any(not name.endswith("_line") for name in missing):
        return problem.pointer or "/"  # recorded by another version of goals-lint
    for name in missing:
        params[name] = _LINE
    try:
        return one_line(_LINE_CLAUSES.sub("", render(problem.message_id, params, lang)))
    except (IndexError, ValueError):  # recorded by another version of goals-lint
        return problem.pointer or "/"
