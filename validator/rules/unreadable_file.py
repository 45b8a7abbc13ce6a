"""## What it does
Reports a goal file that cannot be opened at all: permission denied, a symbolic link
whose target does not exist, or another error from the operating system.

## Why is this bad?
A file the linter cannot read is a file nobody checked. It is reported, and the run
fails, instead of being skipped in silence; the other files are still checked.

## Example
A link `goals/2022/old.yaml` → `../archive/old.yaml` where `archive/old.yaml` was
deleted is reported as `unreadable-file` at line 1, column 1.

Use instead:
Point the link at a file that exists, or delete the link.
"""

from __future__ import annotations

from validator.rule import ReaderRule

RULE = ReaderRule(
    code="GL003",
    slug="unreadable-file",
    summary={
        "zh": "目标文件必须可以读取（权限、失效的符号链接）",
        "en": "goal files must be readable (permissions, broken links)",
    },
    doc=__doc__,
)
