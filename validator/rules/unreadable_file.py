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

DOC_ZH = """## 作用
报告根本无法打开的目标文件：没有读取权限、符号链接指向的文件不存在，或操作系统报告的其他错误。

## 为什么不好？
检查工具读不了的文件，就是没有人检查过的文件。它会被报告出来并使本次检查失败，而不是被悄悄
跳过；其他文件照常检查。

## 示例
符号链接 `goals/2022/old.yaml` → `../archive/old.yaml`，而 `archive/old.yaml` 已被删除：在第 1
行第 1 列报告 `unreadable-file`。

改为：
让链接指向存在的文件，或删除这个链接。
"""

RULE = ReaderRule(
    code="GL003",
    slug="unreadable-file",
    summary={
        "zh": "目标文件必须可以读取（权限、失效的符号链接）",
        "en": "goal files must be readable (permissions, broken links)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
)
