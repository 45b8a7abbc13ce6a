"""## What it does
Checks that every project has at least one indicator of each required first-level
category: by default 产出指标 (output) and 效益指标 (benefit). The required set is the
`required` option; tables that follow the 2021 central guidance also require
满意度指标 or 成本指标.

The problem is reported at the `indicators` key, once for each missing category.

## Why is this bad?
The Ministry of Finance's indicator framework asks every project to say both what it
will produce and what good that does. A project with only output indicators
(“建设1个平台”) cannot be judged on whether spending the money was worth it.

## Example
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:  # required-categories
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
```

Use instead:
```yaml
year: 2022
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

## Configuration
```toml
[tool.goals-lint.rules.required-categories]
required = ["产出指标", "效益指标", "满意度指标"]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from validator.diagnostics import Problem
from validator.goal import GoalData
from validator.messages import define
from validator.rule import DataRule, Option
from validator.rules.options import category_list

DOC_ZH = """## 作用
检查每个项目的每个必备一级指标至少有一条：默认是产出指标和效益指标。必备的一级指标由 `required`
选项设定；按 2021 年中央部门要求编制的表格还要求满意度指标或成本指标。

问题在 `indicators` 字段处报告，每缺一个一级指标报告一次。

## 为什么不好？
财政部的绩效指标体系要求每个项目既说明要产出什么，也说明产出带来什么效益。只有产出指标的项目
（“建设1个平台”）无法判断这笔钱花得值不值。

## 示例
```yaml
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:  # required-categories
  - seq: 1
    category: 产出指标
    name: 外部服务对接和建设数量
    target: 200项
```

改为：
```yaml
year: 2022
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

## 配置
```toml
[tool.goals-lint.rules.required-categories]
required = ["产出指标", "效益指标", "满意度指标"]
```
"""

# --- messages (zh, en) ---
REQUIRED_CATEGORIES_MISSING = define(
    "rule.required_categories.missing",
    zh="项目缺少一级指标“{category}”；请至少增加一条{category}（必须具备的一级指标：{required}）",
    en="the project has no {category} indicator; add at least one (required categories: {required})",
)


def check(data: GoalData, required: tuple[str, ...] = ("产出指标", "效益指标")) -> Iterator[Problem]:
    present = {indicator["category"] for indicator in data["indicators"]}
    for category in required:
        if category not in present:
            yield Problem(
                "/indicators",
                REQUIRED_CATEGORIES_MISSING,
                {"category": category, "required": "、".join(required)},
                at_key=True,
            )


RULE = DataRule(
    code="GL101",
    slug="required-categories",
    summary={
        "zh": "每个项目至少要有一个产出指标和一个效益指标（可配置）",
        "en": "every project has at least one output (产出) and one benefit (效益) indicator (configurable)",
    },
    doc=__doc__,
    doc_zh=DOC_ZH,
    check=check,
    options={
        "required": Option(
            ("产出指标", "效益指标"),
            category_list,
            {"zh": "每个项目都必须有的一级指标", "en": "first-level categories every project must have"},
        )
    },
)
