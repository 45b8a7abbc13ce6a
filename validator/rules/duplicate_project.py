"""## What it does
Reports a project that has two goal files: the same year, budget unit and project
name (compared loosely, as `duplicate-indicator` compares names). Each of the files
is reported, pointing at the other.

It looks across all files of a run. When only some files are checked (pre-commit
passes the changed ones), the other goal files are still read for comparison.

## Why is this bad?
Two files for one project means two versions of its goals: an edit lands in one and
the published table, built from both, shows the project twice with different
targets.

## Example
A file `goals/2022/a.yaml` and a copy of it, `goals/2022/b.yaml`, with the same
`year`, `budget_unit` and `project`: both are reported at their `project` line.

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设  # duplicate-project
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
Keep one file per project; merge the two files' indicators into one of them.

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台二期建设
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

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from validator.diagnostics import Problem
from validator.goal import GoalData
from validator.messages import define
from validator.rule import CrossFileRule, FileFacts
from validator.targets import comparison_key

DOC_ZH = """## 作用
报告有两个目标文件的项目：年度、预算单位和项目名称相同（名称按 `duplicate-indicator` 的方式
宽松比较）。两个文件都会被报告，各自指向另一个。

它在一次检查的所有文件之间比较。只检查部分文件时（pre-commit 只传入改动的文件），其他目标文件
仍会被读取用于比较。

## 为什么不好？
一个项目两个文件，就是它的目标有两个版本：修改只落在其中一个，而由两者生成的公开表格会把这个
项目列两次，且指标值不同。

## 示例
文件 `goals/2022/a.yaml` 和它的副本 `goals/2022/b.yaml`，`year`、`budget_unit` 和 `project`
都相同：两个文件都在 `project` 这一行被报告。

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设  # duplicate-project
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

改为：
每个项目只保留一个文件；把两个文件的指标合并到其中一个。

```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台二期建设
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

# --- messages (zh, en) ---
DUPLICATE_PROJECT = define(
    "rule.duplicate_project",
    zh="同一项目（{year}年度，预算单位：{budget_unit}，项目名称：“{project}”）另有目标文件 `{other}`（第 {related_line} 行）；请合并为一个文件",
    en="the same project ({year}, {budget_unit}, “{project}”) also has the goal file `{other}` (line {related_line}); merge them into one file",
)


class Project(NamedTuple):
    """What a file tells about the project it is for: all this rule keeps of it."""

    year: int
    budget_unit: str
    project: str


def facts(data: GoalData) -> Project:
    return Project(data["year"], data["budget_unit"], data["project"])


def check(files: Sequence[FileFacts]) -> Iterator[tuple[str, Problem]]:
    groups: dict[tuple[int, str, str], list[FileFacts]] = {}
    for file in sorted(files, key=lambda file: file.path):
        project: Project = file.facts
        key = (project.year, comparison_key(project.budget_unit), comparison_key(project.project))
        groups.setdefault(key, []).append(file)
    for group in groups.values():
        # Every file of a group is reported, each pointing at another: a pre-commit run
        # that passes only the new copy must refuse it, whichever name sorts first.
        for file in group if len(group) > 1 else ():
            other = group[1] if file is group[0] else group[0]
            project = file.facts
            params = {
                "other": other.path,
                "project": project.project,
                "year": project.year,
                "budget_unit": project.budget_unit,
            }
            yield file.path, Problem("/project", DUPLICATE_PROJECT, params, related=((other.path, "/project"),))


RULE = CrossFileRule(
    code="GL207",
    slug="duplicate-project",
    summary={
        "zh": "同一项目（年度、预算单位、项目名称）只能有一个目标文件",
        "en": "a project (year, budget unit, name) has only one goal file",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    facts=facts,
    check=check,
    pointers=("/project",),
)
