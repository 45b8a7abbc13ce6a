"""`--fix`, `--unsafe-fixes` and `--diff`, as a user runs them: the files on disk before and
after, the report, the exit code, and what is said when a fix is not made."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL, run, run_json, write

HEADER = """\
# yaml-language-server: $schema=../schemas/goal.schema.json
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
"""


def numbered(seqs: list[int]) -> str:
    """A goal file whose indicators carry ``seqs``, clean but for their numbering."""
    lines = [HEADER]
    for number, seq in enumerate(seqs, 1):
        category = "效益指标" if number % 3 == 0 else "产出指标"
        lines.append(
            f"  - seq: {seq}\n    category: {category}\n    name: 第{number}类服务事项数量\n    target: {number}0项\n"
        )
    return "".join(lines)


def goal(tmp_path: Path, text: str | bytes, name: str = "a.yaml") -> Path:
    return write(tmp_path, f"goals/{name}", text)


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # as written: CRLF and a BOM stay visible


def fix(path: Path, *args: str, lang: str = "en"):
    return run(str(path), "--fix", "--no-baseline", "--lang", lang, *args)


# --- sequential-numbering: the story ---


def test_one_shifted_number_in_twelve_indicators_is_fixed_in_one_run(tmp_path):
    seqs = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13]  # number 8 was skipped
    path = goal(tmp_path, numbered(seqs))
    before = run_json(str(path), "--no-baseline")
    assert [(d["line"], d["code"], d["fix"]["applicability"]) for d in before.diagnostics] == [
        (36, "GL102", "safe"),
        (40, "GL102", "safe"),
        (44, "GL102", "safe"),
        (48, "GL102", "safe"),
        (52, "GL102", "safe"),
    ]
    assert before.diagnostics[0]["fix"] == {
        "applicability": "safe",
        "description": "renumber it 8",
        "edits": [{"line": 36, "column": 10, "end_line": 36, "end_column": 11, "text": "8"}],
    }
    assert before.report["summary"]["fixable"] == 5

    fixed = fix(path)
    assert (fixed.code, fixed.err) == (0, "")
    assert fixed.out == "Checked 1 file: no problems found. Fixed 5 problems in 1 file.\n"
    assert text_of(path) == numbered(list(range(1, 13)))
    assert fix(path).out == "Checked 1 file: no problems found.\n"  # nothing left: unchanged


def test_the_text_report_marks_what_fix_would_fix_in_both_languages(tmp_path):
    path = goal(tmp_path, numbered([1, 3, 3]).replace("name: 第1类服务事项数量", "name: 第1类服务事项数量."))
    english = run(str(path), "--no-baseline", "--lang", "en")
    assert english.out.splitlines() == [
        f"{path}:10:11: GL205 the indicator name ends with a stray “.”; remove it "
        "(the published table adds its own punctuation) [text-hygiene]",
        f"{path}:12:10: GL102 [*] number should be 2, found 3; number the indicators 1, 2, 3, … in list order "
        "[sequential-numbering]",
        "Checked 1 file: 1 error, 1 warning, 0 notes in 1 file. [*] 1 fixable with --fix (1 more with --unsafe-fixes).",
    ]
    chinese = run(str(path), "--no-baseline", "--lang", "zh")
    assert chinese.out.splitlines()[1].startswith(f"{path}:12:10: GL102 [*] 序号应为 2，实为 3")
    assert chinese.out.splitlines()[-1] == (
        "已检查 1 个文件：1 个错误，1 个警告，0 个提示（涉及 1 个文件）。"
        "其中 1 个问题可用 --fix 自动修复（标有 [*]），另有 1 个可加 --unsafe-fixes 修复。"
    )
    # --unsafe-fixes counts the unsafe fix as one --fix would make, and marks it.
    unsafe = run(str(path), "--no-baseline", "--lang", "en", "--unsafe-fixes")
    assert unsafe.out.splitlines()[0].startswith(f"{path}:10:11: GL205 [*] the indicator name ends with")
    assert unsafe.out.splitlines()[-1].endswith("[*] 2 fixable with --fix.")
    assert text_of(path).count("第1类服务事项数量.") == 1  # counting writes nothing


# --- schema ---


def test_text_read_as_a_number_or_a_boolean_is_quoted_exactly_as_written(tmp_path):
    text = (
        VALID_GOAL.replace("target: 1200万", "target: 1.50")
        .replace("name: 外部服务对接和建设数量", "name: true")
        .replace("target: 200项", "target: 010")
    )
    path = goal(tmp_path, text)
    before = run_json(str(path), "--no-baseline")
    assert [(d["line"], d["message_id"], d["fix"]["description"]) for d in before.diagnostics] == [
        (10, "schema.type_quote", "put it in quotes: '1.50'"),
        (14, "schema.type_quote", "put it in quotes: 'true'"),
        (15, "schema.type_quote", "put it in quotes: '010'"),
    ]
    result = fix(path)
    assert text_of(path) == (
        VALID_GOAL.replace("target: 1200万", "target: '1.50'")
        .replace("name: 外部服务对接和建设数量", "name: 'true'")
        .replace("target: 200项", "target: '010'")
    )
    # Now text, the compliance rules read the targets: what is left is theirs, not a new schema error.
    assert {d for d in result.out.split() if d.startswith("GL")} == {"GL202"}


def test_numbers_in_full_width_digits_or_quotes_become_integers(tmp_path):
    text = VALID_GOAL.replace("year: 2022", "year: ２０２２").replace("seq: 1", "seq: '1'").replace("seq: 2", "seq: ２")
    path = goal(tmp_path, text)
    before = run_json(str(path), "--no-baseline", lang="zh")
    assert [(d["line"], d["message"], d["fix"]["description"]) for d in before.diagnostics] == [
        (1, "`year`（预算年度）应为整数，２０２２ 是全角数字，会被读成文本；请改为半角数字 2022", "改为整数 2022"),
        (7, "`seq`（序号）应为整数，实际是带引号的文本 '1'；请去掉引号", "改为整数 1"),
        (11, "`seq`（序号）应为整数，２ 是全角数字，会被读成文本；请改为半角数字 2", "改为整数 2"),
    ]
    assert fix(path).code == 0
    assert text_of(path) == VALID_GOAL


def test_a_quoted_number_that_would_not_be_valid_gets_no_fix(tmp_path):
    path = goal(tmp_path, VALID_GOAL.replace("seq: 1", "seq: '0'"))
    [problem] = run_json(str(path), "--no-baseline").diagnostics
    assert (problem["message_id"], problem["fix"]) == ("schema.type_unquote", None)


@pytest.mark.parametrize(
    ("typo", "field"),
    [("categroy", "category"), ("nme", "name"), ("tagret", "target"), ("指标名称", "name"), ("note", "notes")],
)
def test_a_misspelt_field_with_one_candidate_is_renamed_only_with_unsafe_fixes(tmp_path, typo, field):
    line = "    category: 效益指标" if field == "category" else "    name: 移动服务平台年提供服务次数"
    value = line.split(": ")[1]
    text = VALID_GOAL.replace(line, f"    {typo}: {value}")
    if field in ("target", "notes"):
        text = VALID_GOAL.replace("    target: 1200万", f"    {typo}: 1200万")
        if field == "notes":
            text = VALID_GOAL.replace("    target: 1200万", f"    target: 1200万\n    {typo}: 原表如此")
    path = goal(tmp_path, text)
    safe_only = fix(path)
    assert safe_only.code == 1
    assert "fixable with --fix --unsafe-fixes" in safe_only.out
    assert text_of(path) == text
    unsafe = fix(path, "--unsafe-fixes")
    assert unsafe.code == 0, unsafe.out
    assert text_of(path) == text.replace(f"    {typo}: ", f"    {field}: ")


@pytest.mark.parametrize(
    "text",
    [
        # Two fields are near: `notes` and `code` are both two slips from `nodes`.
        VALID_GOAL.replace("indicators:", "nodes: 原表如此\nindicators:"),
        # The field it would become is there already: renaming would make a duplicate key.
        VALID_GOAL.replace("    category: 效益指标", "    category: 效益指标\n    categroy: 产出指标"),
        # Not a slip of any one field.
        VALID_GOAL.replace("    target: 200项", "    target: 200项\n    subcat: 数量指标"),
    ],
    ids=["two candidates", "already there", "too far"],
)
def test_no_rename_when_the_guess_is_not_sure(tmp_path, text):
    path = goal(tmp_path, text)
    diagnostics = run_json(str(path), "--no-baseline").diagnostics
    unknown = [d for d in diagnostics if d["message_id"].startswith("schema.unknown_field")]
    assert unknown and all(d["fix"] is None for d in unknown)
    fix(path, "--unsafe-fixes")
    assert text_of(path) == text


# --- text-hygiene ---


def test_text_hygiene_safe_fixes_then_the_trailing_mark_with_unsafe_fixes(tmp_path):
    text = (
        VALID_GOAL.replace("project: 广州移动政务服务平台建设", "project: ' 广州移动政务服务平台建设'  # 项目名称")
        .replace("name: 移动服务平台年提供服务次数", "name: .移动服务平台年提供服务次数，，")
        .replace("name: 外部服务对接和建设数量", "name: 外部服务对接和建设数量 。")
    )
    path = goal(tmp_path, text)
    assert fix(path).code == 0
    assert text_of(path) == (
        VALID_GOAL.replace("project: 广州移动政务服务平台建设", "project: 广州移动政务服务平台建设  # 项目名称")
        .replace("name: 移动服务平台年提供服务次数", "name: 移动服务平台年提供服务次数，")
        .replace("name: 外部服务对接和建设数量", "name: 外部服务对接和建设数量。")
    )
    left = run_json(str(path), "--no-baseline")
    assert [(d["message_id"], d["fix"]["applicability"]) for d in left.diagnostics] == [
        ("rule.text_hygiene.trailing", "unsafe"),
        ("rule.text_hygiene.trailing", "unsafe"),
    ]
    assert fix(path, "--unsafe-fixes").out == "Checked 1 file: no problems found. Fixed 2 problems in 1 file.\n"
    assert text_of(path) == VALID_GOAL.replace(
        "project: 广州移动政务服务平台建设", "project: 广州移动政务服务平台建设  # 项目名称"
    )


def test_a_block_scalar_value_is_rewritten_on_one_line_keeping_its_header_comment(tmp_path):
    text = VALID_GOAL.replace(
        "project: 广州移动政务服务平台建设\n", "project: |  # 原表分两行\n  广州移动政务服务平台建设\n\n"
    )
    path = goal(tmp_path, text)
    assert fix(path).code == 0
    assert text_of(path) == VALID_GOAL.replace(
        "project: 广州移动政务服务平台建设\n", "project: 广州移动政务服务平台建设  # 原表分两行\n\n"
    )


def test_a_value_in_a_flow_mapping_is_quoted_where_flow_style_needs_it(tmp_path):
    text = VALID_GOAL.replace(
        "  - seq: 2\n    category: 产出指标\n    subcategory: 数量指标\n    name: 外部服务对接和建设数量\n    target: 200项\n",
        "  - {seq: 2, category: 产出指标, name: 'a,b 。', target: 200项}\n",
    )
    path = goal(tmp_path, text)
    assert fix(path).code == 0
    assert text_of(path).endswith("  - {seq: 2, category: 产出指标, name: 'a,b。', target: 200项}\n")


# --- unused-suppression ---

SUPPRESSED_LINE = "    target: 200项"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            SUPPRESSED_LINE + "  # goals-lint: disable=packed-target -- 原表如此", SUPPRESSED_LINE, id="end of line"
        ),
        pytest.param(
            "    # goals-lint: disable=packed-target -- 原表如此\n" + SUPPRESSED_LINE, SUPPRESSED_LINE, id="own line"
        ),
        pytest.param(
            SUPPRESSED_LINE + "  # goals-lint: disable=packed-target -- 原表如此  # 见合同",
            SUPPRESSED_LINE + "  # 见合同",
            id="a note after it",
        ),
        pytest.param(
            SUPPRESSED_LINE + "  # 原表如此 # goals-lint: disable=packed-target -- 见合同",
            SUPPRESSED_LINE + "  # 原表如此",
            id="a note before it",
        ),
        pytest.param(
            SUPPRESSED_LINE + "  # goals-lint: disable=packed-target，vague-target -- 原表如此",
            SUPPRESSED_LINE,
            id="every rule unused",
        ),
    ],
)
def test_an_unused_suppression_is_removed_and_every_other_comment_stays(tmp_path, before, after):
    path = goal(tmp_path, VALID_GOAL.replace(SUPPRESSED_LINE, before))
    result = fix(path)
    assert result.code == 0, result.out
    assert text_of(path) == VALID_GOAL.replace(SUPPRESSED_LINE, after)


def test_only_the_unused_rule_is_taken_out_of_a_suppression_that_still_works(tmp_path):
    packed = "    target: 一般性操作≤5秒，一般性统计≤20秒"
    text = VALID_GOAL.replace(SUPPRESSED_LINE, packed + "  # goals-lint: disable=vague-target、packed-target -- 按合同")
    path = goal(tmp_path, text)
    assert fix(path).code == 0
    assert text_of(path) == VALID_GOAL.replace(
        SUPPRESSED_LINE, packed + "  # goals-lint: disable=packed-target -- 按合同"
    )
    assert run_json(str(path), "--no-baseline").report["suppressed"] == 1


def test_an_unused_suppression_of_a_cross_file_rule_is_removed_too(tmp_path):
    # Only the whole run knows a duplicate-project suppression hides nothing: fixed in a second round.
    text = VALID_GOAL.replace(
        "project: 广州移动政务服务平台建设",
        "project: 广州移动政务服务平台建设  # goals-lint: disable=duplicate-project -- 二期",
    )
    first = goal(tmp_path, text)
    goal(tmp_path, VALID_GOAL.replace("平台建设", "平台二期建设"), "b.yaml")
    result = run(str(tmp_path / "goals"), "--fix", "--no-baseline", "--lang", "en")
    assert result.out == "Checked 2 files: no problems found. Fixed 1 problem in 1 file.\n"
    assert text_of(first) == VALID_GOAL


# --- category-mismatch ---


def test_a_satisfaction_indicator_moves_to_its_category_with_unsafe_fixes(tmp_path):
    satisfaction = "  - seq: 3\n    category: 效益指标\n    subcategory: 社会效益指标\n    name: 话务服务市民的满意度\n    target: ≥95%\n"
    text = VALID_GOAL + satisfaction
    path = goal(tmp_path, text)
    [problem] = run_json(str(path), "--no-baseline").diagnostics
    assert problem["fix"]["description"] == "move it to 满意度指标, subcategory 服务对象满意度指标"
    assert fix(path).code == 0  # a warning; the unsafe fix waits
    assert text_of(path) == text
    assert fix(path, "--unsafe-fixes").code == 0
    assert text_of(path) == VALID_GOAL + satisfaction.replace("效益指标", "满意度指标").replace(
        "社会满意度指标", "服务对象满意度指标"
    )


# --- the reader: encoding and typing slips ---


def test_a_gbk_file_becomes_utf8_character_for_character_and_its_other_fixes_follow(tmp_path):
    text = numbered([1, 2, 4])
    path = goal(tmp_path, text.encode("gbk"))
    before = run_json(str(path), "--no-baseline", lang="zh")
    assert [(d["message_id"], d["fix"]) for d in before.diagnostics] == [
        (
            "encoding.gb18030",
            {"applicability": "safe", "description": "将文件从 GBK/GB18030 转换为 UTF-8（逐字不变）", "edits": []},
        )
    ]
    diff = run(str(path), "--diff", "--no-baseline", "--lang", "en")
    assert diff.code == 1
    assert diff.out == (
        f"--- {path} (GB18030)\n+++ {path} (UTF-8)\n@@ -13,7 +13,7 @@\n"
        "     category: 产出指标\n     name: 第2类服务事项数量\n     target: 20项\n"
        "-  - seq: 4\n+  - seq: 3\n"
        "     category: 效益指标\n     name: 第3类服务事项数量\n     target: 30项\n"
    )
    assert path.read_bytes() == text.encode("gbk")  # --diff writes nothing
    result = fix(path)
    assert result.out == "Checked 1 file: no problems found. Fixed 2 problems in 1 file.\n"
    assert path.read_bytes() == numbered([1, 2, 3]).encode("utf-8")


def test_a_bom_and_crlf_line_endings_are_kept(tmp_path):
    text = numbered([1, 2, 2]).replace("\n", "\r\n")
    path = goal(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert fix(path).code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + numbered([1, 2, 3]).replace("\n", "\r\n").encode("utf-8")


def test_a_file_without_a_final_newline_keeps_it_that_way(tmp_path):
    path = goal(tmp_path, numbered([1, 2, 2]).rstrip("\n"))
    assert fix(path).code == 0
    assert text_of(path) == numbered([1, 2, 3]).rstrip("\n")


TYPING_SLIPS = [
    pytest.param("    name: 外部服务对接和建设数量", "    name：外部服务对接和建设数量", id="full-width colon"),
    pytest.param(
        "    name: 外部服务对接和建设数量", "    name ： 外部服务对接和建设数量", id="spaced full-width colon"
    ),
    pytest.param("    target: 200项", "    target:200项", id="no space after the colon"),
    pytest.param("    name: 外部服务对接和建设数量", "\tname: 外部服务对接和建设数量", id="tab"),
    pytest.param(
        "    name: 外部服务对接和建设数量", "\u3000\u3000name: 外部服务对接和建设数量", id="full-width spaces"
    ),
    pytest.param("  - seq: 2", "  -seq: 2", id="dash without a space"),
    pytest.param("  - seq: 2", "\t- seq: 2", id="tab before a dash"),
    pytest.param("indicators:", "indicators：", id="colon before a list"),
]


@pytest.mark.parametrize(("right", "slip"), TYPING_SLIPS)
def test_typing_slips_that_stop_yaml_are_corrected_with_unsafe_fixes(tmp_path, right, slip):
    text = VALID_GOAL.replace(right, slip, 1)
    path = goal(tmp_path, text)
    [problem] = run_json(str(path), "--no-baseline").diagnostics
    assert problem["rule"] == "yaml-syntax"
    assert problem["fix"]["applicability"] == "unsafe"
    assert problem["fix"]["description"].startswith(
        "correct the typing slips that keep YAML from reading the file: line"
    )
    assert fix(path).code == 1
    assert text_of(path) == text  # not without --unsafe-fixes
    result = fix(path, "--unsafe-fixes")
    assert result.out == "Checked 1 file: no problems found. Fixed 1 problem in 1 file.\n"
    assert text_of(path) == VALID_GOAL


def test_a_slip_fix_that_would_not_read_cleanly_is_not_made_and_the_user_is_told(tmp_path):
    # The colon is a slip, but the unclosed quote below it is not one the fixer knows.
    text = VALID_GOAL.replace("    name: 外部服务对接和建设数量", "    name：外部服务对接和建设数量").replace(
        "target: 200项", "target: '200项"
    )
    path = goal(tmp_path, text)
    result = fix(path, "--unsafe-fixes")
    assert result.code == 1
    assert text_of(path) == text
    assert result.err == (
        f"goals-lint: {path}:15:5: did not apply the fix (correct the typing slips that keep YAML from reading "
        "the file: line 14: the full-width colon “：” to “: ”): the fixed file would not read as YAML; "
        "left as it was\n"
    )


def test_a_tab_that_would_put_a_field_at_the_wrong_level_is_not_fixed(tmp_path):
    # The tab stands before a top-level field: lined up with the indicator field above, `notes`
    # would land inside the last indicator, which is not what the tab meant… or is it? Refuse.
    text = VALID_GOAL + "\tproject: 另一个项目\n"
    path = goal(tmp_path, text)
    result = fix(path, "--unsafe-fixes")
    assert text_of(path) == text
    assert "did not apply the fix" in result.err
    assert "line 16 would not hold the field `project` where it belongs" in result.err


# --- the safety net ---


@pytest.fixture
def broken_writer(monkeypatch):
    """Make the fix engine write what it is told instead of the value (a bug to be caught)."""
    import validator.fix.text_edits as text_edits

    def install(written: str) -> None:
        monkeypatch.setattr(text_edits, "scalar_text", lambda value, in_flow=False: written)

    return install


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("'3", "the fixed file would not read as YAML"),
        ("5", "the fix would change more than the fields it is meant to"),
        ("3 # 3", "the fix would lose, change or add a comment"),
        ("4", "the fix would change nothing"),
    ],
    ids=["unreadable", "wrong data", "new comment", "no change"],
)
def test_a_fix_that_does_not_verify_is_never_written(tmp_path, broken_writer, written, reason):
    text = numbered([1, 2, 4])
    path = goal(tmp_path, text)
    stat_before = path.stat()
    broken_writer(written)
    result = fix(path)
    assert result.code == 1
    assert text_of(path) == text
    assert path.stat().st_mtime_ns == stat_before.st_mtime_ns
    assert result.err == (
        f"goals-lint: {path}:16:10: did not apply the fix (renumber it 3): {reason}; left as it was\n"
    )
    assert f"{path}:16:10: GL102 [*] number should be 3, found 4" in result.out


def test_a_fix_another_yaml_reader_reads_differently_is_not_made(tmp_path, monkeypatch):
    import validator.fix.verify as verify

    real = verify._ruamel_data
    monkeypatch.setattr(verify, "_ruamel_data", lambda text: (True, {"other": 1}) if "seq: 3" in text else real(text))
    text = numbered([1, 2, 4])
    path = goal(tmp_path, text)
    result = fix(path)
    assert text_of(path) == text
    assert "another YAML reader (ruamel.yaml) would read something other than intended" in result.err


def test_one_bad_fix_does_not_stop_the_good_ones(tmp_path, monkeypatch):
    import validator.fix.text_edits as text_edits
    from validator.scalars import scalar_text

    monkeypatch.setattr(
        text_edits,
        "scalar_text",
        lambda value, in_flow=False: "'4" if value == 4 else scalar_text(value, in_flow=in_flow),
    )
    path = goal(tmp_path, numbered([1, 3, 3, 5]))
    result = fix(path)
    assert text_of(path) == numbered([1, 2, 3, 5])
    assert "did not apply the fix (renumber it 4)" in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_fixed_file_keeps_its_mode_and_is_replaced_whole(tmp_path):
    path = goal(tmp_path, numbered([1, 1, 1]))
    path.chmod(0o640)
    inode = path.stat().st_ino
    assert fix(path).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one, never half written
    assert sorted(item.name for item in path.parent.iterdir()) == ["a.yaml"]  # no temporary left


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_file_is_reported_not_crashed_on(tmp_path):
    text = numbered([1, 1, 1])
    path = goal(tmp_path, text)
    other = goal(tmp_path, numbered([2, 2, 3]).replace("平台建设", "平台二期建设"), "b.yaml")
    path.chmod(0o444)
    try:
        result = run(str(tmp_path / "goals"), "--fix", "--no-baseline", "--lang", "en")
    finally:
        path.chmod(0o644)
    assert result.code == 1
    assert result.err == (
        f"goals-lint: {tmp_path / 'goals'}/a.yaml: the file is read-only; the fixes were not written "
        "and the file is unchanged\n"
    )
    assert text_of(path) == text
    assert text_of(other) == numbered([1, 2, 3]).replace("平台建设", "平台二期建设")  # the other file is fixed
    assert result.out.splitlines()[-1] == (
        "Checked 2 files: 2 errors, 0 warnings, 0 notes in 1 file. [*] 2 fixable with --fix. Fixed 1 problem in 1 file."
    )


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_link_is_fixed_through_and_stays_a_link(tmp_path):
    target = write(tmp_path, "store/real.yaml", numbered([1, 1, 3]))
    link = tmp_path / "goals" / "a.yaml"
    link.parent.mkdir()
    link.symlink_to(target)
    assert fix(link).code == 0
    assert link.is_symlink()
    assert text_of(target) == numbered([1, 2, 3])


# --- what --fix fixes: selection, suppressions, configuration, baseline ---

MIXED = numbered([1, 1, 3]).replace("name: 第2类服务事项数量", "name: '第2类服务事项数量 '")


def test_fix_respects_select_and_ignore(tmp_path):
    path = goal(tmp_path, MIXED)
    assert fix(path, "--select", "text-hygiene").code == 0
    assert text_of(path) == numbered([1, 1, 3])
    path = goal(tmp_path, MIXED)
    assert fix(path, "--ignore", "GL205").code == 0
    assert text_of(path) == numbered([1, 2, 3]).replace("name: 第2类服务事项数量", "name: '第2类服务事项数量 '")


def test_fix_respects_the_config_and_suppression_comments(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, ".goals-lint.toml", '[per-file-ignores]\n"goals/a.yaml" = ["sequential-numbering"]\n')
    path = goal(tmp_path, MIXED)
    assert run("goals", "--fix", "--no-baseline").code == 0
    assert text_of(path) == numbered([1, 1, 3])
    suppressed = (
        numbered([1, 1, 3])
        .replace("平台建设", "平台二期建设")  # another project than a.yaml's
        .replace(
            "  - seq: 1\n    category: 产出指标\n    name: 第2",
            "  - seq: 1  # goals-lint: disable=GL102 -- 原表如此\n    category: 产出指标\n    name: 第2",
        )
    )
    other = goal(tmp_path, suppressed, "b.yaml")
    assert run("goals/b.yaml", "--fix", "--no-baseline").code == 0
    assert text_of(other) == suppressed


def test_fix_leaves_what_the_baseline_hides(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = goal(tmp_path, numbered([1, 1, 3]))
    assert run("goals", "--write-baseline").code == 0
    goal(tmp_path, MIXED)
    result = run("goals", "--fix", "--lang", "en")
    assert text_of(path) == numbered([1, 1, 3])  # the known numbering problem stays; the new one is fixed
    assert result.out == (
        "Checked 1 file: no problems found. Fixed 1 problem in 1 file. "
        "The baseline .goals-lint-baseline.json hid 1 known problem.\n"
    )
    assert run("goals", "--fix", "--no-baseline").code == 0
    assert text_of(path) == numbered([1, 2, 3])


# --- --diff ---


def test_diff_prints_what_fix_would_change_and_writes_nothing(tmp_path):
    text = numbered([1, 2, 2])
    path = goal(tmp_path, text)
    result = run(str(path), "--diff", "--no-baseline", "--lang", "zh")
    assert result.code == 1
    assert result.out == (
        f"--- {path}\n+++ {path}\n@@ -13,7 +13,7 @@\n"
        "     category: 产出指标\n"
        "     name: 第2类服务事项数量\n"
        "     target: 20项\n"
        "-  - seq: 2\n"
        "+  - seq: 3\n"
        "     category: 效益指标\n"
        "     name: 第3类服务事项数量\n"
        "     target: 30项\n"
    )
    assert result.err == "--fix 会修复 1 个问题（1 个文件）。\n"
    assert text_of(path) == text
    assert fix(path).code == 0
    clean = run(str(path), "--diff", "--no-baseline", "--lang", "en")
    assert (clean.code, clean.out, clean.err) == (0, "", "Nothing for --fix to fix.\n")


def test_diff_with_unsafe_fixes_shows_them_too(tmp_path):
    path = goal(tmp_path, VALID_GOAL.replace("name: 外部服务对接和建设数量", "name: 外部服务对接和建设数量。"))
    assert run(str(path), "--diff", "--no-baseline").code == 0
    unsafe = run(str(path), "--diff", "--unsafe-fixes", "--no-baseline")
    assert unsafe.code == 1
    assert "-    name: 外部服务对接和建设数量。\n+    name: 外部服务对接和建设数量\n" in unsafe.out


@pytest.mark.parametrize("option", [["--format", "json"], ["--write-baseline"]])
def test_diff_writes_no_report(tmp_path, option):
    path = goal(tmp_path, numbered([1, 2, 2]))
    result = run(str(path), "--diff", *option, "--lang", "en")
    assert result.code == 2
    assert (
        result.err
        == f"goals-lint: error: --diff prints what --fix would change and writes no report or baseline; leave out {option[0]}\n"
    )


# --- reports ---


def test_sarif_carries_the_fixes_as_replacements_and_is_valid(tmp_path):
    import jsonschema

    path = goal(tmp_path, numbered([1, 2, 2]).replace("name: 第1类服务事项数量", "name: 第1类服务事项数量 。"))
    log = json.loads(run(str(path), "--format", "sarif", "--no-baseline", "--lang", "en").out)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [result["fixes"] for result in results] == [
        [
            {
                "description": {"text": "remove the space before “。”"},
                "artifactChanges": [
                    {
                        "artifactLocation": results[0]["locations"][0]["physicalLocation"]["artifactLocation"],
                        "replacements": [
                            {
                                "deletedRegion": {"startLine": 10, "startColumn": 11, "endLine": 10, "endColumn": 22},
                                "insertedContent": {"text": "第1类服务事项数量。"},
                            }
                        ],
                    }
                ],
                "properties": {"applicability": "safe"},
            }
        ],
        [
            {
                "description": {"text": "renumber it 3"},
                "artifactChanges": [
                    {
                        "artifactLocation": results[1]["locations"][0]["physicalLocation"]["artifactLocation"],
                        "replacements": [
                            {
                                "deletedRegion": {"startLine": 16, "startColumn": 10, "endLine": 16, "endColumn": 11},
                                "insertedContent": {"text": "3"},
                            }
                        ],
                    }
                ],
                "properties": {"applicability": "safe"},
            }
        ],
    ]


def test_applying_the_reported_edits_gives_what_fix_writes(tmp_path):
    """What JSON and SARIF offer an editor is exactly what --fix does, one fix at a time."""
    text = numbered([1, 3, 4]).replace("name: 第3类服务事项数量", "name: '第3类服务事项数量 '")
    path = goal(tmp_path, text)
    diagnostics = run_json(str(path), "--no-baseline").diagnostics
    lines = text.splitlines(keepends=True)
    for diagnostic in reversed(diagnostics):  # bottom up, so the positions above stay true
        [edit] = diagnostic["fix"]["edits"]
        assert edit["line"] == edit["end_line"]
        line = lines[edit["line"] - 1]
        lines[edit["line"] - 1] = line[: edit["column"] - 1] + edit["text"] + line[edit["end_column"] - 1 :]
    fix(path)
    assert text_of(path) == "".join(lines) == numbered([1, 2, 3])


def test_list_rules_and_explain_say_how_a_rule_fixes(tmp_path):
    listed = run("--list-rules", "--lang", "en").out.splitlines()
    by_code = {line.split()[0]: line for line in listed}
    assert by_code["GL102"].endswith("  [fixable with --fix]")
    assert by_code["GL201"].endswith("  [fixable with --fix --unsafe-fixes]")
    assert by_code["GL205"].endswith("  [fixable with --fix (some with --unsafe-fixes)]")
    assert not by_code["GL103"].endswith("]")
    chinese = {line.split()[0]: line for line in run("--list-rules", "--lang", "zh").out.splitlines()}
    assert chinese["GL102"].endswith("  [可用 --fix 自动修复]")
    explained = run("--explain", "sequential-numbering", "--lang", "zh").out
    assert explained.startswith(
        "GL102 sequential-numbering: 指标序号必须按列表顺序从 1 开始连续编号\n可用 --fix 自动修复\n\n"
    )
    assert "\n## Fix\nSafe: `--fix` renumbers" in explained
    assert "--fix" not in run("--explain", "duplicate-indicator").out


# --- the engine's interface, for an editor ---


def test_an_editor_can_check_a_buffer_and_apply_one_fix(tmp_path):
    from validator.config import Config
    from validator.fix.engine import apply_fixes, fix_text
    from validator.linter import Selection, check_text
    from validator.loader import read_goal_text

    selection = Selection.build(Config(root=str(tmp_path)))
    text = numbered([1, 3, 3]).replace("name: 第1类服务事项数量", "name: 第1类服务事项数量 。")
    diagnostics = check_text("goals/a.yaml", text, selection)
    assert [(d.code, d.span.line, d.fix is not None and d.fix.applicability.value) for d in diagnostics] == [
        ("GL205", 10, "safe"),
        ("GL102", 12, "safe"),
    ]
    new_text, applied, declined = apply_fixes(read_goal_text("goals/a.yaml", text), diagnostics[1:])
    assert (applied, declined) == (diagnostics[1:], [])
    assert new_text == text.replace(
        "  - seq: 3\n    category: 产出指标\n    name: 第2", "  - seq: 2\n    category: 产出指标\n    name: 第2"
    )
    everything = fix_text("goals/a.yaml", text, selection)
    assert everything.text == numbered([1, 2, 3]).replace("name: 第1类服务事项数量", "name: 第1类服务事项数量。")
    assert [d.code for d in everything.applied] == ["GL205", "GL102"]


def test_a_fix_whose_own_edits_overlap_is_declined_not_crashed_on():
    from validator.diagnostics import Applicability, Diagnostic, Fix, Severity, Span, TextEdit
    from validator.fix.engine import apply_fixes
    from validator.fix.verify import DECLINED_OVERLAP
    from validator.loader import read_goal_text
    from validator.messages import ref

    text = numbered([1, 2, 3])
    edits = (TextEdit(Span(8, 5, 8, 9), "x"), TextEdit(Span(8, 7, 8, 11), "y"))
    fix = Fix.of_text(Applicability.SAFE, "rule.sequential_numbering.fix", {"expected": 1}, edits)
    diagnostic = Diagnostic(
        "a.yaml", Span(8, 5, 8, 6), "", "GL102", "sequential-numbering", Severity.ERROR, "x", {}, (), fix
    )
    new_text, applied, declined = apply_fixes(read_goal_text("a.yaml", text), [diagnostic])
    assert (new_text, applied) == (text, [])
    assert [(d.diagnostic, d.reason) for d in declined] == [(diagnostic, ref(DECLINED_OVERLAP))]
