"""The unified diff ``--diff`` prints: what ``--fix`` would change, file by file."""

from __future__ import annotations

import difflib

from validator.messages import one_line

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: str, after: str, encoding: str = "utf-8") -> str:
    """``before`` → ``after`` of the file ``path`` (named as given), as ``diff -u`` shows it.

    A file converted from another encoding says so in its header, and shows the header
    even when no line changes.
    """
    shown = one_line(path)
    old_name, new_name = shown, shown
    if encoding != "utf-8":
        old_name, new_name = f"{shown} ({encoding.upper()})", f"{shown} (UTF-8)"
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), old_name, new_name)
    parts = []
    for line in lines:
        # The last line of a file without a final newline, as `diff` marks it.
        ends_a_line = line.splitlines() != [line]
        parts.append(line if ends_a_line else line + "\n" + _NO_NEWLINE)
    if not parts and encoding != "utf-8":
        parts = [f"--- {old_name}\n", f"+++ {new_name}\n"]
    return "".join(parts)
