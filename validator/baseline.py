"""The baseline: known problems, recorded in a committed file, hidden from later runs.

A problem is identified by its file (relative to the repository root), rule code,
JSON pointer, message id and message parameters — never by line numbers, which
every edit above it shifts. Parameters that are line numbers (``first_line``,
``related_line``) are left out for the same reason. Identical problems are
counted: a baseline of two hides two, and a third is new.

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
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from validator.diagnostics import Diagnostic
from validator.reporters.paths import relative_path, write_text_atomically

DEFAULT_BASELINE = ".goals-lint-baseline.json"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline that cannot be used, as a message id and parameters (exit 2)."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id, params)
        self.message_id = message_id
        self.params = params


class Key(NamedTuple):
    file: str
    code: str
    pointer: str
    message_id: str
    params: str  # canonical JSON of the parameters


def stable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters as plain JSON data, without the ones that are line numbers."""
    kept = {name: value for name, value in params.items() if not name.endswith("_line")}
    # Tuples (message references) become lists, as they would after a JSON round trip.
    return json.loads(json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str))


def _canonical(params: Mapping[str, Any]) -> str:
    return json.dumps(params, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def key_of(diagnostic: Diagnostic, root: str) -> Key:
    return Key(
        relative_path(diagnostic.path, root),
        diagnostic.code,
        diagnostic.pointer,
        diagnostic.message_id,
        _canonical(stable_params(diagnostic.params)),
    )


class Baseline(NamedTuple):
    path: str
    counts: dict[Key, int]
    rules: dict[Key, str]  # slug per entry, only to say which rule a stale entry was


class Applied(NamedTuple):
    shown: list[Diagnostic]
    hidden: int
    stale: list[tuple[Key, str, int]]  # entry, rule slug, how many of its count no longer occur


def load_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise BaselineError("baseline.not_found", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BaselineError("baseline.cannot_read", path=path, reason=reason) from None

    def malformed(detail_id: str, **params: Any) -> BaselineError:
        from validator.messages import ref

        return BaselineError("baseline.malformed", path=path, detail=ref(detail_id, **params))

    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise malformed("baseline.invalid_json", detail=str(error)) from None
    if (
        not isinstance(document, dict)
        or document.get("version") != FORMAT_VERSION
        or not isinstance(document.get("entries"), list)
    ):
        raise malformed("baseline.wrong_shape")
    counts: dict[Key, int] = {}
    rules: dict[Key, str] = {}
    for number, entry in enumerate(document["entries"], 1):
        if not _valid_entry(entry):
            raise malformed("baseline.bad_entry", number=number)
        key = Key(
            entry["file"],
            entry["code"],
            entry["pointer"],
            entry["message_id"],
            _canonical(stable_params(entry["params"])),
        )
        counts[key] = counts.get(key, 0) + entry["count"]
        rules[key] = entry.get("rule", "") if isinstance(entry.get("rule"), str) else ""
    return Baseline(path, counts, rules)


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and all(isinstance(entry.get(field), str) for field in ("file", "code", "pointer", "message_id"))
        and isinstance(entry.get("params"), dict)
        and isinstance(entry.get("count"), int)
        and not isinstance(entry.get("count"), bool)
        and entry["count"] > 0
    )


_INDICATOR = re.compile(r"^/indicators/(\d+)(?=/|$)")


def _moved_form(key: Key) -> tuple[Key, int] | None:
    """``key`` with its indicator index blanked out, and the index; None if it has none."""
    match = _INDICATOR.match(key.pointer)
    if match is None:
        return None
    return key._replace(pointer="/indicators/*" + key.pointer[match.end() :]), int(match.group(1))


def apply_baseline(baseline: Baseline, diagnostics: Sequence[Diagnostic], root: str, checked: Iterable[str]) -> Applied:
    """Hide recorded problems, up to each entry's count, in report order.

    Exact entries are used first, for every problem; then a problem still without
    an entry takes a left-over one that differs only in the indicator index (the
    nearest index), so inserting an indicator above a known problem does not make
    it new and its entry stale.

    Only entries of ``checked`` files, or of files that no longer exist, can be
    stale: pre-commit checks the changed files, and the entries of the others stand.
    """
    checked_files = {relative_path(path, root) for path in checked}
    remaining = dict(baseline.counts)
    keys = [key_of(diagnostic, root) for diagnostic in diagnostics]
    hidden_flags = [False] * len(keys)
    for number, key in enumerate(keys):
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
            hidden_flags[number] = True

    unmatched = [number for number, hidden_it in enumerate(hidden_flags) if not hidden_it]
    if unmatched:
        # Left-over entries by their form without the indicator index, with that index.
        by_form: dict[Key, list[tuple[int, Key]]] = {}
        for entry, left in remaining.items():
            form = _moved_form(entry) if left > 0 else None
            if form is not None:
                by_form.setdefault(form[0], []).append((form[1], entry))
        for number in unmatched:
            form = _moved_form(keys[number])
            if form is None:
                continue
            candidates = [
                (abs(index - form[1]), index, entry)
                for index, entry in by_form.get(form[0], ())
                if remaining[entry] > 0
            ]
            if candidates:
                entry = min(candidates)[2]
                remaining[entry] -= 1
                hidden_flags[number] = True

    shown = [diagnostic for diagnostic, hidden_it in zip(diagnostics, hidden_flags, strict=False) if not hidden_it]
    hidden = len(diagnostics) - len(shown)
    stale = [
        (key, baseline.rules.get(key, ""), left)
        for key, left in sorted(remaining.items())
        if left > 0 and (key.file in checked_files or not os.path.exists(os.path.join(root, key.file)))
    ]
    return Applied(shown, hidden, stale)


def render_baseline(diagnostics: Iterable[Diagnostic], root: str, kept: Baseline | None = None) -> tuple[str, int, int]:
    """The baseline file's text for ``diagnostics`` (plus the entries of ``kept``),
    the number of problems and of entries."""
    counts: dict[Key, int] = dict(kept.counts) if kept else {}
    rules: dict[Key, str] = dict(kept.rules) if kept else {}
    params_of: dict[Key, dict[str, Any]] = {key: json.loads(key.params) for key in counts}
    problems = sum(counts.values())
    for diagnostic in diagnostics:
        key = key_of(diagnostic, root)
        counts[key] = counts.get(key, 0) + 1
        rules[key] = diagnostic.rule
        params_of[key] = stable_params(diagnostic.params)
        problems += 1
    entries = [
        {
            "file": key.file,
            "code": key.code,
            "rule": rules[key],
            "pointer": key.pointer,
            "message_id": key.message_id,
            "params": params_of[key],
            "count": counts[key],
        }
        for key in sorted(counts)
    ]
    document = {"version": FORMAT_VERSION, "tool": "goals-lint", "entries": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", problems, len(entries)


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
            kept = Baseline(path, kept_counts, {key: existing.rules.get(key, "") for key in kept_counts})
    text, problems, entries = render_baseline(diagnostics, root, kept)
    write_text_atomically(path, text)
    return problems, entries


def default_baseline_path(config_root: str) -> str:
    return os.path.join(config_root, DEFAULT_BASELINE)


# Stands for a line number in a rendered message, so the clause around it can be cut.
_LINE = "\x00line\x00"
# The clauses messages put line numbers in, longest first; the last catches any other form.
_LINE_CLAUSES = re.compile(
    rf"\s*（第\s*{_LINE}\s*行）|\s*\(line {_LINE}\)|,\s*line {_LINE}|\s*(?:at|on) line {_LINE}"
    rf"|第\s*{_LINE}\s*行|{_LINE}"
)


def entry_message(key: Key, lang: str) -> str:
    """A recorded problem's message on one line, as the run that recorded it would have
    shown it, without the line numbers the key leaves out (``（第 3 行）``, ``at line 3``)."""
    from validator.messages import MESSAGES, placeholders, render
    from validator.reporters.text_reporter import one_line

    if key.message_id not in MESSAGES:
        return key.pointer or "/"  # recorded by another version of goals-lint
    params = json.loads(key.params)
    # JSON turned message references (id, params) into lists; render wants them back.
    for name, value in params.items():
        if isinstance(value, list) and len(value) == 2 and value[0] in MESSAGES and isinstance(value[1], dict):
            params[name] = (value[0], value[1])
    missing = placeholders(MESSAGES[key.message_id][lang]) - set(params)
    if any(not name.endswith("_line") for name in missing):
        return key.pointer or "/"  # recorded by another version of goals-lint
    for name in missing:
        params[name] = _LINE
    try:
        return one_line(_LINE_CLAUSES.sub("", render(key.message_id, params, lang)))
    except (IndexError, ValueError):  # recorded by another version of goals-lint
        return key.pointer or "/"
