"""The schema editors use: ``goals-lint schema`` writes it, the ``$schema`` modeline of a goal
file points at it, and editors with the YAML language server complete and check with it.

It is generated from the validation schema (``validator/schemas/goal.schema.json``, which the
``schema`` rule checks) and differs from it on purpose:

- It also says what rules of the configuration would say, so that an editor shows it while
  typing: ``contains`` for each category ``required-categories`` asks for, and no spaces at
  the start or end of the texts ``text-hygiene`` checks. The ``schema`` rule must not check
  these, or every such problem would be reported twice (GL002 and GL101 or GL205).
- A ``subcategory`` offers only the subcategories of its indicator's ``category`` (the
  validation schema lists all twelve on the property, which editors then offer everywhere).
- It is JSON Schema draft-07, not 2020-12: SchemaStore asks for draft-07 as "the best
  supported version" by editors and IDEs, and the YAML language server supported nothing
  later before its 1.20; this schema needs nothing draft-07 lacks (``$defs`` becomes
  ``definitions``).
- Its words are for people editing a file: ``title``, ``description`` and
  ``markdownDescription`` per field, ``markdownEnumDescriptions`` for categories and
  subcategories, and an ``errorMessage`` per field that the YAML language server shows instead
  of its English "Value is not accepted", all in the language asked for.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from validator.config import Config
from validator.messages import define, render
from validator.schema import goal_schema

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# A name, not an address: the schema is written into each repository that uses it, and
# nothing is served there. A configured URL (`schema = "https://…"`) replaces it.
DEFAULT_ID = "urn:goals-lint:goal-file-schema"
GENERATED_BY = "goals-lint schema"

# Text that neither starts nor ends with a space, a tab or a line break (as text-hygiene asks).
_TRIMMED = r"^\S([\s\S]*\S)?$"
_NOT_BLANK = r"\S"

# --- messages (zh, en) ---
EDITOR_COMMENT = define(
    "editor_schema.comment",
    zh="由 `goals-lint schema` 生成，请勿手工修改；配置改变后请重新生成。",
    en="Written by `goals-lint schema`; do not edit by hand, write it again when the configuration changes.",
)
EDITOR_FILE = define(
    "editor_schema.file",
    zh="**项目支出绩效目标**：一个 YAML 文件对应绩效目标表中的一个项目。必填 `year`、`department`、`budget_unit`、`project`、`objective`、`indicators`；可选 `code`、`notes`。",
    en="**Performance goals of one project**: one YAML file per project of the published table. Required: `year`, `department`, `budget_unit`, `project`, `objective`, `indicators`; optional: `code`, `notes`.",
)
EDITOR_FILE_ERROR = define(
    "editor_schema.file_error",
    zh="目标文件的字段：必填 year、department、budget_unit、project、objective、indicators，可选 code、notes，不能有其他字段（请检查拼写）",
    en="a goal file has the fields year, department, budget_unit, project, objective, indicators (required) and code, notes (optional), and no other (check the spelling)",
)
EDITOR_YEAR = define(
    "editor_schema.year",
    zh="**预算年度**：四位整数，例如 `2022`。",
    en="**Budget year**: four digits, e.g. `2022`.",
)
EDITOR_YEAR_ERROR = define(
    "editor_schema.year_error",
    zh="预算年度应为 {minimum}–{maximum} 之间的四位整数（不加引号），例如 2022",
    en="the budget year is a whole number from {minimum} to {maximum}, without quotes, e.g. 2022",
)
EDITOR_DEPARTMENT = define(
    "editor_schema.department",
    zh="**主管部门**：全称，与公开的绩效目标表一致，例如“广州市政务服务数据管理局”。",
    en="**Supervising department**: its full name as in the published table, e.g. 广州市政务服务数据管理局.",
)
EDITOR_BUDGET_UNIT = define(
    "editor_schema.budget_unit",
    zh="**预算单位**：使用资金的单位全称，例如“广州市数字政府运营中心”。",
    en="**Budget unit**: the full name of the unit that spends the money, e.g. 广州市数字政府运营中心.",
)
EDITOR_PROJECT = define(
    "editor_schema.project",
    zh="**项目名称**：与公开的绩效目标表一致。",
    en="**Project name**: as in the published table.",
)
EDITOR_OBJECTIVE = define(
    "editor_schema.objective",
    zh="**绩效目标**：项目的年度绩效目标（文字）。长文本可用 `>-` 折叠写法。",
    en="**Performance objective**: the project's objective for the year, as text. Long text can be folded with `>-`.",
)
EDITOR_CODE = define(
    "editor_schema.code",
    zh="**项目编码**（可选）：编码全为数字时请加引号，例如 `'440100220000001'`。",
    en="**Project code** (optional): put an all-digit code in quotes, e.g. `'440100220000001'`.",
)
EDITOR_NOTES = define(
    "editor_schema.notes",
    zh="**备注**（可选）：不参与校验。",
    en="**Notes** (optional): not checked.",
)
EDITOR_TEXT_ERROR = define(
    "editor_schema.text_error",
    zh="{title}应为非空文本；纯数字、true、no 等请加引号，例如 '10'",
    en="{title} must be text, not empty; quote numbers and words such as true or no, e.g. '10'",
)
EDITOR_TRIMMED_TEXT_ERROR = define(
    "editor_schema.trimmed_text_error",
    zh="{title}应为非空文本，首尾不能有空格；纯数字请加引号，例如 '10'",
    en="{title} must be text, not empty, without spaces at the start or end; quote numbers, e.g. '10'",
)
EDITOR_INDICATORS = define(
    "editor_schema.indicators",
    zh="**绩效指标**：按公开表中的顺序排列；每项包括 `seq`（序号）、`category`（一级指标）、`name`（指标名称）、`target`（年度指标值），可选 `subcategory`（二级指标）。",
    en="**Indicators**, in the published order; each has `seq`, `category`, `name`, `target`, and optionally `subcategory`.",
)
EDITOR_INDICATORS_ERROR = define(
    "editor_schema.indicators_error",
    zh="绩效指标应为列表，至少一项，每项以“- seq:”开头",
    en="the indicators are a list of at least one, each starting with `- seq:`",
)
EDITOR_REQUIRED_CATEGORY_ERROR = define(
    "editor_schema.required_category_error",
    zh="至少需要一条{category}（必须具备的一级指标：{required}）",
    en="add at least one {category} indicator (required categories: {required})",
)
EDITOR_INDICATOR = define(
    "editor_schema.indicator",
    zh="**一条绩效指标**：序号、一级指标、二级指标（可选）、指标名称、年度指标值。",
    en="**An indicator**: number, category, subcategory (optional), name, target.",
)
EDITOR_INDICATOR_ERROR = define(
    "editor_schema.indicator_error",
    zh="每条指标必填 seq、category、name、target，可选 subcategory、notes，不能有其他字段（请检查拼写）",
    en="an indicator has seq, category, name, target (required) and subcategory, notes (optional), and no other field (check the spelling)",
)
EDITOR_SEQ = define(
    "editor_schema.seq",
    zh="**序号**：公开表中的序号，按原样填写；是否从 1 开始连续编号由 goals-lint 检查。",
    en="**Number** as published; goals-lint checks that they run 1, 2, 3 …",
)
EDITOR_SEQ_ERROR = define(
    "editor_schema.seq_error",
    zh="序号应为正整数（1、2、3 …），不加引号",
    en="the number is a positive whole number (1, 2, 3, …), without quotes",
)
EDITOR_CATEGORY = define(
    "editor_schema.category",
    zh="**一级指标**：产出指标、效益指标、满意度指标或成本指标。",
    en="**Category**: 产出指标 (output), 效益指标 (benefit), 满意度指标 (satisfaction) or 成本指标 (cost).",
)
EDITOR_CATEGORY_ERROR = define(
    "editor_schema.category_error",
    zh="一级指标只能是：{allowed}",
    en="the category is one of: {allowed}",
)
EDITOR_SUBCATEGORY = define(
    "editor_schema.subcategory",
    zh="**二级指标**（可选）：必须属于所填的一级指标，可选项随一级指标而定。",
    en="**Subcategory** (optional): one of its category's; the choices follow the category.",
)
EDITOR_SUBCATEGORY_ERROR = define(
    "editor_schema.subcategory_error",
    zh="{category}的二级指标只能是：{allowed}",
    en="the subcategories of {category} are: {allowed}",
)
EDITOR_ANY_SUBCATEGORY_ERROR = define(
    "editor_schema.any_subcategory_error",
    zh="二级指标只能是财政部指标体系中的：{allowed}",
    en="a subcategory is one of the Ministry of Finance framework: {allowed}",
)
EDITOR_SUBCATEGORY_TYPE_ERROR = define(
    "editor_schema.subcategory_type_error",
    zh="二级指标应为文本，可选项随一级指标而定；不填时请删除这一行",
    en="the subcategory is text, one of its category's; without one, remove the line",
)
EDITOR_NAME = define(
    "editor_schema.name",
    zh="**指标名称**（三级指标）：按公开表原样填写。",
    en="**Indicator name** as published.",
)
EDITOR_TARGET = define(
    "editor_schema.target",
    zh="**年度指标值**：按公开表原文填写，如 `≥95%`、`不少于3000个`、`完成项目终验`；纯数字请加引号，如 `'10'`。",
    en="**Target** as published, e.g. `≥95%`, `不少于3000个`, `完成项目终验`; quote a bare number, e.g. `'10'`.",
)
# What each category and subcategory means (财政部《项目支出绩效评价管理办法》的指标体系).
CATEGORY_DESCRIPTIONS = {
    "产出指标": define(
        "editor_schema.category.output",
        zh="**产出指标**：项目提供的产品和服务：数量、质量、时效、成本。",
        en="**Output**: the goods and services the project delivers: quantity, quality, timeliness, cost.",
    ),
    "效益指标": define(
        "editor_schema.category.benefit",
        zh="**效益指标**：项目带来的经济、社会、生态效益和可持续影响。",
        en="**Benefit**: the economic, social and ecological benefits and lasting effects.",
    ),
    "满意度指标": define(
        "editor_schema.category.satisfaction",
        zh="**满意度指标**：服务对象对项目的满意程度。",
        en="**Satisfaction** of those the project serves.",
    ),
    "成本指标": define(
        "editor_schema.category.cost",
        zh="**成本指标**：项目的经济、社会和生态环境成本。",
        en="**Cost**: economic, social and environmental costs.",
    ),
}
SUBCATEGORY_DESCRIPTIONS = {
    "数量指标": define("editor_schema.sub.quantity", zh="完成的数量，如“培训 3000 人次”", en="how much is delivered"),
    "质量指标": define(
        "editor_schema.sub.quality", zh="达到的标准，如合格率、可用率", en="to what standard (pass rate, uptime)"
    ),
    "时效指标": define("editor_schema.sub.timeliness", zh="完成的时间，如“12月底前完成”", en="by when"),
    "成本指标": define("editor_schema.sub.output_cost", zh="产出的成本控制", en="what the output costs"),
    "经济效益指标": define("editor_schema.sub.economic", zh="带来的经济效益", en="economic benefit"),
    "社会效益指标": define("editor_schema.sub.social", zh="带来的社会效益", en="social benefit"),
    "生态效益指标": define("editor_schema.sub.ecological", zh="带来的生态效益", en="ecological benefit"),
    "可持续影响指标": define("editor_schema.sub.lasting", zh="长期、可持续的影响", en="lasting effects"),
    "服务对象满意度指标": define("editor_schema.sub.served", zh="服务对象的满意度", en="satisfaction of those served"),
    "经济成本指标": define("editor_schema.sub.economic_cost", zh="经济成本", en="economic cost"),
    "社会成本指标": define("editor_schema.sub.social_cost", zh="社会成本", en="social cost"),
    "生态环境成本指标": define("editor_schema.sub.environmental_cost", zh="生态环境成本", en="environmental cost"),
}

_FIELD_TEXTS = {
    "year": EDITOR_YEAR,
    "department": EDITOR_DEPARTMENT,
    "budget_unit": EDITOR_BUDGET_UNIT,
    "project": EDITOR_PROJECT,
    "objective": EDITOR_OBJECTIVE,
    "code": EDITOR_CODE,
    "notes": EDITOR_NOTES,
    "indicators": EDITOR_INDICATORS,
    "seq": EDITOR_SEQ,
    "category": EDITOR_CATEGORY,
    "subcategory": EDITOR_SUBCATEGORY,
    "name": EDITOR_NAME,
    "target": EDITOR_TARGET,
}
# The texts text-hygiene checks for spaces at the start or end.
_TRIMMED_FIELDS = ("project", "name", "target")


def editor_schema(
    lang: str, *, required_categories: tuple[str, ...], trimmed_text: bool, schema_id: str
) -> dict[str, Any]:
    """The editor schema in ``lang``: ``required_categories`` each need an indicator (empty:
    none required), ``trimmed_text`` forbids spaces at the start or end of the texts
    text-hygiene checks."""
    base = copy.deepcopy(goal_schema())
    words = _Words(lang)
    indicator = base.pop("$defs")["indicator"]
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": schema_id,
        "$comment": words(EDITOR_COMMENT),
        "x-generated-by": GENERATED_BY,
        **words.described(base, EDITOR_FILE, EDITOR_FILE_ERROR),
        "type": "object",
        "additionalProperties": False,
        "required": base["required"],
        "properties": {},
        "definitions": {"indicator": _indicator(indicator, words, trimmed_text)},
    }
    for name, field in base["properties"].items():
        schema["properties"][name] = _field(name, field, words, trimmed_text)
    indicators = schema["properties"]["indicators"]
    indicators["items"] = {"$ref": "#/definitions/indicator"}
    if required_categories:
        required = "、".join(required_categories) if lang == "zh" else ", ".join(required_categories)
        indicators["allOf"] = [
            {
                "contains": {
                    "type": "object",
                    "required": ["category"],
                    "properties": {"category": {"const": category}},
                },
                "errorMessage": words(EDITOR_REQUIRED_CATEGORY_ERROR, category=category, required=required),
            }
            for category in required_categories
        ]
    return schema


def editor_schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def editor_schema_for(config: Config, lang: str) -> dict[str, Any]:
    """The editor schema that follows ``config``: its required categories, whether
    text-hygiene runs, and its ``schema`` URL as the ``$id``."""
    from validator.linter import Selection
    from validator.registry import find_rule

    selection = Selection.build(config)
    required_rule = find_rule("required-categories")
    hygiene_rule = find_rule("text-hygiene")
    assert required_rule is not None and hygiene_rule is not None
    required: tuple[str, ...] = ()
    if required_rule.code in selection.enabled:
        required = tuple(config.options_for(required_rule)["required"])
    return editor_schema(
        lang,
        required_categories=required,
        trimmed_text=hygiene_rule.code in selection.enabled,
        schema_id=config.schema if config.schema is not None and is_url(config.schema) else DEFAULT_ID,
    )


def is_url(location: str) -> bool:
    """``https://…`` (or any ``scheme://…``), as against a path."""
    scheme, separator, _ = location.partition("://")
    return bool(separator) and scheme.isascii() and scheme.isalpha() and len(scheme) > 1


class _Words:
    """Messages in one language, and the title, descriptions and error message of a field."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, message_id: str, **params: Any) -> str:
        return render(message_id, params, self.lang)

    def title(self, field: dict[str, Any]) -> str:
        title: str = field["title"] if self.lang == "zh" else field.get("x-title-en", field["title"])
        return title

    def described(
        self, field: dict[str, Any], text_id: str, error_id: str | None = None, **params: Any
    ) -> dict[str, Any]:
        text = self(text_id)
        described = {
            "title": self.title(field),
            "description": text.replace("**", "").replace("`", ""),
            "markdownDescription": text,
        }
        if error_id is not None:
            described["errorMessage"] = self(error_id, **params)
        return described


def _field(name: str, field: dict[str, Any], words: _Words, trimmed_text: bool) -> dict[str, Any]:
    """A field of the editor schema: the validation schema's constraints, in people's words."""
    constraints = {key: value for key, value in field.items() if key not in ("title", "x-title-en", "description")}
    text_id = _FIELD_TEXTS[name]
    if name == "year":
        return {
            **words.described(field, text_id, EDITOR_YEAR_ERROR, minimum=field["minimum"], maximum=field["maximum"]),
            **constraints,
        }
    if name == "seq":
        return {**words.described(field, text_id, EDITOR_SEQ_ERROR), **constraints}
    if name == "indicators":
        return {**words.described(field, text_id, EDITOR_INDICATORS_ERROR), **constraints}
    if name == "category":
        allowed = field["enum"]
        return {
            **words.described(field, text_id, EDITOR_CATEGORY_ERROR, allowed=_listed(allowed, words.lang)),
            "enum": allowed,
            "markdownEnumDescriptions": [words(CATEGORY_DESCRIPTIONS[category]) for category in allowed],
        }
    if name == "subcategory":
        # The choices come from the indicator's category (see _indicator); here only the type.
        return {**words.described(field, text_id, EDITOR_SUBCATEGORY_TYPE_ERROR), "type": "string"}
    if constraints.get("type") == "string":
        if trimmed_text and name in _TRIMMED_FIELDS:
            constraints["pattern"] = _TRIMMED
            return {
                **words.described(field, text_id, EDITOR_TRIMMED_TEXT_ERROR, title=words.title(field)),
                **constraints,
            }
        return {**words.described(field, text_id, EDITOR_TEXT_ERROR, title=words.title(field)), **constraints}
    raise ValueError(f"no editor text for the field {name!r}")  # a field added to the schema needs one


def _indicator(indicator: dict[str, Any], words: _Words, trimmed_text: bool) -> dict[str, Any]:
    properties = {name: _field(name, field, words, trimmed_text) for name, field in indicator["properties"].items()}
    categories: list[str] = indicator["properties"]["category"]["enum"]
    every_subcategory: list[str] = indicator["properties"]["subcategory"]["enum"]
    branches: list[dict[str, Any]] = []
    for branch in indicator["allOf"]:  # the validation schema's subcategories by category
        category = branch["if"]["properties"]["category"]["const"]
        allowed = branch["then"]["properties"]["subcategory"]["enum"]
        branches.append(
            {
                # `required: [category]` alone: completion works while `subcategory:` is still empty.
                "if": {"required": ["category"], "properties": {"category": {"const": category}}},
                "then": {
                    "properties": {"subcategory": _choices(allowed, words, EDITOR_SUBCATEGORY_ERROR, category=category)}
                },
            }
        )
    # No category, or not one of the four: any of the twelve.
    branches.append(
        {
            "if": {"required": ["category"], "properties": {"category": {"enum": categories}}},
            "else": {"properties": {"subcategory": _choices(every_subcategory, words, EDITOR_ANY_SUBCATEGORY_ERROR)}},
        }
    )
    return {
        **words.described(indicator, EDITOR_INDICATOR, EDITOR_INDICATOR_ERROR),
        "type": "object",
        "additionalProperties": False,
        "required": indicator["required"],
        "properties": properties,
        "allOf": branches,
    }


def _choices(allowed: list[str], words: _Words, error_id: str, **params: Any) -> dict[str, Any]:
    return {
        "enum": allowed,
        "markdownEnumDescriptions": [
            f"**{name}**：{words(SUBCATEGORY_DESCRIPTIONS[name])}"
            if words.lang == "zh"
            else f"**{name}**: {words(SUBCATEGORY_DESCRIPTIONS[name])}"
            for name in allowed
        ],
        "errorMessage": words(error_id, allowed=_listed(allowed, words.lang), **params),
    }


def _listed(names: list[str], lang: str) -> str:
    return "、".join(names) if lang == "zh" else ", ".join(names)
