"""## What it does
Warns when one indicator packs several targets into its value: several numbers with
their own comparisons or subjects (`一般性操作≤5秒，一般性统计≤20秒`), or
alternatives (`面向政府用户≥50或面向公众用户≥200`). A range such as `95%-100%` or
`5~10个` is one target.

## Why is this bad?
An indicator is scored as met or not met. With three targets in one cell, meeting
two of them is neither; and each target deserves its own name and unit. Split it
into one indicator per target.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市数字政府运营中心
project: 广州市电子政务外网网络安全升级建设项目
objective: 提升电子政务外网的网络安全防护能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 态势感知处理性能
    target: 一般性操作≤5秒，一般性统计≤20秒  # packed-target
  - seq: 2
    category: 效益指标
    name: 设备正常运行率
    target: 95%-100%
```

Use instead:
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市数字政府运营中心
project: 广州市电子政务外网网络安全升级建设项目
objective: 提升电子政务外网的网络安全防护能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 一般性操作响应时间
    target: ≤5秒
  - seq: 2
    category: 产出指标
    name: 一般性统计响应时间
    target: ≤20秒
  - seq: 3
    category: 效益指标
    name: 设备正常运行率
    target: 95%-100%
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem, Severity
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule
from validator.targets import parse_target

DOC_ZH = """## 作用
当一条指标的指标值中塞进了多个目标时给出警告：多个各有比较方式或对象的数值
（`一般性操作≤5秒，一般性统计≤20秒`），或用“或”连接的几个选项（`面向政府用户≥50或面向公众
用户≥200`）。`95%-100%` 或 `5~10个` 这样的范围是一个目标。

## 为什么不好？
每条指标按达成或未达成计分。一个格子里有三个目标，达成其中两个算哪一种都不对；而且每个目标都
应有自己的名称和单位。请拆分为每个目标一条指标。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市数字政府运营中心
project: 广州市电子政务外网网络安全升级建设项目
objective: 提升电子政务外网的网络安全防护能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 态势感知处理性能
    target: 一般性操作≤5秒，一般性统计≤20秒  # packed-target
  - seq: 2
    category: 效益指标
    name: 设备正常运行率
    target: 95%-100%
```

改为：
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市数字政府运营中心
project: 广州市电子政务外网网络安全升级建设项目
objective: 提升电子政务外网的网络安全防护能力。
indicators:
  - seq: 1
    category: 产出指标
    name: 一般性操作响应时间
    target: ≤5秒
  - seq: 2
    category: 产出指标
    name: 一般性统计响应时间
    target: ≤20秒
  - seq: 3
    category: 效益指标
    name: 设备正常运行率
    target: 95%-100%
```
"""

# --- messages (zh, en) ---
PACKED_TARGET = define(
    "rule.packed_target",
    zh="一个年度指标值中有 {count} 个目标：{values}；请拆分为 {count} 条指标，每条指标一个目标值",
    en="the target packs {count} targets: {values}; split it into {count} indicators, one target each",
)


MAX_SHOWN = 5


def check(data: GoalData) -> Iterator[Problem]:
    for index, indicator in enumerate(data["indicators"]):
        target = parse_target(indicator["target"])
        if target.packed:
            shown = target.bounds[:MAX_SHOWN]  # enough to recognise the target; the count says the rest
            values = "、".join(
                f"{bound.subject}{bound.comparison if bound.stated else ''}{bound.number}{bound.unit}"
                for bound in shown
            ) + ("、…" if len(target.bounds) > MAX_SHOWN else "")
            yield Problem(f"/indicators/{index}/target", PACKED_TARGET, {"count": len(target.bounds), "values": values})


RULE = DataRule(
    code="GL203",
    slug="packed-target",
    summary={
        "zh": "一个指标只设一个目标值；多个目标应拆分为多个指标",
        "en": "one target per indicator; several targets in one should be split",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    default_severity=Severity.WARNING,
    check=check,
)
