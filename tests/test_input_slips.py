"""Slips of a Chinese input method, all found in one run, each at its own line and column,
with the cause and the replacement — as data a fixer can apply, and as the user reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import VALID_GOAL, run, run_json, write

from validator.loader import corrected_text, read_goal_file
from validator.loader.input_slips import find_input_slips

REPO = Path(__file__).resolve().parent.parent

# The file: a full-width colon on line 4, tabs on lines 8 and 12, `target:≥99%` last.
NINE_SLIPS_AWAY = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project：2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
\tcategory: 产出指标
    name: 自助终端新增服务事项
    target: 大于等于15个
  - seq: 2
\tcategory: 效益指标
    name: 系统可用率
    target:≥99%
"""
INTENDED = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 2022年“一网通办”信息化建设
objective: 推进政务服务“一网通办”。
indicators:
  - seq: 1
    category: 产出指标
    name: 自助终端新增服务事项
    target: 大于等于15个
  - seq: 2
    category: 效益指标
    name: 系统可用率
    target: ≥99%
"""


@pytest.mark.parametrize("final_newline", [True, False], ids=["with-final-newline", "without"])
def test_four_slips_four_diagnostics_in_one_run(tmp_path, final_newline):
    text = NINE_SLIPS_AWAY if final_newline else NINE_SLIPS_AWAY.rstrip("\n")
    path = str(write(tmp_path, "goal.yaml", text))
    result = run(path, "--lang", "zh")
    assert result.code == 1
    assert result.out.splitlines() == [
        f"{path}:4:8: GL001 `project` 后面是全角冒号“：”（中文输入法）；YAML 的字段名和值之间要用半角冒号加空格，"
        "请改为 `project: 2022年“一网通办”信息化建设` [yaml-syntax]",
        f"{path}:8:1: GL001 这一行用制表符（Tab）缩进；YAML 只能用空格缩进，请改为 4 个空格，与同一层的其他行对齐 [yaml-syntax]",
        f"{path}:12:1: GL001 这一行用制表符（Tab）缩进；YAML 只能用空格缩进，请改为 4 个空格，与同一层的其他行对齐 [yaml-syntax]",
        f"{path}:14:11: GL001 `target:` 后面缺少空格：YAML 只把“冒号加空格”当作字段名和值的分隔，否则整行会被读成一段文字；"
        "请改为 `target: ≥99%` [yaml-syntax]",
        "已检查 1 个文件：4 个错误，0 个警告，0 个提示（涉及 1 个文件）。其中 1 个问题可加 --fix --unsafe-fixes 修复。"
        "1 个文件因格式或字段错误未做合规检查，修正后请再运行。",
    ]


def test_the_slips_are_data_a_fixer_applies(tmp_path):
    goal_file = read_goal_file(str(write(tmp_path, "goal.yaml", NINE_SLIPS_AWAY)))
    assert [(slip.kind, tuple(slip.span), slip.replacement) for slip in goal_file.slips] == [
        ("fullwidth-colon", (4, 8, 4, 9), ": "),
        ("tab-indentation", (8, 1, 8, 2), "    "),
        ("tab-indentation", (12, 1, 12, 2), "    "),
        ("no-space-after-colon", (14, 11, 14, 12), ": "),
    ]
    assert corrected_text(NINE_SLIPS_AWAY, goal_file.slips) == INTENDED
    fixed = write(tmp_path, "fixed.yaml", INTENDED)
    assert read_goal_file(str(fixed)).slips == []


def test_a_user_in_a_terminal_sees_each_slip_at_its_own_line(tmp_path):
    write(tmp_path, "goals/goal.yaml", NINE_SLIPS_AWAY)
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="zh_CN.UTF-8", PYTHONIOENCODING="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "validator", "goals"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert completed.returncode == 1
    assert [line.split(": GL001")[0] for line in completed.stdout.splitlines()[:-1]] == [
        "goals/goal.yaml:4:8",
        "goals/goal.yaml:8:1",
        "goals/goal.yaml:12:1",
        "goals/goal.yaml:14:11",
    ]


def test_every_tab_indented_line_is_reported_not_only_the_first():
    text = VALID_GOAL.replace("\n    ", "\n\t")
    slips = find_input_slips(text)
    tab_lines = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith("\t")]
    assert len(tab_lines) == 7
    assert [slip.span.line for slip in slips] == tab_lines
    assert {slip.replacement for slip in slips} == {"    "}
    assert yaml.safe_load(corrected_text(text, slips)) == yaml.safe_load(VALID_GOAL)


# Each slip: (written, kind, column, replacement, message in English). The line stands in
# VALID_GOAL in place of the line it names; the corrected file reads as VALID_GOAL does.
SLIPS = [
    ("    category：效益指标", "fullwidth-colon", 13, ": ", "`category` is followed by a full-width colon “：”"),
    ("    category： 效益指标", "fullwidth-colon", 13, ":", "write `category: 效益指标`"),
    ("    category：　效益指标", "fullwidth-colon", 13, ": ", "write `category: 效益指标`"),
    ("    category ：效益指标", "fullwidth-colon", 14, ": ", "full-width colon"),
    ("    category，效益指标", "fullwidth-comma", 13, ": ", "`category` is followed by a full-width comma “，”"),
    ("    category:效益指标", "no-space-after-colon", 13, ": ", "a space is missing after `category:`"),
    ("    category:　效益指标", "fullwidth-space", 14, " ", "“:” is followed by a full-width space"),
    ("  -seq: 1", "no-space-after-dash", 3, "- ", "`-seq` is read as a field named “-seq”"),
    ("  －seq: 1", "fullwidth-dash", 3, "- ", "this is a full-width dash “－”"),
    ("  － seq: 1", "fullwidth-dash", 3, "-", "full-width dash"),
    ("  -　seq: 1", "fullwidth-space", 4, " ", "“-” is followed by a full-width space"),
    ("  -\tseq: 1", "tab-after-dash", 4, " ", "the list item's dash is followed by a tab"),
    ("  - \tseq: 1", "tab-after-dash", 4, " ", "type one instead"),
    ("\tcategory: 效益指标", "tab-indentation", 1, "    ", "use 4 spaces"),
    ("  \tcategory: 效益指标", "tab-indentation", 1, "    ", "indented with a tab"),
    ("　　category: 效益指标", "fullwidth-space-indentation", 1, "    ", "use 4, lined up"),
    ("\t- seq: 1", "tab-indentation", 1, "  ", "use 2 spaces"),
]


@pytest.mark.parametrize(("written", "kind", "column", "replacement", "message"), SLIPS, ids=[s[0] for s in SLIPS])
def test_each_slip_its_place_its_fix_and_a_file_that_then_reads_as_meant(
    tmp_path, written, kind, column, replacement, message
):
    lines = VALID_GOAL.splitlines()
    key = written.strip(" \t\u3000-－").split("：")[0].split("，")[0].split(":")[0].split(" ")[0]
    number = next(index for index, line in enumerate(lines) if line.strip(" -").startswith(key + ":"))
    lines[number] = written
    text = "\n".join(lines) + "\n"
    slips = find_input_slips(text)
    assert [(slip.kind, slip.span.line, slip.span.column, slip.replacement) for slip in slips] == [
        (kind, number + 1, column, replacement)
    ]
    assert yaml.safe_load(corrected_text(text, slips)) == yaml.safe_load(VALID_GOAL)
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    assert [(d["line"], d["column"], d["rule"]) for d in result.diagnostics] == [(number + 1, column, "yaml-syntax")]
    assert message in result.diagnostics[0]["message"]


@pytest.mark.parametrize(
    ("target", "column", "replacement", "message_id"),
    [
        (">=99%", 13, "≥99%", "slip.greater_equal"),
        (">= 99%", 13, "≥99%", "slip.greater_equal"),
        (">99%", 13, "'>99%'", "slip.block_indicator"),
        ("> 5个", 13, "'> 5个'", "slip.block_indicator"),
        ("|5个|", 13, "'|5个|'", "slip.block_indicator"),
        ("“备注: 甲”", 13, "'备注: 甲'", "slip.curly_quotes"),  # YAML cannot read it either
    ],
)
def test_a_value_meant_as_text_gets_the_fix_that_keeps_it_text(tmp_path, target, column, replacement, message_id):
    text = VALID_GOAL.replace("target: 1200万", f"target: {target}  # 注释")
    slips = find_input_slips(text)
    assert [(slip.span.line, slip.span.column, slip.replacement) for slip in slips] == [(10, column, replacement)]
    fixed = yaml.safe_load(corrected_text(text, slips))
    assert fixed["indicators"][0]["target"] == replacement.strip("'")
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == [(10, column, message_id)]


def test_greater_equal_advice_names_both_fixes():
    result_text = VALID_GOAL.replace("target: 1200万", "target: >=99%")
    slips = find_input_slips(result_text)
    from validator.messages import render

    assert render(slips[0].message_id, slips[0].params, "zh") == (
        "值以 `>` 开头：YAML 会把 `>` 当作多行文本的标记，`>=99%` 因此无法读取；请写成 `≥99%`，或加引号：'>=99%'"
    )


# What is not a slip: text that happens to hold the same characters.
NOT_SLIPS = [
    "objective: |\n  \t缩进后的正文，含制表符\n  　　段首两个全角空格：正文\n",
    "objective: >-\n  第一行：说明\n\n  　　第二段，继续\n",
    "project: 2022年“一网通办”信息化建设\n",
    "project: “一网通办”\n",
    "project: “甲”和“乙”\n",
    "target: 一般性操作：5秒，一般性统计：20秒\n",
    "target: <=99%\n",
    "target: '>=99%'\n",
    'target: ">99%"\n',
    "notes: http://example.org/a:b\n",
    "notes: 时间 12:30\n",
    "# 注释：全角冒号，全角逗号\n",
    "  # 缩进的注释\ttab\n",
    "objective: 第一行\n  续行：仍是文字，不是字段\n",
    "objective: '多行\n\t单引号文字'\n",
    'objective: "多行\n\t双引号文字"\n',
    "seq_note: ２号\n",
]


@pytest.mark.parametrize("fragment", NOT_SLIPS)
def test_text_that_only_looks_like_a_slip_is_left_alone(fragment):
    text = VALID_GOAL.replace("objective: 打造我市统一的政务服务移动端品牌。\n", fragment)
    assert find_input_slips(text) == []


def test_no_goal_file_of_the_published_table_has_a_slip():
    files = sorted((REPO / "goals").rglob("*.yaml"))
    assert len(files) == 20
    for path in files:
        assert read_goal_file(str(path)).slips == [], path.name


def test_a_slip_and_a_mistake_of_another_kind_are_both_reported(tmp_path):
    """libyaml reads the corrected text: its own error, on a line without a slip, is reported too."""
    text = VALID_GOAL.replace("    category: 效益指标", "\tcategory: 效益指标").replace(
        "    name: 外部服务对接和建设数量", "    name: '外部服务对接和建设数量"
    )
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == [
        (8, 1, "slip.tab_indentation"),
        (14, 11, "yaml.unclosed_quote"),
    ]


def test_a_duplicate_key_beside_a_slip_is_reported_too(tmp_path):
    text = VALID_GOAL.replace("year: 2022\n", "year：2022\nyear: 2023\n")
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == [
        (1, 5, "slip.fullwidth_colon"),
        (2, 1, "yaml.duplicate_key"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "year: 2022\ncategory 产出指标\n",
        "year: 2022\ncategory 产出指标",
        "year: 2022\nname: 'abc\n",
        "year: 2022\nname: [a, b\n\n\n",
        'year: 2022\nname: "abc',
        "year: 2022\n  bad: 1\n",
        "year: 2022\n项目名称：甲\n",
    ],
)
def test_libyaml_errors_point_into_the_file_at_the_line_of_the_mistake(tmp_path, text):
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    lines = text.split("\n")
    for diagnostic in result.diagnostics:
        assert diagnostic["line"] == 2, diagnostic
        assert 1 <= diagnostic["column"] <= len(lines[diagnostic["line"] - 1]), diagnostic


# Slips YAML still reads, as text: alone, the schema and text-hygiene report and fix them.
READABLE = [
    ("  - seq: 1", "  - seq: １", [(7, 10, "schema.full_width_digits")]),
    ("year: 2022", "year: ２０２２", [(1, 7, "schema.full_width_digits")]),
    ("  - seq: 1", "  - seq: '１'", [(7, 10, "schema.full_width_digits")]),
    ("    target: 200项", "    target: “200项”", [(15, 13, "rule.text_hygiene.quoted")]),
]


@pytest.mark.parametrize(("line", "written", "expected"), READABLE, ids=[r[1] for r in READABLE])
def test_digits_and_quotes_yaml_still_reads_are_left_to_the_schema_and_text_hygiene(tmp_path, line, written, expected):
    text = VALID_GOAL.replace(line, written, 1)
    goal_file = read_goal_file(str(write(tmp_path, "goal.yaml", text)))
    assert goal_file.slips == [] and goal_file.readable
    result = run_json(str(tmp_path / "goal.yaml"))
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == expected
    assert all(d["fix"] is not None for d in result.diagnostics)


def test_beside_a_slip_that_stops_the_file_they_are_reported_with_it_in_one_run(tmp_path):
    text = VALID_GOAL.replace("year: 2022", "year: ２０２２").replace("  - seq: 2", "  - seq: “2”")
    text = text.replace("    name: 外部服务对接和建设数量", "\tname: 外部服务对接和建设数量")
    result = run_json(str(write(tmp_path, "goal.yaml", text)))
    assert [(d["line"], d["column"], d["message_id"]) for d in result.diagnostics] == [
        (1, 7, "slip.fullwidth_digits"),
        (11, 10, "slip.curly_quotes"),
        (14, 1, "slip.tab_indentation"),
    ]
    slips = read_goal_file(str(tmp_path / "goal.yaml")).slips
    assert yaml.safe_load(corrected_text(text, slips)) == yaml.safe_load(VALID_GOAL)


def test_quoted_fullwidth_digits_get_the_whole_fix_from_the_schema(tmp_path):
    """`seq: '１'` reads as text (the quotes are YAML's): the schema says what to write, and fixes it."""
    text = VALID_GOAL.replace("  - seq: 1", "  - seq: '１'")
    result = run(str(write(tmp_path, "goal.yaml", text)), "--lang", "zh")
    assert result.out.splitlines()[0].endswith(
        ":7:10: GL002 [*] `seq`（序号）应为整数，１ 是全角数字，会被读成文本；请改为半角数字 1 [schema]"
    )
