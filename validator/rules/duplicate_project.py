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

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from validator.diagnostics import Problem
from validator.rule import Rule
from validator.targets import comparison_key


def check(files: Sequence[Any]) -> Iterator[tuple[str, Problem]]:
    groups: dict[tuple[Any, str, str], list[Any]] = {}
    for goal in sorted(files, key=lambda goal: goal.path):
        data = goal.data
        key = (data["year"], comparison_key(data["budget_unit"]), comparison_key(data["project"]))
        groups.setdefault(key, []).append(goal)
    for group in groups.values():
        # Every file of a group is reported, each pointing at another: a pre-commit run
        # that passes only the new copy must refuse it, whichever name sorts first.
        for goal in group if len(group) > 1 else ():
            other = group[1] if goal is group[0] else group[0]
            data = goal.data
            params = {
                "other": other.path,
                "project": data["project"],
                "year": data["year"],
                "budget_unit": data["budget_unit"],
            }
            yield goal.path, Problem("/project", "rule.duplicate_project", params, related=((other.path, "/project"),))


RULE = Rule(
    code="GL207",
    slug="duplicate-project",
    stage="project",
    summary={
        "zh": "同一项目（年度、预算单位、项目名称）只能有一个目标文件",
        "en": "a project (year, budget unit, name) has only one goal file",
    },
    doc=__doc__,
    check=check,
)
