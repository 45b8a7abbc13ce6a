"""What makes two problems the same problem, wherever one is remembered.

The baseline, SARIF ``partialFingerprints`` and GitLab fingerprints all ask this
module, so they agree on when a problem is "still there" after an edit.

A problem is its file (relative to the repository root), rule code, JSON pointer,
message id and message parameters — never where it stands: line numbers shift with
every edit above, and so do positional parameters (``related_line``, the line of the
first duplicate; ``first_seq``, its number, which renumbering changes). Parameters
named ``*_line`` or ``*_seq`` are therefore left out.

The indicator index in the pointer (``/indicators/3/target``) shifts too when an
indicator is inserted above. The fingerprints leave it out altogether; the baseline
first looks for the exact pointer and then accepts the same problem at another index
(see ``validator.baseline``), so both use :func:`moved_form`.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from validator.diagnostics import Diagnostic
from validator.paths import relative_path

# Parameters that say where something is, not what it is.
_POSITIONAL_SUFFIXES = ("_line", "_seq")
_INDICATOR_INDEX = re.compile(r"^/indicators/(\d+)(?=/|$)")
ANY_INDICATOR = "/indicators/*"


class Identity(NamedTuple):
    file: str
    code: str
    pointer: str
    message_id: str
    params: str  # canonical JSON of the identifying parameters


def stable_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters as plain JSON data, without line numbers (kept in a baseline entry
    to show its message again; ``first_seq`` stays there, for the same reason)."""
    kept = {name: value for name, value in params.items() if not name.endswith("_line")}
    # Tuples (message references) become lists, as they would after a JSON round trip.
    loaded: dict[str, Any] = json.loads(json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str))
    return loaded


def _canonical(params: Mapping[str, Any]) -> str:
    identifying = {name: value for name, value in params.items() if not name.endswith(_POSITIONAL_SUFFIXES)}
    return json.dumps(stable_params(identifying), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def identity(file: str, code: str, pointer: str, message_id: str, params: Mapping[str, Any]) -> Identity:
    """The identity of a recorded problem (``file`` already relative to the root)."""
    return Identity(file, code, pointer, message_id, _canonical(params))


def identity_of(diagnostic: Diagnostic, root: str) -> Identity:
    return identity(
        relative_path(diagnostic.path, root),
        diagnostic.code,
        diagnostic.pointer,
        diagnostic.message_id,
        diagnostic.params,
    )


def moved_form(problem: Identity) -> tuple[Identity, int] | None:
    """The identity with its indicator index blanked out, and that index; None if it has none."""
    match = _INDICATOR_INDEX.match(problem.pointer)
    if match is None:
        return None
    return problem._replace(pointer=ANY_INDICATOR + problem.pointer[match.end() :]), int(match.group(1))


def _without_index(problem: Identity) -> Identity:
    moved = moved_form(problem)
    return problem if moved is None else moved[0]


def fingerprints(diagnostics: Iterable[Diagnostic], root: str) -> list[str]:
    """A fingerprint per diagnostic, in order: its identity without the indicator index,
    and its number among problems that are otherwise identical (1, 2, …)."""
    import hashlib  # only SARIF and GitLab reports need it: kept off the one-file start-up

    seen: dict[Identity, int] = {}
    result = []
    for diagnostic in diagnostics:
        key = _without_index(identity_of(diagnostic, root))
        seen[key] = seen.get(key, 0) + 1
        text = "\0".join((*key, str(seen[key])))
        # surrogateescape: a file name that is not UTF-8 hashes as its bytes, never a crash.
        result.append(hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())
    return result
