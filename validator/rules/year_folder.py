"""## What it does
Warns when a goal file sits in a year folder (`goals/2023/`) and its `year` says
another year (`year: 2021`). The year folder is the nearest folder above the file whose
name is a year; a file in no year folder is not checked.

## Why is this bad?
Goal files are kept by budget year: a team looks for 2023's goals in `goals/2023/`, and
`goals-lint goals/2023` checks what the folder holds. A file copied from last year's
folder with its year left unchanged, or filed in the wrong folder, is counted in the
wrong year's table, and missing from its own.

## Example
```yaml goals/2023/example.yaml
year: 2021  # year-folder
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```

Use instead:
```yaml goals/2023/example.yaml
year: 2023
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
  - seq: 2
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万次
```
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import CrossFileRule, FileFacts

# --- messages (zh, en) ---
YEAR_FOLDER = define(
    "rule.year_folder",
    zh="文件位于 {folder} 年度文件夹，但预算年度 year 是 {year}；请把文件移到 {year} 文件夹，或改正预算年度",
    en="the file sits in the year folder {folder}, but its year is {year}; move it to a {year} folder, or correct the year",
)

_YEAR_NAME = re.compile(r"(?:19|20)\d{2}")


def year_of(data: GoalData) -> int:
    return data["year"]


def check(files: Sequence[FileFacts]) -> Iterator[tuple[str, Problem]]:
    # A rule about one file at a time that needs its path: the cross-file shape gives it
    # the path with the one fact it keeps (the year), and compares nothing across files.
    for path, year in files:
        folder = year_folder(path)
        if folder is not None and folder != year:
            yield path, Problem("/year", YEAR_FOLDER, {"year": year, "folder": folder})


def year_folder(path: str) -> int | None:
    """The year named by the nearest folder above ``path`` that is named like a year."""
    directory = os.path.dirname(os.path.abspath(path))
    while True:
        name = os.path.basename(directory)
        if _YEAR_NAME.fullmatch(name):
            return int(name)
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


RULE = CrossFileRule(
    code="GL208",
    slug="year-folder",
    summary={
        "zh": "目标文件所在的年度文件夹应与其预算年度一致（goals/2023/ 中的文件 year 为 2023）",
        "en": "a goal file's year matches the year folder it sits in (a file in goals/2023/ has year 2023)",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    facts=year_of,
    pointers=("/year",),
    check=check,
)
