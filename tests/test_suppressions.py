"""Inline suppressions: `# goals-lint: disable=RULE -- reason` in goal files."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import VALID_GOAL, run, run_json, write

from validator.suppressions import find_comments

TYPO_LINE = "    categroy: 效益指标"
TYPO = VALID_GOAL.replace("    category: 效益指标", TYPO_LINE)


def lint(tmp_path, text: str, *args: str):
    write(tmp_path, "goals/a.yaml", text)
    return run_json(str(tmp_path / "goals"), *args)


def test_a_comment_at_the_end_of_the_line_hides_the_problem(tmp_path):
    result = lint(tmp_path, TYPO.replace(TYPO_LINE, TYPO_LINE + "  # goals-lint: disable=schema -- 原表字段名如此"))
    assert (result.code, result.diagnostics, result.report["suppressed"]) == (0, [], 1)


def test_a_comment_alone_on_the_line_above_hides_the_next_line_by_code(tmp_path):
    text = TYPO.replace(TYPO_LINE, "    # goals-lint: disable=GL002 -- 原表字段名如此\n" + TYPO_LINE)
    assert lint(tmp_path, text).diagnostics == []


def test_the_suppression_covers_only_its_line(tmp_path):
    text = TYPO.replace(
        "    name: 移动服务平台年提供服务次数",
        "    name: 移动服务平台年提供服务次数  # goals-lint: disable=schema -- x",
    )
    result = lint(tmp_path, text)
    assert result.locations() == [("a.yaml", 8, 5, "GL002"), ("a.yaml", 9, 26, "GL902")]


def test_disable_file_in_the_leading_comment_block_hides_the_rule_everywhere(tmp_path):
    header = (
        "# yaml-language-server: $schema=../schemas/goal.schema.json\n# goals-lint: disable-file=schema -- 旧格式\n\n"
    )
    assert lint(tmp_path, header + TYPO).diagnostics == []


def test_disable_file_below_the_first_field_is_reported_and_hides_nothing(tmp_path):
    text = TYPO.replace("objective:", "# goals-lint: disable-file=schema -- 旧格式\nobjective:")
    result = lint(tmp_path, text, "--lang", "en")
    assert result.locations() == [("a.yaml", 5, 1, "GL901"), ("a.yaml", 9, 5, "GL002")]
    assert result.diagnostics[0]["message"].startswith("`disable-file` works only in the comment block at the top")


def test_a_suppression_without_a_reason_is_reported_but_still_applies(tmp_path):
    result = lint(tmp_path, TYPO.replace(TYPO_LINE, TYPO_LINE + "  # goals-lint: disable=schema"), "--lang", "en")
    assert result.locations() == [("a.yaml", 8, 21, "GL901")]
    assert result.diagnostics[0]["message"] == (
        "the suppression of schema gives no reason; say why it is acceptable after `--`: "
        "`# goals-lint: disable=schema -- reason`"
    )
    assert result.diagnostics[0]["end_column"] == 21 + len("# goals-lint: disable=schema")
    assert result.code == 1


def test_an_unknown_rule_name_is_reported(tmp_path):
    result = lint(
        tmp_path, TYPO.replace(TYPO_LINE, TYPO_LINE + "  # goals-lint: disable=schma,schema -- x"), "--lang", "en"
    )
    assert [d["message"] for d in result.diagnostics] == [
        "`schma` in this suppression names no rule; see `goals-lint --list-rules`"
    ]


def test_an_unused_suppression_is_a_warning(tmp_path):
    text = VALID_GOAL.replace("    target: 200项", "    target: 200项  # goals-lint: disable=yaml-syntax -- 曾有重复键")
    result = lint(tmp_path, text, "--lang", "en")
    assert result.code == 0
    assert [(d["line"], d["code"], d["severity"], d["message"]) for d in result.diagnostics] == [
        (
            15,
            "GL902",
            "warning",
            "the suppression of `yaml-syntax` hides nothing: the rule reports no problem here; remove it",
        )
    ]
    assert lint(tmp_path, text, "--strict").code == 1


def test_a_suppression_of_a_rule_that_did_not_run_is_not_called_unused(tmp_path):
    # Compliance rules do not run on a file the schema rejects; nor do rules that are not selected.
    text = TYPO.replace("    target: 200项", "    target: 200项  # goals-lint: disable=missing-unit -- 原表如此")
    assert [d["code"] for d in lint(tmp_path, text).diagnostics] == ["GL002"]
    fixed = VALID_GOAL.replace("    target: 200项", "    target: 200项  # goals-lint: disable=missing-unit -- 原表如此")
    assert lint(tmp_path, fixed, "--select", "schema,unused-suppression").diagnostics == []


def test_malformed_directives_are_reported(tmp_path):
    text = VALID_GOAL.replace("year: 2022", "year: 2022  # goals-lint: disabel=schema -- typo")
    result = lint(tmp_path, text, "--lang", "en")
    assert [(d["line"], d["code"], d["message"]) for d in result.diagnostics] == [
        (
            1,
            "GL901",
            "cannot read the goals-lint comment `disabel=schema -- typo`; write "
            "`# goals-lint: disable=RULE -- reason` or `# goals-lint: disable-file=RULE -- reason`",
        )
    ]


def test_suppression_rules_can_be_ignored_in_the_configuration(tmp_path):
    text = TYPO.replace(TYPO_LINE, TYPO_LINE + "  # goals-lint: disable=schema")
    assert lint(tmp_path, text, "--ignore", "invalid-suppression").diagnostics == []


def test_cross_file_problems_are_suppressible(tmp_path):
    write(tmp_path, "goals/a.yaml", VALID_GOAL)
    copy = VALID_GOAL.replace(
        "project: 广州移动政务服务平台建设",
        "project: 广州移动政务服务平台建设  # goals-lint: disable=duplicate-project -- 分两期申报",
    )
    write(tmp_path, "goals/b.yaml", copy)
    # Each file carries the problem, so each says why it is accepted.
    assert [Path(d["path"]).name for d in run_json(str(tmp_path / "goals")).diagnostics] == ["a.yaml"]
    write(tmp_path, "goals/a.yaml", copy)
    assert run_json(str(tmp_path / "goals")).diagnostics == []
    write(tmp_path, "goals/b.yaml", VALID_GOAL)
    assert [d["rule"] for d in run_json(str(tmp_path / "goals")).diagnostics] == ["duplicate-project"]


@pytest.mark.parametrize(
    ("text", "comments"),
    [
        ("a: b # c\n", [(1, 6, "# c")]),
        ("# top\na: 1\n", [(1, 1, "# top")]),
        ("a: 'x # not a comment' # yes\n", [(1, 24, "# yes")]),
        ('a: "x # no \\" # still no" # yes\n', [(1, 27, "# yes")]),
        ("a: 'it''s # no' # yes\n", [(1, 17, "# yes")]),
        ("a: it's#no # yes\n", [(1, 12, "# yes")]),
        ("a: |\n  # text, not a comment\n  more\nb: 1 # yes\n", [(4, 6, "# yes")]),
        ("a: >- # header comment\n  # text\nb: 1\n", [(1, 7, "# header comment")]),
        ('a: "two\n  lines # no"\nb: 1 # yes\n', [(3, 6, "# yes")]),
        ("- [a, 'b # no'] # yes\n", [(1, 17, "# yes")]),
        ("url: http://x#y\n", []),
    ],
)
def test_comments_are_found_outside_quoted_and_block_scalars(text, comments):
    assert [(c.line, c.column, c.text) for c in find_comments(text)] == comments


def test_a_directive_inside_a_quoted_value_is_text(tmp_path):
    text = VALID_GOAL.replace(
        "objective: 打造我市统一的政务服务移动端品牌。", "objective: '说明 # goals-lint: disable=schema -- 这不是注释'"
    )
    assert lint(tmp_path, text).diagnostics == []


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("# goals-lint：disable=schema -- 原表字段名如此", id="full-width colon"),
        pytest.param("# goals-lint: disable＝schema -- 原表字段名如此", id="full-width equals"),
        pytest.param("# goals-lint: disable=GL002，GL205 -- 原表字段名如此", id="full-width comma"),
        pytest.param("# goals-lint: disable=GL002、GL205 -- 原表字段名如此", id="enumeration comma"),
        pytest.param("# goals-lint: disable=schema —— 原表字段名如此", id="em dashes"),
        pytest.param("# goals-lint: disable=schema －－ 原表字段名如此", id="full-width hyphens"),
        pytest.param("# goals-lint: disable=ＧＬ００２ -- 原表字段名如此", id="full-width code"),
        pytest.param("# GOALS-LINT: DISABLE=GL002 -- 原表字段名如此", id="upper case"),
        pytest.param("# Goals-Lint: Disable=schema -- 原表字段名如此", id="title case"),
        pytest.param("# 原表 # goals-lint: disable=schema -- 原表字段名如此", id="after another comment"),
    ],
)
def test_suppressions_typed_with_a_chinese_input_method_work(tmp_path, comment):
    result = lint(tmp_path, TYPO.replace(TYPO_LINE, f"{TYPO_LINE}  {comment}"))
    assert (result.code, result.diagnostics, result.report["suppressed"]) == (0, [], 1)


def test_disable_file_in_any_case_with_a_full_width_equals_sign(tmp_path):
    text = "# goals-lint: DISABLE-FILE＝schema —— 旧格式\n" + TYPO
    assert lint(tmp_path, text).diagnostics == []


@pytest.mark.parametrize(
    ("comment", "shown"),
    [
        pytest.param("# goals-lint disable=schema -- 原表", "goals-lint disable=schema -- 原表", id="no colon"),
        pytest.param("# GOALS-LINT 忽略", "GOALS-LINT 忽略", id="no directive"),
        pytest.param(
            "# 原表 # goals-lint: disable schema -- 原表", "disable schema -- 原表", id="after another comment"
        ),
        pytest.param("# goals-lint: disable=schema - 原表", "disable=schema - 原表", id="one hyphen"),
    ],
)
def test_a_goals_lint_comment_that_cannot_be_read_is_reported(tmp_path, monkeypatch, comment, shown):
    write(tmp_path, "goals/a.yaml", TYPO.replace(TYPO_LINE, f"{TYPO_LINE}  {comment}"))
    monkeypatch.chdir(tmp_path)
    result = run("goals", "--lang", "zh")
    assert result.code == 1
    assert result.out.splitlines() == [
        "goals/a.yaml:8:5: GL002 未知字段 `categroy`，是否应为 `category`（一级指标）？ [schema]",
        f"goals/a.yaml:8:21: GL901 无法识别的 goals-lint 注释 `{shown}`；应写作 `# goals-lint: disable=规则 -- 原因` "
        "或 `# goals-lint: disable-file=规则 -- 原因` [invalid-suppression]",
        "已检查 1 个文件：2 个错误，0 个警告，0 个提示（涉及 1 个文件）。其中 1 个问题可加 --fix --unsafe-fixes 修复。",
    ]


def test_prose_that_mentions_goals_lint_is_not_a_directive(tmp_path):
    result = lint(tmp_path, "# 本目录的文件已通过 goals-lint 检查\n" + VALID_GOAL)
    assert (result.code, result.diagnostics) == (0, [])
