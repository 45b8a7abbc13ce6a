"""Fixing a text until nothing applicable is left, and a file on disk.

``fix_text`` checks the text (``validator.linter.check_text``: the run's rules,
suppression comments and selection), applies every applicable fix whose edits do
not overlap another's, verifies the result (``validator.fix.verify``) and checks
again, until no applicable fix is left. Fixes that touch the same value (a name with
a space and a stray dot) are applied in turn, each on the text as the last left it.
A batch that does not verify is tried one fix at a time; a fix that fails alone is
declined, with the reason, and the text keeps what it had.

``FileFixer`` is what ``validator.linter.lint_files`` hands a file with something
to fix: it reads the bytes (a GBK/GB18030 file is converted first, when that fix
applies), fixes the text, and writes it back atomically as UTF-8, with the BOM it had
— or, for ``--diff``, keeps the two texts to show. A read-only file, or one that
cannot be written, is reported and left as it was.

For an editor (a language server's code actions): ``check_text`` gives the
diagnostics with their fixes as text edits; ``apply_fixes`` applies chosen ones to a
text, verified; ``fix_text`` fixes everything.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from validator.atomic import write_atomically
from validator.diagnostics import Diagnostic, Reencode, TextEdit
from validator.linter import Selection, check_text
from validator.loader import GoalFile, read_goal_text
from validator.messages import define, one_line, ref, render

if TYPE_CHECKING:
    from validator.fix.verify import Reason


# --- messages (zh, en) ---
FIX_DECLINED = define(
    "fix.note.declined",
    zh="goals-lint: {path}:{line}:{column}: 未应用修复（{description}）：{reason}；此处保持原样",
    en="goals-lint: {path}:{line}:{column}: did not apply the fix ({description}): {reason}; left as it was",
)
FIX_READ_ONLY = define(
    "fix.note.read_only",
    zh="goals-lint: {path}：文件是只读的，修复未写入，文件保持原样",
    en="goals-lint: {path}: the file is read-only; the fixes were not written and the file is unchanged",
)
FIX_CANNOT_WRITE = define(
    "fix.note.cannot_write",
    zh="goals-lint: {path}：无法写入修复（{reason}），文件保持原样",
    en="goals-lint: {path}: cannot write the fixes ({reason}); the file is unchanged",
)
FIX_CANNOT_READ = define(
    "fix.note.cannot_read",
    zh="goals-lint: {path}：修复前重新读取失败（{reason}），文件保持原样",
    en="goals-lint: {path}: could not read it again to fix it ({reason}); the file is unchanged",
)

# Each round applies at least one fix or declines one; real files need two or three.
MAX_ROUNDS = 20
UTF8 = "utf-8"

ShownFilter = Callable[[list[Diagnostic]], list[Diagnostic]]


class Declined(NamedTuple):
    diagnostic: Diagnostic
    reason: Reason  # a message reference: why the fix was not made


class FixedText(NamedTuple):
    text: str
    applied: list[Diagnostic]  # each as it was found when its fix was applied
    declined: list[Declined]


def _refusal_key(diagnostic: Diagnostic) -> tuple[str, str, str, str, int]:
    # Comment problems have no pointer: their line tells two of them apart.
    line = 0 if diagnostic.pointer else diagnostic.span.line
    return (diagnostic.code, diagnostic.pointer, diagnostic.message_id, repr(diagnostic.params), line)


def fix_text(
    path: str, text: str, selection: Selection, *, unsafe: bool = False, shown: ShownFilter | None = None
) -> FixedText:
    """``text`` (the goal file ``path``'s) with every fix this run applies made; ``unsafe``
    adds the unsafe ones; ``shown`` keeps only the diagnostics a run shows (a baseline)."""
    original = text
    applied: list[Diagnostic] = []
    declined: list[Declined] = []
    refused: set[tuple[str, str, str, str, int]] = set()
    for _ in range(MAX_ROUNDS):
        diagnostics = check_text(path, text, selection)
        if shown is not None:
            diagnostics = shown(diagnostics)
        candidates = [
            diagnostic
            for diagnostic in diagnostics
            if diagnostic.fix is not None
            and diagnostic.fix.applies(unsafe)
            and diagnostic.fix.text_edits
            and _refusal_key(diagnostic) not in refused
        ]
        if not candidates:
            break
        text, batch_applied, batch_declined = apply_fixes(read_goal_text(path, text), candidates, other_reader=False)
        applied += batch_applied
        declined += batch_declined
        refused.update(_refusal_key(refusal.diagnostic) for refusal in batch_declined)
    if applied and not _other_reader_agrees(path, original, text, applied):
        # Rare enough not to search for the culprit: the file keeps what it had.
        from validator.fix.verify import DECLINED_OTHER_READER

        return FixedText(original, [], declined + [Declined(d, ref(DECLINED_OTHER_READER)) for d in applied])
    return FixedText(text, applied, declined)


def _other_reader_agrees(path: str, original: str, text: str, applied: list[Diagnostic]) -> bool:
    """The second reader's check, once for all the rounds (see ``validator.fix.verify``)."""
    from validator.fix.verify import other_reader_agrees

    if not read_goal_text(path, original).readable:
        return True  # a file the lexical fix made readable: nothing to compare with
    return other_reader_agrees(original, text, [d.fix for d in applied if d.fix is not None])


def apply_fixes(
    before: GoalFile, diagnostics: Sequence[Diagnostic], *, other_reader: bool = True
) -> tuple[str, list[Diagnostic], list[Declined]]:
    """Apply the fixes of ``diagnostics`` (found in ``before``) that do not overlap, verified:
    the new text, the diagnostics fixed, and those declined. Overlapping ones are left for
    the next check of the new text; fixes with the same edits are made once.
    ``other_reader=False`` leaves the second reader's check to the caller."""
    # Loaded when there is something to apply: a --fix run over clean files never needs them.
    from validator.fix.text_edits import edit_ranges, line_index, ranges_overlap
    from validator.fix.verify import DECLINED_OVERLAP, verify

    text = before.text
    assert text is not None
    index = line_index(text)
    batch: list[Diagnostic] = []
    same_as: list[Diagnostic] = []  # fixed by an identical fix of the batch
    taken: list[tuple[int, int, str]] = []
    edits_taken: set[tuple[object, ...]] = set()
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or not fix.text_edits:
            continue
        if fix.text_edits in edits_taken:
            same_as.append(diagnostic)
            continue
        ranges = edit_ranges(index, fix.text_edits)
        if any(ranges_overlap([one], ranges[number + 1 :]) for number, one in enumerate(ranges)):
            return text, [], [Declined(diagnostic, ref(DECLINED_OVERLAP))]  # a fix at odds with itself
        if ranges_overlap(ranges, taken):
            continue
        batch.append(diagnostic)
        taken += ranges
        edits_taken.add(fix.text_edits)
    if not batch:
        return text, [], []
    fixes = [diagnostic.fix for diagnostic in batch if diagnostic.fix is not None]
    new_text = _applied(text, (edit for fix in fixes for edit in fix.text_edits))
    reason = verify(before, new_text, fixes, other_reader=other_reader)
    if reason is None:
        return new_text, batch + same_as, []
    # Find the fix that does not verify; the others are applied one by one, each on the
    # text the last one left (their positions are found anew by the next check).
    declined: list[Declined] = []
    for diagnostic in batch:
        assert diagnostic.fix is not None
        alone = _applied(text, diagnostic.fix.text_edits)
        reason = verify(before, alone, [diagnostic.fix], other_reader=other_reader)
        if reason is None:
            return alone, [diagnostic], declined
        declined.append(Declined(diagnostic, reason))
    return text, [], declined


def _applied(text: str, edits: Iterable[TextEdit]) -> str:
    from validator.fix.text_edits import apply_text_edits

    return apply_text_edits(text, edits)  # never overlapping: apply_fixes chose them so


class FileOutcome:
    """What fixing one file did: its text before and after, what was fixed or declined,
    and why it could not be written."""

    __slots__ = ("after", "applied", "before", "bom", "declined", "encoding", "failure", "path", "written")

    def __init__(self, path: str, before: str, encoding: str, bom: bool) -> None:
        self.path = path
        self.before = before  # the text as it was on disk
        self.after = before  # as fixed so far
        self.encoding = encoding  # of the file on disk: "utf-8", or what it is converted from
        self.bom = bom  # a UTF-8 byte-order mark, kept as found
        self.applied: list[Diagnostic] = []
        self.declined: list[Declined] = []
        self.failure: Reason | None = None  # could not be read again or written: unchanged on disk
        self.written = False

    @property
    def changed(self) -> bool:
        return self.after != self.before or self.encoding != UTF8


class FileFixer:
    """Fixes the files ``lint_files`` hands it; ``write=False`` keeps the fixed texts for
    ``--diff`` instead of writing them (a later round starts from them, as from the disk)."""

    def __init__(self, selection: Selection, *, unsafe: bool, write: bool, shown: ShownFilter | None = None) -> None:
        self.selection = selection
        self.unsafe = unsafe
        self.write = write
        self.shown = shown
        self.outcomes: dict[str, FileOutcome] = {}
        # Fixes the whole run found but one file's own checks cannot (a suppression that hid
        # a cross-file problem, and no longer hides one), made in the next round.
        self.pending: dict[str, list[Diagnostic]] = {}

    def wants(self, goal_file: GoalFile, diagnostics: Sequence[Diagnostic]) -> bool:
        path = goal_file.path
        if path in self.pending or (not self.write and path in self.outcomes):
            return True
        if goal_file.text is not None and "goals-lint" in goal_file.text.lower():
            return True  # a suppression comment that hides nothing is found after these checks
        for diagnostic in diagnostics:
            fix = diagnostic.fix
            if fix is not None and fix.applies(self.unsafe) and diagnostic.code in self.selection.enabled:
                return True
        return False

    def fix(self, goal_file: GoalFile, diagnostics: Sequence[Diagnostic]) -> GoalFile | None:
        path = goal_file.path
        outcome = self.outcomes.get(path)
        if outcome is None:
            outcome = self._read(goal_file, diagnostics)
            if outcome is None:
                return None
            self.outcomes[path] = outcome
        if outcome.failure is not None:
            return None
        text = outcome.after
        pending = self.pending.pop(path, [])
        if pending:
            text, applied, declined = apply_fixes(read_goal_text(path, text), pending)
            outcome.applied += applied
            outcome.declined += declined
        fixed = fix_text(path, text, self.selection, unsafe=self.unsafe, shown=self.shown)
        applied = outcome.applied + fixed.applied
        outcome.declined += fixed.declined
        if self.write and (fixed.text != outcome.after or (outcome.encoding != UTF8 and not outcome.written)):
            failure = _write(path, fixed.text, bom=outcome.bom)
            if failure is not None:
                outcome.failure = failure
                outcome.applied = []
                return None
            outcome.written = True
        outcome.applied = applied
        outcome.after = fixed.text
        return read_goal_text(path, fixed.text) if outcome.changed else None

    def _read(self, goal_file: GoalFile, diagnostics: Sequence[Diagnostic]) -> FileOutcome | None:
        """The file's text as it stands: as read, or converted from GB18030 when that fix applies."""
        path = goal_file.path
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError as error:
            outcome = FileOutcome(path, goal_file.text or "", UTF8, False)
            outcome.failure = ref(FIX_CANNOT_READ, path=one_line(path), reason=error.strerror or str(error))
            return outcome
        bom = raw.startswith(codecs.BOM_UTF8)
        if goal_file.text is not None:
            return FileOutcome(path, goal_file.text, UTF8, bom)
        reencode = [
            diagnostic
            for diagnostic in diagnostics
            if diagnostic.fix is not None
            and any(isinstance(edit, Reencode) for edit in diagnostic.fix.edits)
            and diagnostic.code in self.selection.enabled - self.selection.ignored_for(path)
        ]
        if self.shown is not None:
            reencode = self.shown(reencode)
        encodings = [
            edit.encoding
            for diagnostic in reencode
            if diagnostic.fix is not None
            for edit in diagnostic.fix.edits
            if isinstance(edit, Reencode)
        ]
        if not encodings:
            return None
        body = raw[len(codecs.BOM_UTF8) :] if bom else raw
        try:
            text = body.decode(encodings[0])
        except UnicodeDecodeError:
            return None  # changed since it was read
        if text.encode(encodings[0]) != body:
            return None  # not character for character: leave it to a person
        outcome = FileOutcome(path, text, encodings[0], bom)
        outcome.applied.append(reencode[0])
        return outcome

    def add_pending(self, diagnostics: Sequence[Diagnostic]) -> bool:
        """Keep the applicable fixes a whole run found that the files' own checks did not;
        True if there are any (the caller checks the files once more)."""
        for diagnostic in diagnostics:
            fix = diagnostic.fix
            if fix is None or not fix.applies(self.unsafe) or not fix.text_edits:
                continue
            outcome = self.outcomes.get(diagnostic.path)
            if outcome is not None and (outcome.failure is not None or _was_declined(outcome, diagnostic)):
                continue
            self.pending.setdefault(diagnostic.path, []).append(diagnostic)
        return bool(self.pending)

    # --- what the run says about it ---

    def fixed(self) -> list[FileOutcome]:
        """The files fixed (or, for a diff, to be fixed)."""
        return [outcome for outcome in self.outcomes.values() if outcome.failure is None and outcome.changed]

    def failed(self) -> list[FileOutcome]:
        """The files that had fixes but could not be read again or written."""
        return [outcome for outcome in self.outcomes.values() if outcome.failure is not None]

    def notes(self, lang: str) -> list[str]:
        """One line for each file that could not be written and each fix declined."""
        lines = []
        for outcome in self.outcomes.values():
            if outcome.failure is not None:
                lines.append(render(outcome.failure[0], outcome.failure[1], lang))
            for diagnostic, reason in outcome.declined:
                assert diagnostic.fix is not None
                params = {
                    "path": one_line(diagnostic.path),
                    "line": diagnostic.span.line,
                    "column": diagnostic.span.column,
                    "description": ref(diagnostic.fix.message_id, **diagnostic.fix.params),
                    "reason": reason,
                }
                lines.append(render(FIX_DECLINED, params, lang))
        return lines


def _was_declined(outcome: FileOutcome, diagnostic: Diagnostic) -> bool:
    key = _refusal_key(diagnostic)
    return any(_refusal_key(refusal.diagnostic) == key for refusal in outcome.declined)


def _write(path: str, text: str, *, bom: bool) -> Reason | None:
    """Write ``text`` over ``path`` as UTF-8, whole or not at all; why not, if it could not."""
    try:
        # Root may write anything: a file nobody may write is still one not to touch.
        if not os.access(path, os.W_OK) or not os.stat(path).st_mode & 0o222:
            return ref(FIX_READ_ONLY, path=one_line(path))
        write_atomically(path, (codecs.BOM_UTF8 if bom else b"") + text.encode(UTF8), follow_links=True)
    except OSError as error:
        return ref(FIX_CANNOT_WRITE, path=one_line(path), reason=error.strerror or str(error))
    return None
