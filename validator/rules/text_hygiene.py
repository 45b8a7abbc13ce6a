"""## What it does
Warns about stray punctuation and spacing in project names, indicator names and
targets: a leading mark (`.系统并发数`), a trailing mark (`工单转派及时率.`, a target
ending in `。`), a doubled mark (`。。`, `，，`), a space before a mark (`应用与推广情况 。`),
and spaces at either end.

## Why is this bad?
These are traces of copying from Word or a PDF. In the published table the indicator
reads `工单转派及时率.，年度指标值：100%。`, and a target ending in `。` is printed as
`。。`. Names with stray marks also stop matching the same name elsewhere.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线人工坐席服务外包项目工作经费
objective: 完成广州市12345热线事项受理、转办等工作。
indicators:
  - seq: 1
    category: 产出指标
    name: 工单转派及时率.  # text-hygiene
    target: 100%
  - seq: 2
    category: 产出指标
    name: .系统并发数  # text-hygiene
    target: 500个
  - seq: 3
    category: 效益指标
    name: 政务服务事项数据应用管理系统应用与推广情况 。  # text-hygiene
    target: 用户数不少于200个。  # text-hygiene
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 12345政府服务热线人工坐席服务外包项目工作经费
objective: 完成广州市12345热线事项受理、转办等工作。
indicators:
  - seq: 1
    category: 产出指标
    name: 工单转派及时率
    target: 100%
  - seq: 2
    category: 产出指标
    name: 系统并发数
    target: 500个
  - seq: 3
    category: 效益指标
    name: 政务服务事项数据应用管理系统用户数
    target: 不少于200个
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from validator.diagnostics import Problem, Severity
from validator.rule import Rule

# Marks that never begin or end a name or a target (both widths).
STRAY_MARKS = ".．。,，、;；:："
_DOUBLED = re.compile(r"([。，、；：！？,;:!?%])\1|(?<!\.)\.\.(?!\.)")
# A space before a closing or separating mark; " .5" is a number, not a stray dot.
_SPACE_BEFORE = re.compile(r"\s+(?:[。，、；：！？）】」』,;:!?)]|\.(?!\d))")

# Anything any of the checks below could report; most names and targets have none.
_SUSPECT = re.compile(rf"^[\s{STRAY_MARKS}]|[\s{STRAY_MARKS}]$|{_DOUBLED.pattern}|{_SPACE_BEFORE.pattern}")

FIELDS = {
    "project": {"zh": "项目名称", "en": "project name"},
    "name": {"zh": "指标名称", "en": "indicator name"},
    "target": {"zh": "年度指标值", "en": "target"},
}


def check(data: dict[str, Any]) -> Iterator[Problem]:
    yield from _check_text("/project", data["project"], FIELDS["project"])
    for index, indicator in enumerate(data["indicators"]):
        yield from _check_text(f"/indicators/{index}/name", indicator["name"], FIELDS["name"])
        yield from _check_text(f"/indicators/{index}/target", indicator["target"], FIELDS["target"])


def _check_text(pointer: str, text: str, field: dict[str, str]) -> Iterator[Problem]:
    if not _SUSPECT.search(text):
        return  # the common case, in one search
    if text != text.strip():
        yield Problem(pointer, "rule.text_hygiene.whitespace", {"field": field, "text": text})
    stripped = text.strip()
    if stripped[:1] and stripped[0] in STRAY_MARKS:
        yield Problem(pointer, "rule.text_hygiene.leading", {"field": field, "mark": stripped[0]})
    doubled = _DOUBLED.search(stripped)
    if doubled:
        yield Problem(pointer, "rule.text_hygiene.doubled", {"field": field, "marks": doubled.group()})
    space = _SPACE_BEFORE.search(stripped)
    if space:
        yield Problem(pointer, "rule.text_hygiene.space_before", {"field": field, "mark": space.group().strip()})
    elif stripped[-1:] and stripped[-1] in STRAY_MARKS and not doubled:
        yield Problem(pointer, "rule.text_hygiene.trailing", {"field": field, "mark": stripped[-1]})


RULE = Rule(
    code="GL205",
    slug="text-hygiene",
    stage="data",
    summary={
        "zh": "名称和指标值中没有多余或重复的标点、标点前的空格",
        "en": "no stray or doubled punctuation, or spaces before punctuation, in names and targets",
    },
    doc=__doc__,
    default_severity=Severity.WARNING,
    check=check,
)
