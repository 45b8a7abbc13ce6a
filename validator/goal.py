"""The data of a goal file, as the compliance rules see it once the schema accepted it.

These types describe what ``validator/schemas/goal.schema.json`` guarantees; they add no check
of their own. Rules receive ``GoalData`` and may rely on every required field.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple and TypedDict
# fields written as strings would be compiled one by one on every start-up.

from typing import TypedDict


class _IndicatorRequired(TypedDict):
    seq: int
    category: str  # 产出指标, 效益指标, 满意度指标 or 成本指标
    name: str
    target: str  # the annual target value, as published


class Indicator(_IndicatorRequired, total=False):
    subcategory: str  # 数量指标, 社会效益指标 …, under its own category
    notes: str


class _GoalRequired(TypedDict):
    year: int
    department: str  # 主管部门
    budget_unit: str  # 预算单位
    project: str  # 项目名称
    objective: str  # 绩效目标
    indicators: list[Indicator]


class GoalData(_GoalRequired, total=False):
    code: str  # the project's code in the budget system
    notes: str
