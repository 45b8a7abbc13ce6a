"""Schema diagnostics: exact places, readable messages, both languages."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from support import VALID_GOAL, run, run_json, write

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "validator" / "schemas" / "goal.schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid_2020_12_and_documents_every_field_in_chinese():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    field_schemas = [*SCHEMA["properties"].items(), *SCHEMA["$defs"]["indicator"]["properties"].items()]
    assert len(field_schemas) == 14
    for name, field_schema in field_schemas:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in field_schema["title"]), name
        assert any("\u4e00" <= ch <= "\u9fff" for ch in field_schema["description"]), name


def test_valid_file_is_clean(tmp_path):
    write(tmp_path, "good.yaml", VALID_GOAL)
    result = run_json(str(tmp_path))
    assert result.code == 0
    assert result.report["diagnostics"] == []
    assert result.report["files_checked"] == 1


def test_unknown_key_is_reported_at_the_key_with_a_suggestion(tmp_path):
    write(tmp_path, "typo.yaml", VALID_GOAL.replace("    category: 效益指标", "    categroy: 效益指标"))
    result = run_json(str(tmp_path))
    assert result.code == 1
    # One mistake, one diagnostic: not also "missing category".
    assert result.locations() == [("typo.yaml", 8, 5, "GL002")]
    diagnostic = result.diagnostics[0]
    assert diagnostic["pointer"] == "/indicators/0/categroy"
    assert diagnostic["rule"] == "schema"
    assert diagnostic["severity"] == "error"
    assert diagnostic["message"] == "unknown field `categroy`; did you mean `category` (first-level category)?"
    assert (diagnostic["end_line"], diagnostic["end_column"]) == (8, 13)


def test_unknown_key_named_like_the_chinese_column_suggests_the_field(tmp_path):
    write(tmp_path, "cn.yaml", VALID_GOAL.replace("project: ", "项目名称: "))
    result = run_json(str(tmp_path), lang="zh")
    assert result.locations() == [("cn.yaml", 4, 1, "GL002")]
    assert result.diagnostics[0]["message"] == "未知字段 `项目名称`，是否应为 `project`（项目名称）？"


def test_unknown_key_far_from_any_field_has_no_suggestion(tmp_path):
    write(tmp_path, "x.yaml", VALID_GOAL + "remarks_by_reviewer: x\n")
    result = run_json(str(tmp_path))
    assert result.locations() == [("x.yaml", 16, 1, "GL002")]
    assert result.diagnostics[0]["message"] == "unknown field `remarks_by_reviewer`"


def test_missing_key_is_reported_at_its_parent_mapping(tmp_path):
    text = VALID_GOAL.replace("    target: 200项\n", "")
    write(tmp_path, "missing.yaml", text)
    result = run_json(str(tmp_path))
    assert result.locations() == [("missing.yaml", 11, 5, "GL002")]
    assert result.diagnostics[0]["pointer"] == "/indicators/1"
    assert result.diagnostics[0]["message"] == "missing required field `target` (annual target)"


def test_missing_top_level_key_is_reported_at_the_top(tmp_path):
    write(tmp_path, "top.yaml", VALID_GOAL.replace("year: 2022\n", ""))
    result = run_json(str(tmp_path), lang="zh")
    assert result.locations() == [("top.yaml", 1, 1, "GL002")]
    assert result.diagnostics[0]["message"] == "缺少必填字段 `year`（预算年度）"


def test_category_outside_the_enum_suggests_the_closest(tmp_path):
    write(tmp_path, "cat.yaml", VALID_GOAL.replace("category: 效益指标", "category: 效益"))
    result = run_json(str(tmp_path))
    assert result.locations() == [("cat.yaml", 8, 15, "GL002")]
    assert result.diagnostics[0]["message"] == (
        "`效益` is not a valid first-level category (`category`); did you mean `效益指标`? "
        "Use one of: 产出指标、效益指标、满意度指标、成本指标"
    )


def test_subcategory_of_another_category_is_refused(tmp_path):
    write(tmp_path, "sub.yaml", VALID_GOAL.replace("subcategory: 数量指标", "subcategory: 社会效益指标"))
    result = run_json(str(tmp_path), lang="zh")
    assert result.locations() == [("sub.yaml", 13, 18, "GL002")]
    assert result.diagnostics[0]["message"] == (
        "二级指标 `社会效益指标` 不属于一级指标 `产出指标`；"
        "产出指标的二级指标为：数量指标、质量指标、时效指标、成本指标"
    )


def test_unknown_subcategory_is_refused(tmp_path):
    write(tmp_path, "sub.yaml", VALID_GOAL.replace("subcategory: 数量指标", "subcategory: 数量"))
    result = run_json(str(tmp_path))
    assert result.locations() == [("sub.yaml", 13, 18, "GL002")]
    assert "did you mean `数量指标`" in result.diagnostics[0]["message"]


@pytest.mark.parametrize(
    ("seq", "message"),
    [
        ("0", "the sequence number `seq` must be a positive integer (1, 2, 3, …), found 0"),
        ("-3", "the sequence number `seq` must be a positive integer (1, 2, 3, …), found -3"),
        ("'1'", "`seq` (sequence number) must be an integer, found the quoted text '1'; remove the quotes"),
        ("一", "`seq` (sequence number) must be an integer, found text: 一"),
    ],
)
def test_seq_must_be_a_positive_integer(tmp_path, seq, message):
    write(tmp_path, "seq.yaml", VALID_GOAL.replace("  - seq: 2", f"  - seq: {seq}"))
    result = run_json(str(tmp_path))
    assert result.locations() == [("seq.yaml", 11, 10, "GL002")]
    assert result.diagnostics[0]["message"] == message


def test_text_read_as_a_number_asks_for_quotes_and_quotes_it_as_written(tmp_path):
    write(tmp_path, "num.yaml", VALID_GOAL.replace("target: 200项", "target: 010"))
    result = run_json(str(tmp_path), lang="zh")
    assert result.locations() == [("num.yaml", 15, 13, "GL002")]
    assert result.diagnostics[0]["message"] == ("`target`（年度指标值）应为文本，但 010 会被读成整数；请加引号：'010'")


def test_blank_text_and_empty_indicator_list(tmp_path):
    text = VALID_GOAL.split("indicators:")[0].replace(
        "objective: 打造我市统一的政务服务移动端品牌。", "objective: '  '"
    )
    write(tmp_path, "blank.yaml", text + "indicators: []\n")
    result = run_json(str(tmp_path))
    assert result.locations() == [("blank.yaml", 5, 12, "GL002"), ("blank.yaml", 6, 13, "GL002")]
    assert [d["message"] for d in result.diagnostics] == [
        "`objective` (performance objective) must not be empty",
        "`indicators` (indicators) must not be an empty list; add at least one",
    ]


def test_wrong_container_type(tmp_path):
    text = VALID_GOAL.split("indicators:")[0] + "indicators:\n  seq: 1\n"
    write(tmp_path, "shape.yaml", text)
    result = run_json(str(tmp_path))
    assert result.locations() == [("shape.yaml", 7, 3, "GL002")]
    assert result.diagnostics[0]["message"].startswith(
        "`indicators` (indicators) must be a list, found a mapping (key: value)"
    )


def test_year_out_of_range(tmp_path):
    write(tmp_path, "year.yaml", VALID_GOAL.replace("year: 2022", "year: 22"))
    result = run_json(str(tmp_path))
    assert result.locations() == [("year.yaml", 1, 7, "GL002")]
    assert result.diagnostics[0]["message"] == "`year` (budget year) must be at least 2000, found 22"


def test_several_schema_problems_are_all_reported_sorted(tmp_path):
    text = (
        VALID_GOAL.replace("year: 2022", "year: '2022'")
        .replace("category: 效益指标", "category: 效益")
        .replace("name: 外部服务对接和建设数量", "name: 外部服务对接和建设数量\n    unit: 项")
    )
    write(tmp_path, "many.yaml", text)
    result = run_json(str(tmp_path))
    assert result.locations() == [
        ("many.yaml", 1, 7, "GL002"),
        ("many.yaml", 8, 15, "GL002"),
        ("many.yaml", 15, 5, "GL002"),
    ]


def test_no_message_leaks_python_reprs_or_raw_jsonschema_text(tmp_path):
    text = (
        VALID_GOAL.replace("year: 2022", "year: [2022]")
        .replace("category: 效益指标", "category: {a: 1}")
        .replace("target: 200项", "target: null")
    )
    write(tmp_path, "ugly.yaml", text)
    for lang in ("en", "zh"):
        messages = [d["message"] for d in run_json(str(tmp_path), lang=lang).diagnostics]
        assert len(messages) == 3
        for message in messages:
            assert "is not valid under any of the given schemas" not in message
            assert "is not of type" not in message
            assert "{'" not in message and "None" not in message and "deque" not in message
    assert messages == [
        "`year`（预算年度）应为整数，实际是列表：[2022]",
        '`category`（一级指标）的值 `{"a": 1}` 无效；可选值：产出指标、效益指标、满意度指标、成本指标',
        "`target`（年度指标值）应为文本，但 null 会被读成空值；请加引号：'null'",
    ]


def test_empty_value_is_reported_as_empty(tmp_path):
    write(tmp_path, "empty.yaml", VALID_GOAL.replace("target: 200项", "target:"))
    result = run_json(str(tmp_path))
    assert result.locations() == [("empty.yaml", 15, 12, "GL002")]
    assert result.diagnostics[0]["message"] == "`target` (annual target) must not be empty"


def test_done_when_scenario_text_and_json(tmp_path):
    """The issue's acceptance: valid, typo'd key, GBK, duplicate keys, and a name `no`."""
    write(tmp_path, "a-valid.yaml", VALID_GOAL)
    write(
        tmp_path,
        "b-typo.yaml",
        VALID_GOAL.replace("  - seq: 2\n", "  - seq: 2\n").replace("    name: 外部", "    nmae: 外部"),
    )
    write(tmp_path, "c-gbk.yaml", VALID_GOAL.encode("gbk"))
    write(
        tmp_path, "d-dup.yaml", VALID_GOAL.replace("    target: 1200万\n", "    target: 1200万\n    target: 1300万\n")
    )
    write(tmp_path, "e-no.yaml", VALID_GOAL.replace("name: 移动服务平台年提供服务次数", "name: no"))

    # Issue 2's scenario is about reading and the schema: the compliance rules stay out.
    text = run(str(tmp_path), "--lang", "zh", "--select", "GL0")
    assert text.code == 1
    lines = text.out.splitlines()
    base = str(tmp_path).replace("\\", "/")
    assert lines == [
        f"{base}/b-typo.yaml:14:5: GL002 未知字段 `nmae`，是否应为 `name`（指标名称）？ [schema]",
        f"{base}/c-gbk.yaml:2:13: GL001 [*] 文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）；"
        "请转换为 UTF-8，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件，或在编辑器中“另存为 UTF-8” [yaml-syntax]",
        f"{base}/d-dup.yaml:11:5: GL001 重复的键 `target`：第 10 行已有同名键；YAML 只会保留其中一个，请合并或删除 [yaml-syntax]",
        "已检查 5 个文件：3 个错误，0 个警告，0 个提示（涉及 3 个文件）。"
        "其中 1 个问题可用 --fix 自动修复（标有 [*]），另有 1 个可加 --unsafe-fixes 修复。",
    ]

    as_json = run_json(str(tmp_path), "--select", "GL0", lang="en")
    assert as_json.code == 1
    report = as_json.report
    assert report["version"] == 2
    assert report["tool"]["name"] == "goals-lint"
    assert report["files_checked"] == 5
    assert report["summary"] == {
        "errors": 3,
        "warnings": 0,
        "infos": 0,
        "files_with_problems": 3,
        "fixable": 1,
        "unsafe_fixable": 1,
    }
    assert as_json.locations() == [
        ("b-typo.yaml", 14, 5, "GL002"),
        ("c-gbk.yaml", 2, 13, "GL001"),
        ("d-dup.yaml", 11, 5, "GL001"),
    ]
    duplicate = report["diagnostics"][2]
    assert duplicate["related"] == [{"line": 10, "column": 5}]
    assert duplicate["message"].startswith("duplicate key `target`: it is already defined at line 10")
    assert set(duplicate) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "pointer",
        "code",
        "rule",
        "severity",
        "message",
        "message_id",
        "related",
        "fix",
    }
    assert duplicate["fix"] is None


def test_per_category_subcategories_are_the_ones_the_contract_lists():
    indicator = SCHEMA["$defs"]["indicator"]
    by_category = {
        branch["if"]["properties"]["category"]["const"]: branch["then"]["properties"]["subcategory"]["enum"]
        for branch in indicator["allOf"]
    }
    assert by_category == {
        "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
        "效益指标": ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
        "满意度指标": ["服务对象满意度指标"],
        "成本指标": ["经济成本指标", "社会成本指标", "生态环境成本指标"],
    }
    assert indicator["properties"]["category"]["enum"] == list(by_category)
    every = [name for names in by_category.values() for name in names]
    assert sorted(indicator["properties"]["subcategory"]["enum"]) == sorted(set(every))


def test_an_indicator_that_is_not_a_mapping_is_named_by_its_position(tmp_path):
    text = VALID_GOAL.split("indicators:")[0] + "indicators:\n  - 产出指标\n"
    write(tmp_path, "item.yaml", text)
    for lang, message in (
        ("zh", "`indicators` 的第 1 项（绩效指标）应为映射（键: 值），实际是文本：产出指标"),
        ("en", "item 1 of `indicators` (indicator) must be a mapping (key: value), found text: 产出指标"),
    ):
        result = run_json(str(tmp_path), lang=lang)
        assert result.locations() == [("item.yaml", 7, 5, "GL002")]
        assert result.diagnostics[0]["message"] == message


def test_each_missing_field_is_reported_once(tmp_path):
    """jsonschema raises one `required` error per missing field, each naming all of them."""
    write(tmp_path, "goals/bad.yaml", "year: 2023\nproject: x\n")
    result = run_json(str(tmp_path / "goals"), "--select", "schema")
    assert [d["message"] for d in result.diagnostics] == [
        "missing required field `department` (supervising department)",
        "missing required field `budget_unit` (budget unit)",
        "missing required field `objective` (performance objective)",
        "missing required field `indicators` (indicators)",
    ]
    assert result.report["summary"]["errors"] == 4
