"""Reading goal files: every trap a YAML file can hold, seen through the CLI's JSON report.

Each test writes a file into ``tmp_path``, runs ``goals-lint FILE --format json --lang en``
and checks what the user would see: the exit code, and for each diagnostic its exact
line and column (1-based, counted in characters), code, message id and message.
Expected positions are counted by hand from the file text and written as literals.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from validator.cli import main
from validator.loader import read_goal_file
from validator.scalars import resolve_plain_scalar

# Line numbers of VALID, for reference when counting positions:
#  1 year: 2022
#  2 department: 广州市政务服务数据管理局
#  3 budget_unit: 广州市政务服务数据管理局
#  4 project: 广州移动政务服务平台建设
#  5 objective: 打造我市统一的政务服务移动端品牌。
#  6 indicators:
#  7   - seq: 1
#  8     category: 效益指标
#  9     name: 移动服务平台年提供服务次数
# 10     target: 1200万
VALID = """\
year: 2022
department: 广州市政务服务数据管理局
budget_unit: 广州市政务服务数据管理局
project: 广州移动政务服务平台建设
objective: 打造我市统一的政务服务移动端品牌。
indicators:
  - seq: 1
    category: 效益指标
    name: 移动服务平台年提供服务次数
    target: 1200万
"""

PROJECT_LINE = "project: 广州移动政务服务平台建设"
NAME_LINE = "    name: 移动服务平台年提供服务次数"
TARGET_LINE = "    target: 1200万"


def valid_with(old: str, new: str) -> str:
    """VALID with one exact piece of text replaced (the piece must be there)."""
    assert old in VALID
    return VALID.replace(old, new, 1)


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty folder so no project config (pyproject.toml) changes the defaults."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def run(*paths: Path | str, args: tuple[str, ...] = ()) -> tuple[int, dict[str, Any]]:
    """Run the CLI on ``paths`` with a JSON report in English; return (exit code, report).

    Only the reading and schema rules (GL0xx) run: these tests are about reading files.
    """
    if "--select" not in args:
        args = ("--select", "GL0", *args)
    out, err = io.StringIO(), io.StringIO()
    code = main([*(str(path) for path in paths), "--format", "json", "--lang", "en", *args], out=out, err=err)
    assert err.getvalue() == "", err.getvalue()
    return code, json.loads(out.getvalue())


def lint(
    tmp_path: Path, content: str | bytes, name: str = "goal.yaml", args: tuple[str, ...] = ()
) -> tuple[int, dict[str, Any]]:
    """Write ``content`` to ``tmp_path/name`` and lint it."""
    return run(write(tmp_path / name, content), args=args)


def only(report: dict[str, Any]) -> dict[str, Any]:
    """The one diagnostic of a report that must have exactly one."""
    diagnostics = report["diagnostics"]
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def where(diagnostic: dict[str, Any]) -> tuple[int, int]:
    return diagnostic["line"], diagnostic["column"]


def assert_syntax(diagnostic: dict[str, Any], message_id: str, line: int, column: int) -> None:
    assert diagnostic["code"] == "GL001"
    assert diagnostic["rule"] == "yaml-syntax"
    assert diagnostic["severity"] == "error"
    assert diagnostic["message_id"] == message_id
    assert where(diagnostic) == (line, column)


def assert_clean(code: int, report: dict[str, Any]) -> None:
    assert report["diagnostics"] == []
    assert report["summary"]["errors"] == 0
    assert code == 0


# --- the baseline --------------------------------------------------------------------------------


def test_valid_goal_file_is_clean(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID)
    assert_clean(code, report)
    assert report["files_checked"] == 1
    assert report["version"] == 2
    assert report["tool"]["name"] == "goals-lint"


# --- YAML 1.2 core schema ------------------------------------------------------------------------

YAML11_TEXT = ["no", "off", "yes", "on", "No", "OFF", "Yes", "y", "n", "1:20", "2022-01-01", "1_000", "0b101"]


@pytest.mark.parametrize("value", YAML11_TEXT)
def test_yaml11_booleans_times_and_dates_are_text_and_clean(tmp_path: Path, value: str) -> None:
    content = valid_with(NAME_LINE, f"    name: {value}").replace(TARGET_LINE, f"    target: {value}")
    code, report = lint(tmp_path, content)
    assert_clean(code, report)


@pytest.mark.parametrize("value", YAML11_TEXT)
def test_yaml11_booleans_times_and_dates_load_as_the_exact_text(tmp_path: Path, value: str) -> None:
    content = valid_with(NAME_LINE, f"    name: {value}").replace(TARGET_LINE, f"    target: {value}")
    goal_file = read_goal_file(str(write(tmp_path / "goal.yaml", content)))
    assert goal_file.problems == []
    assert goal_file.readable
    indicator = goal_file.data["indicators"][0]
    assert indicator["name"] == value and type(indicator["name"]) is str
    assert indicator["target"] == value and type(indicator["target"]) is str


def test_core_schema_scalars_load_with_their_12_types(tmp_path: Path) -> None:
    content = (
        "leading_zero: 010\n"
        "octal: 0o10\n"
        "hex: 0x1F\n"
        "float: 1.5\n"
        "bool: true\n"
        "tilde: ~\n"
        "null_word: null\n"
        "empty:\n"
        "quoted: '010'\n"
        "str_tag: !!str 010\n"
    )
    goal_file = read_goal_file(str(write(tmp_path / "scalars.yaml", content)))
    assert goal_file.problems == []
    data = goal_file.data
    assert data == {
        "leading_zero": 10,
        "octal": 8,
        "hex": 31,
        "float": 1.5,
        "bool": True,
        "tilde": None,
        "null_word": None,
        "empty": None,
        "quoted": "010",
        "str_tag": "010",
    }
    assert type(data["leading_zero"]) is int  # 10, never the YAML 1.1 octal 8
    assert type(data["octal"]) is int
    assert type(data["hex"]) is int
    assert type(data["float"]) is float
    assert data["bool"] is True


def test_seq_010_is_the_integer_10_and_not_a_syntax_or_schema_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "goal.yaml", valid_with("  - seq: 1", "  - seq: 010"))
    goal_file = read_goal_file(str(path))
    assert goal_file.problems == []
    seq = goal_file.data["indicators"][0]["seq"]
    assert seq == 10 and type(seq) is int
    _, report = run(path)
    # A rule on numbering may have an opinion on 10; reading and the schema must not.
    assert [d for d in report["diagnostics"] if d["code"] in ("GL001", "GL002", "GL003")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("0", 0),
        ("10", 10),
        ("010", 10),
        ("08", 8),
        ("-5", -5),
        ("+7", 7),
        ("0o10", 8),
        ("0o777", 511),
        ("0x1F", 31),
        ("0xff", 255),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("-2.5e3", -2500.0),
        ("1e3", 1000.0),
        (".inf", math.inf),
        ("+.Inf", math.inf),
        ("-.INF", -math.inf),
        # YAML 1.1 only, or not a core-schema form at all: text.
        ("no", "no"),
        ("off", "off"),
        ("yes", "yes"),
        ("on", "on"),
        ("y", "y"),
        ("n", "n"),
        ("nULL", "nULL"),
        ("tRUE", "tRUE"),
        ("nul", "nul"),
        ("1:20", "1:20"),
        ("2022-01-01", "2022-01-01"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("0O10", "0O10"),
        ("0X1F", "0X1F"),
        ("0o8", "0o8"),
        ("-0x1F", "-0x1F"),
        ("1,000", "1,000"),
        (".", "."),
        ("-", "-"),
        ("1200万", "1200万"),
        ("广州", "广州"),
        ("inf", "inf"),
        ("nan", "nan"),
    ],
)
def test_resolve_plain_scalar(text: str, expected: Any) -> None:
    value = resolve_plain_scalar(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", [".nan", ".NaN", ".NAN"])
def test_resolve_plain_scalar_nan(text: str) -> None:
    value = resolve_plain_scalar(text)
    assert isinstance(value, float) and math.isnan(value)


# --- syntax errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "column"),
    [
        # "project: a: b": p=1 … t=7, ':'=8, ' '=9, 'a'=10, ':'=11
        (PROJECT_LINE, "project: a: b", 4, 11),
        # columns count characters, not UTF-8 bytes: 广=10 州=11 移=12 动=13 ':'=14
        (PROJECT_LINE, "project: 广州移动: 政务", 4, 14),
        # "    name: a: b": four spaces, name=5-8, ':'=9, ' '=10, 'a'=11, ':'=12
        (NAME_LINE, "    name: a: b", 9, 12),
    ],
    ids=["top-level", "after-chinese", "in-indicator"],
)
def test_colon_in_value_is_one_located_syntax_error(tmp_path: Path, old: str, new: str, line: int, column: int) -> None:
    code, report = lint(tmp_path, valid_with(old, new))
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.colon_in_value", line, column)
    assert "needs quotes" in diagnostic["message"]
    assert "`: `" in diagnostic["message"]
    assert code == 1


def test_unclosed_quote_is_reported(tmp_path: Path) -> None:
    code, report = lint(tmp_path, valid_with(TARGET_LINE, '    target: "1200万'))
    diagnostic = only(report)
    assert diagnostic["code"] == "GL001"
    assert diagnostic["message_id"] == "yaml.unclosed_quote"
    assert "unclosed quote" in diagnostic["message"]
    assert code == 1


def test_unclosed_quote_points_at_the_opening_quote(tmp_path: Path) -> None:
    # '    target: "1200万': four spaces, target=5-10, ':'=11, ' '=12, '"'=13
    _, report = lint(tmp_path, valid_with(TARGET_LINE, '    target: "1200万'))
    diagnostic = only(report)
    assert where(diagnostic) == (10, 13)


def test_unclosed_flow_sequence_is_reported(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID + "notes: [1, 2\n")
    diagnostic = only(report)
    assert diagnostic["code"] == "GL001"
    assert diagnostic["message_id"] == "yaml.unclosed_flow"
    assert "not closed" in diagnostic["message"]
    assert code == 1


def test_unclosed_flow_sequence_points_at_the_bracket(tmp_path: Path) -> None:
    # "notes: [1, 2": notes=1-5, ':'=6, ' '=7, '['=8
    _, report = lint(tmp_path, VALID + "notes: [1, 2\n")
    diagnostic = only(report)
    assert where(diagnostic) == (11, 8)


def test_unknown_libyaml_error_falls_back_to_yaml_syntax_with_detail(tmp_path: Path) -> None:
    # A YAML 2.0 document: libyaml's words are shown, behind a frame in the user's language.
    code, report = lint(tmp_path, "%YAML 2.0\n---\n" + VALID)
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.syntax", 1, 1)
    assert diagnostic["message"] == "YAML syntax error: found incompatible YAML document"
    assert code == 1


def test_character_that_cannot_start_a_value(tmp_path: Path) -> None:
    # "project: @x": '@' at column 10
    code, report = lint(tmp_path, valid_with(PROJECT_LINE, "project: @x"))
    assert_syntax(only(report), "yaml.bad_character", 4, 10)
    assert code == 1


# --- tabs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("  - seq: 1", "\t- seq: 1", 7),
        (PROJECT_LINE, "\t" + PROJECT_LINE, 4),
        (NAME_LINE, "\tname: 移动服务平台年提供服务次数", 9),
    ],
    ids=["list-item", "top-level-key", "indicator-key"],
)
def test_tab_indentation(tmp_path: Path, old: str, new: str, line: int) -> None:
    code, report = lint(tmp_path, valid_with(old, new))
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.tab", line, 1)
    assert "tab character" in diagnostic["message"]
    assert code == 1


# --- duplicate keys ------------------------------------------------------------------------------


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID + "project: 另一个项目\n")  # line 11
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.duplicate_key", 11, 1)
    assert diagnostic["pointer"] == "/project"
    assert "`project`" in diagnostic["message"]
    assert "line 4" in diagnostic["message"]
    assert diagnostic["related"] == [{"line": 4, "column": 1}]
    assert code == 1


def test_duplicate_key_quoted_and_plain_are_the_same_key(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID + '"year": 2023\n')  # line 11
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.duplicate_key", 11, 1)
    assert diagnostic["pointer"] == "/year"
    assert "line 1" in diagnostic["message"]
    assert diagnostic["related"] == [{"line": 1, "column": 1}]
    assert code == 1


def test_duplicate_key_inside_an_indicator(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID + "    target: 1300万\n")  # line 11, key at column 5
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.duplicate_key", 11, 5)
    assert diagnostic["pointer"] == "/indicators/0/target"
    assert "`target`" in diagnostic["message"]
    assert "line 10" in diagnostic["message"]
    assert diagnostic["related"] == [{"line": 10, "column": 5}]
    assert code == 1


def test_duplicate_key_keeps_the_first_value(tmp_path: Path) -> None:
    goal_file = read_goal_file(str(write(tmp_path / "goal.yaml", VALID + "    target: 1300万\n")))
    assert [problem.message_id for problem in goal_file.problems] == ["yaml.duplicate_key"]
    assert not goal_file.readable


# --- anchors and aliases -------------------------------------------------------------------------


def test_anchor_and_alias_are_reported_where_they_stand(tmp_path: Path) -> None:
    content = valid_with("department: 广州市政务服务数据管理局", "department: &dept 广州市政务服务数据管理局").replace(
        "budget_unit: 广州市政务服务数据管理局", "budget_unit: *dept"
    )
    code, report = lint(tmp_path, content)
    anchor, alias = report["diagnostics"]
    # "department: &dept": department=1-10, ':'=11, ' '=12, '&'=13
    assert_syntax(anchor, "yaml.anchor", 2, 13)
    assert "&dept" in anchor["message"]
    # "budget_unit: *dept": budget_unit=1-11, ':'=12, ' '=13, '*'=14
    assert_syntax(alias, "yaml.alias", 3, 14)
    assert "*dept" in alias["message"]
    assert code == 1


def test_alias_as_key_is_reported_once_as_an_alias(tmp_path: Path) -> None:
    _code, report = lint(tmp_path, "a: &x k\n*x : v\n")
    assert [(d["message_id"], where(d)) for d in report["diagnostics"]] == [
        ("yaml.anchor", (1, 4)),
        ("yaml.alias", (2, 1)),
    ]


def billion_laughs() -> str:
    """Ten anchored lists: `a` holds 9 strings, each next one 9 aliases of the one before.

    Expanded, `j` alone would hold 9**10 (about 3.5 billion) strings.
    """
    names = "abcdefghij"
    lines = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_finishes_fast_and_reports_aliases_unexpanded(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.yaml", billion_laughs())
    started = time.perf_counter()
    code, report = run(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    ids = [d["message_id"] for d in report["diagnostics"]]
    assert ids.count("yaml.anchor") == 10
    assert ids.count("yaml.alias") == 81
    assert set(ids) == {"yaml.anchor", "yaml.alias"}
    first_alias = next(d for d in report["diagnostics"] if d["message_id"] == "yaml.alias")
    # line 2 "b: &b [*a, ...": 'b'=1, ':'=2, ' '=3, '&'=4, 'b'=5, ' '=6, '['=7, '*'=8
    assert where(first_alias) == (2, 8)
    assert "*a" in first_alias["message"]
    assert code == 1


def test_alias_bomb_is_not_expanded_by_the_loader(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.yaml", billion_laughs())
    started = time.perf_counter()
    goal_file = read_goal_file(str(path))
    assert time.perf_counter() - started < 2.0
    assert not goal_file.readable
    assert len(goal_file.problems) == 91  # 10 anchors, 81 aliases
    # Each alias stands for nothing: no list grows beyond the 9 items written.
    assert goal_file.data["a"] == ["lol"] * 9
    assert goal_file.data["j"] == [None] * 9


# --- tags ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object:os.system 广州", "!!python/object:os.system"),
        ("!foo 广州", "!foo"),
        ("!!int 2022", "!!int"),
    ],
)
def test_tags_are_refused(tmp_path: Path, value: str, tag: str) -> None:
    # "project: !…": the tag starts at column 10
    code, report = lint(tmp_path, valid_with(PROJECT_LINE, f"project: {value}"))
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.tag", 4, 10)
    assert f"the tag {tag} is not allowed" in diagnostic["message"]
    assert code == 1


def test_python_apply_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "SOMEFILE"
    content = valid_with(PROJECT_LINE, f'project: !!python/object/apply:os.system ["touch {marker}"]')
    path = write(tmp_path / "goal.yaml", content)
    code, report = run(path)
    goal_file = read_goal_file(str(path))
    assert not marker.exists()
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.tag", 4, 10)
    assert "!!python/object/apply:os.system" in diagnostic["message"]
    assert [problem.message_id for problem in goal_file.problems] == ["yaml.tag"]
    assert code == 1


def test_str_tag_is_accepted_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "goal.yaml", valid_with(NAME_LINE, "    name: !!str 010"))
    code, report = run(path)
    assert_clean(code, report)
    assert read_goal_file(str(path)).data["indicators"][0]["name"] == "010"


# --- documents -----------------------------------------------------------------------------------


def test_second_document_is_reported_at_its_separator(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID + "---\nyear: 2023\n")  # '---' on line 11
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.multiple_documents", 11, 1)
    assert "second YAML document" in diagnostic["message"]
    assert code == 1


def test_second_document_after_an_explicit_first_one(tmp_path: Path) -> None:
    code, report = lint(tmp_path, "---\n" + VALID + "---\nyear: 2023\n")  # second '---' on line 12
    assert_syntax(only(report), "yaml.multiple_documents", 12, 1)
    assert code == 1


def test_single_document_starting_with_separator_is_clean(tmp_path: Path) -> None:
    code, report = lint(tmp_path, "---\n" + VALID)
    assert_clean(code, report)


# --- empty files and the top level ---------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["", "# 只有注释\n# comments only\n", "\n\n   \n"],
    ids=["empty", "comments-only", "blank-lines"],
)
def test_empty_file(tmp_path: Path, content: str) -> None:
    code, report = lint(tmp_path, content)
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.empty", 1, 1)
    assert "file is empty" in diagnostic["message"]
    assert code == 1


@pytest.mark.parametrize(
    ("content", "found"),
    [
        ("- year: 2022\n- project: 广州\n", "found a list"),
        ("广州移动政务服务平台建设\n", "found text"),
        ("2022\n", "found an integer"),
        ("true\n", "found a boolean"),
    ],
    ids=["list", "text", "integer", "boolean"],
)
def test_top_level_not_a_mapping(tmp_path: Path, content: str, found: str) -> None:
    code, report = lint(tmp_path, content)
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.top_not_mapping", 1, 1)
    assert found in diagnostic["message"]
    assert code == 1


def test_top_level_null_is_not_a_mapping(tmp_path: Path) -> None:
    _code, report = lint(tmp_path, "~\n")
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.top_not_mapping", 1, 1)
    assert "found nothing (null)" in diagnostic["message"]


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_file_suggests_iconv(tmp_path: Path, encoding: str) -> None:
    # The first non-ASCII character is 广 on line 2: department=1-10, ':'=11, ' '=12, 广=13
    code, report = lint(tmp_path, VALID.encode(encoding))
    diagnostic = only(report)
    assert_syntax(diagnostic, "encoding.gb18030", 2, 13)
    assert "iconv -f GB18030" in diagnostic["message"]
    assert "GBK" in diagnostic["message"]
    assert code == 1


def test_gbk_after_utf8_text_is_located_in_characters(tmp_path: Path) -> None:
    # Lines 1-9 are UTF-8; line 10 holds a GBK-encoded 万 after "    target: 1200" (16 chars).
    # The file as a whole is not GB18030, so converting it with iconv would be wrong.
    content = VALID.encode("utf-8").replace("1200万".encode(), "1200万".encode("gbk"))
    code, report = lint(tmp_path, content)
    assert_syntax(only(report), "encoding.not_utf8", 10, 17)
    assert code == 1


def test_random_invalid_bytes_are_not_utf8(tmp_path: Path) -> None:
    # "project: ab\xff…": project=1-7, ':'=8, ' '=9, 'a'=10, 'b'=11, first bad byte=12
    code, report = lint(tmp_path, b"year: 2022\nproject: ab\xff\xfe\xfdcd\n")
    diagnostic = only(report)
    assert_syntax(diagnostic, "encoding.not_utf8", 2, 12)
    assert "not valid UTF-8" in diagnostic["message"]
    assert "iconv" not in diagnostic["message"]
    assert code == 1


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        # the BOM is no character: "project: ab" is 11 characters, the bad byte is column 12
        (b"\xef\xbb\xbfproject: ab\xff\xfe\xfdcd\n", 1, 12),
        (b"\xef\xbb\xbfa: b\n\xff: c\n", 2, 1),
    ],
    ids=["same-line", "next-line"],
)
def test_invalid_bytes_after_a_bom_are_located_without_the_bom(
    tmp_path: Path, content: bytes, line: int, column: int
) -> None:
    code, report = lint(tmp_path, content)
    assert_syntax(only(report), "encoding.not_utf8", line, column)
    assert code == 1


def test_utf8_bom_is_clean(tmp_path: Path) -> None:
    path = write(tmp_path / "goal.yaml", b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    code, report = run(path)
    assert_clean(code, report)
    assert read_goal_file(str(path)).data["year"] == 2022  # the key is `year`, not "\ufeffyear"


@pytest.mark.parametrize(
    "content",
    [
        VALID.encode("utf-16"),
        "\ufeff".encode("utf-16-le") + VALID.encode("utf-16-le"),
        "\ufeff".encode("utf-16-be") + VALID.encode("utf-16-be"),
    ],
    ids=["native", "le", "be"],
)
def test_utf16_with_bom(tmp_path: Path, content: bytes) -> None:
    code, report = lint(tmp_path, content)
    diagnostic = only(report)
    assert_syntax(diagnostic, "encoding.utf16", 1, 1)
    assert "UTF-16" in diagnostic["message"]
    assert code == 1


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        # "year: 20\0": year=1-4, ':'=5, ' '=6, '2'=7, '0'=8, NUL=9
        (b"year: 20\x0022\n", 1, 9),
        # "department: 广州\0": department=1-10, ':'=11, ' '=12, 广=13, 州=14, NUL=15
        ("year: 2022\ndepartment: 广州\x00\n".encode(), 2, 15),
    ],
    ids=["ascii", "after-chinese"],
)
def test_nul_byte(tmp_path: Path, content: bytes, line: int, column: int) -> None:
    code, report = lint(tmp_path, content)
    diagnostic = only(report)
    assert_syntax(diagnostic, "encoding.nul", line, column)
    assert "NUL byte" in diagnostic["message"]
    assert code == 1


def test_nul_byte_after_a_bom(tmp_path: Path) -> None:
    # BOM + "year: 2\0": year=1-4, ':'=5, ' '=6, '2'=7, NUL=8
    _, report = lint(tmp_path, b"\xef\xbb\xbfyear: 2\x00022\n")
    assert_syntax(only(report), "encoding.nul", 1, 8)


@pytest.mark.parametrize(
    ("content", "line", "column"),
    [
        # ASCII only: "project: ab\x07c": project=1-7, ':'=8, ' '=9, a=10, b=11, BEL=12
        ("year: 2022\nproject: ab\x07c\n", 2, 12),
        pytest.param(
            # "project: 广州移动\x07政务": 广=10 州=11 移=12 动=13, BEL=14
            valid_with(PROJECT_LINE, "project: 广州移动\x07政务"),
            4,
            14,
            id="after-chinese",
        ),
    ],
    ids=["ascii", "after-chinese"],
)
def test_control_character(tmp_path: Path, content: str, line: int, column: int) -> None:
    code, report = lint(tmp_path, content)
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.control_character", line, column)
    assert "U+0007" in diagnostic["message"]
    assert code == 1


# --- size cap ------------------------------------------------------------------------------------


def test_max_file_size_option(tmp_path: Path) -> None:
    code, report = lint(tmp_path, VALID, args=("--max-file-size", "100"))  # VALID is > 100 bytes
    diagnostic = only(report)
    assert_syntax(diagnostic, "file.too_large", 1, 1)
    assert "100 B limit" in diagnostic["message"]
    assert "max-file-size" in diagnostic["message"]
    assert code == 1


def test_max_file_size_is_inclusive(tmp_path: Path) -> None:
    size = len(VALID.encode("utf-8"))
    path = write(tmp_path / "goal.yaml", VALID)
    assert_clean(*run(path, args=("--max-file-size", str(size))))
    code, report = run(path, args=("--max-file-size", str(size - 1)))
    assert only(report)["message_id"] == "file.too_large"
    assert code == 1


def padded_valid(size: int) -> str:
    """VALID followed by comment lines, exactly ``size`` bytes long."""
    head = VALID.encode("utf-8")
    filler = size - len(head)
    assert filler >= 2
    lines, rest = divmod(filler, 64)
    text = VALID + ("#" + "x" * 62 + "\n") * lines
    if rest:
        text += "#" * (rest - 1) + "\n"
    assert len(text.encode("utf-8")) == size
    return text


def test_max_file_size_from_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    write(project / ".goals-lint.toml", 'max-file-size = "1KiB"\n')
    monkeypatch.chdir(project)
    big = write(project / "big.yaml", padded_valid(1025))
    fits = write(project / "fits.yaml", padded_valid(1024))
    code, report = run(big, fits)
    diagnostic = only(report)
    assert diagnostic["path"] == str(big)
    assert_syntax(diagnostic, "file.too_large", 1, 1)
    assert "1 KiB limit" in diagnostic["message"]
    assert report["files_checked"] == 2
    assert code == 1


def test_default_cap_reports_a_1_5_mib_file(tmp_path: Path) -> None:
    code, report = lint(tmp_path, padded_valid(1024 * 1024 * 3 // 2))
    diagnostic = only(report)
    assert_syntax(diagnostic, "file.too_large", 1, 1)
    assert "1 MiB limit" in diagnostic["message"]
    assert code == 1


@pytest.mark.parametrize("size", [int(1024 * 1024 * 0.9), 1024 * 1024], ids=["0.9MiB", "1MiB"])
def test_default_cap_accepts_smaller_files(tmp_path: Path, size: int) -> None:
    code, report = lint(tmp_path, padded_valid(size))
    assert_clean(code, report)


def test_default_cap_rejects_one_byte_over(tmp_path: Path) -> None:
    code, report = lint(tmp_path, padded_valid(1024 * 1024 + 1))
    assert only(report)["message_id"] == "file.too_large"
    assert code == 1


# --- unreadable files ----------------------------------------------------------------------------


def test_broken_symlink_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "goals"
    valid = write(folder / "a_valid.yaml", VALID)
    link = folder / "b_gone.yaml"
    link.symlink_to(folder / "missing-target.yaml")
    code, report = run(folder)
    diagnostic = only(report)
    assert diagnostic["path"] == str(link)
    assert diagnostic["code"] == "GL003"
    assert diagnostic["rule"] == "unreadable-file"
    assert diagnostic["message_id"] == "file.broken_link"
    assert where(diagnostic) == (1, 1)
    assert "missing-target.yaml" in diagnostic["message"]
    assert "does not exist" in diagnostic["message"]
    assert report["files_checked"] == 2
    assert all(d["path"] != str(valid) for d in report["diagnostics"])
    assert code == 1


def _run_as_nobody(folder: Path) -> tuple[int, dict[str, Any]]:
    """Root reads any file, so a mode-000 file is only unreadable to another user.

    The run happens in a forked child that becomes `nobody` after everything it needs is
    imported: no interpreter or virtualenv has to be within nobody's reach (under /root
    they are not), so the test runs wherever the suite runs as root, CI included.
    """
    import jsonschema  # noqa: F401  # what the run may load lazily, loaded while still root

    import validator.suppressions  # noqa: F401

    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.chdir(folder)
            out, err = io.StringIO(), io.StringIO()
            code = main([str(folder), "--select", "GL0", "--format", "json", "--lang", "en"], out=out, err=err)
            with os.fdopen(write_end, "w", encoding="utf-8") as pipe:
                json.dump([code, out.getvalue(), err.getvalue()], pipe)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:
        reported = pipe.read()
    _, status = os.waitpid(child, 0)
    assert status == 0 and reported, "the run as nobody failed"
    code, out, err = json.loads(reported)
    assert err == ""
    return code, json.loads(out)


def test_permission_denied_in_a_folder(tmp_path: Path) -> None:
    as_root = os.geteuid() == 0
    # As root the run happens as `nobody`, who must be able to reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="goals-lint-perm-")) if as_root else tmp_path / "goals"
    folder.chmod(0o755)
    write(folder / "a_valid.yaml", VALID)
    locked = write(folder / "b_locked.yaml", VALID)
    syntax = write(folder / "c_syntax.yaml", valid_with(PROJECT_LINE, "project: a: b"))
    locked.chmod(0)
    try:
        code, report = _run_as_nobody(folder) if as_root else run(folder)
    finally:
        locked.chmod(0o644)
        if as_root:
            shutil.rmtree(folder)
    first, second = report["diagnostics"]
    assert first["path"] == str(locked)
    assert first["code"] == "GL003"
    assert first["message_id"] == "file.permission_denied"
    assert where(first) == (1, 1)
    assert "permission denied" in first["message"]
    assert second["path"] == str(syntax)
    assert_syntax(second, "yaml.colon_in_value", 4, 11)
    assert report["files_checked"] == 3
    assert code == 1


# --- one bad file never stops the others ---------------------------------------------------------


def test_bad_files_do_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "goals"
    syntax = write(folder / "a_syntax.yaml", valid_with(PROJECT_LINE, "project: a: b"))
    gbk = write(folder / "b_gbk.yaml", VALID.encode("gbk"))
    valid = write(folder / "c_valid.yaml", VALID)
    code, report = run(folder)
    first, second = report["diagnostics"]
    assert first["path"] == str(syntax)
    assert_syntax(first, "yaml.colon_in_value", 4, 11)
    assert second["path"] == str(gbk)
    assert_syntax(second, "encoding.gb18030", 2, 13)
    assert all(d["path"] != str(valid) for d in report["diagnostics"])
    assert report["files_checked"] == 3
    assert report["summary"]["files_with_problems"] == 2
    assert report["summary"]["errors"] == 2
    assert code == 1


# --- a file that does not read cleanly gets no schema diagnostics --------------------------------


@pytest.mark.parametrize(
    ("content", "message_id"),
    [
        # duplicate `year`, and nothing else the schema requires
        ("year: 2022\nyear: 2023\n", "yaml.duplicate_key"),
        # an alias leaves budget_unit without text; an unknown field on top
        (
            valid_with("department: 广州市政务服务数据管理局", "department: &d 广州市政务服务数据管理局").replace(
                "budget_unit: 广州市政务服务数据管理局", "budget_unit: *d"
            )
            + "unknown_field: x\n",
            "yaml.anchor",
        ),
        # a tag on seq, a category the schema does not know
        (valid_with("  - seq: 1", "  - seq: !!int 1").replace("效益指标", "不存在的指标"), "yaml.tag"),
        # a control character in a file that misses every required field
        ("title: a\x07b\n", "yaml.control_character"),
    ],
    ids=["duplicate-key", "anchor-alias", "tag", "control-character"],
)
def test_no_schema_diagnostics_for_a_file_with_a_syntax_problem(tmp_path: Path, content: str, message_id: str) -> None:
    code, report = lint(tmp_path, content)
    codes = {d["code"] for d in report["diagnostics"]}
    assert codes == {"GL001"}
    assert message_id in {d["message_id"] for d in report["diagnostics"]}
    assert code == 1


def test_schema_is_checked_when_the_file_reads_cleanly(tmp_path: Path) -> None:
    # the counterpart of the test above: the same missing fields without a syntax problem
    code, report = lint(tmp_path, "year: 2022\n")
    assert report["diagnostics"]
    assert {d["code"] for d in report["diagnostics"]} == {"GL002"}
    assert code == 1


def test_permission_denied_is_reported_even_where_the_os_would_allow_it(tmp_path, monkeypatch):
    """The same report without depending on who runs the tests: open() refuses one file."""
    import builtins

    folder = tmp_path / "goals"
    write(folder / "a_valid.yaml", VALID)
    locked = write(folder / "b_locked.yaml", VALID)

    def refusing_open(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr("validator.loader.files.open", refusing_open, raising=False)
    code, report = run(folder)
    (diagnostic,) = report["diagnostics"]
    assert diagnostic["path"] == str(locked)
    assert (diagnostic["code"], diagnostic["rule"]) == ("GL003", "unreadable-file")
    assert diagnostic["message"] == "cannot read: permission denied"
    assert where(diagnostic) == (1, 1)
    assert report["files_checked"] == 2
    assert code == 1


# --- nesting, line endings ---------------------------------------------------------------------


def test_deep_nesting_is_refused_before_it_reaches_the_schema_check(tmp_path: Path) -> None:
    # 40 nested flow lists under `notes:` (line 11). The file's mapping is level 1, so the
    # 32nd `[` would open level 33; the first `[` is at column 8, the 32nd at 8 + 31 = 39.
    code, report = lint(tmp_path, VALID + "notes: " + "[" * 40 + "]" * 40 + "\n")
    diagnostic = only(report)
    assert_syntax(diagnostic, "yaml.too_deep", 11, 39)
    assert diagnostic["message"].startswith("nested too deeply (more than 32 levels)")
    assert code == 1


def test_libyaml_depth_limit_gets_the_same_message(tmp_path: Path) -> None:
    code, report = lint(tmp_path, "notes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert only(report)["message_id"] == "yaml.too_deep"
    assert code == 1


def test_crlf_line_endings_keep_lines_and_columns(tmp_path: Path) -> None:
    text = valid_with(NAME_LINE, "    nmae: 移动服务平台年提供服务次数").replace("\n", "\r\n")
    code, report = lint(tmp_path, text.encode("utf-8"))
    diagnostic = only(report)
    assert where(diagnostic) == (9, 5)
    assert diagnostic["message_id"] == "schema.unknown_field_suggest"
    assert code == 1


def test_escaped_control_characters_and_bidi_overrides_in_text(tmp_path: Path) -> None:
    code, report = lint(tmp_path, valid_with(PROJECT_LINE, 'project: "广州\\x01移动"'))
    assert_syntax(only(report), "yaml.invisible_character", 4, 10)
    assert only(report)["message"].startswith("the text contains the invisible control character U+0001")
    code, report = lint(tmp_path, valid_with(PROJECT_LINE, "project: 广州\u202e移动"))
    assert only(report)["message_id"] == "yaml.invisible_character"
    assert code == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_reported_not_read(tmp_path: Path) -> None:
    """Opening a FIFO blocks until someone writes to it: the run must not hang."""
    write(tmp_path / "goals" / "a.yaml", VALID)
    os.mkfifo(tmp_path / "goals" / "pipe.yaml")
    code, report = run(tmp_path / "goals")
    assert [(Path(d["path"]).name, d["rule"], d["message"]) for d in report["diagnostics"]] == [
        ("pipe.yaml", "unreadable-file", "cannot read: this is not a regular file (a pipe or a device)")
    ]
    assert code == 1


def test_an_absurd_max_file_size_is_a_usage_error(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [str(write(tmp_path / "a.yaml", VALID)), "--max-file-size", "99999999999999999999999GiB"], out=out, err=err
    )
    assert code == 2
    assert "internal error" not in err.getvalue()


@pytest.mark.parametrize(
    ("line", "message_id", "where"),
    [
        ("project: *", "yaml.bad_name", (4, 11)),
        ('project: "\\ud800"', "yaml.bad_escape", (4, 13)),
        ("project: !x!y 平台", "yaml.bad_tag", (4, 10)),
        ("project: >x", "yaml.block_scalar_header", (4, 11)),
    ],
)
def test_rarer_libyaml_errors_have_their_own_messages(
    tmp_path: Path, line: str, message_id: str, where: tuple[int, int]
) -> None:
    """No libyaml English in a Chinese report: each of these has a message of its own."""
    code, report = lint(tmp_path, valid_with(PROJECT_LINE, line))
    assert_syntax(only(report), message_id, *where)
    assert code == 1


def test_content_after_the_document_end_marker(tmp_path: Path) -> None:
    _code, report = lint(tmp_path, VALID + "...\nnotes: 备注\n")
    assert_syntax(only(report), "yaml.after_document_end", 12, 1)


def test_a_symbolic_link_loop_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "goals"
    folder.mkdir()
    os.symlink("b.yaml", folder / "a.yaml")
    os.symlink("a.yaml", folder / "b.yaml")
    code, report = run(folder)
    assert [(Path(d["path"]).name, d["rule"], d["message_id"]) for d in report["diagnostics"]] == [
        ("a.yaml", "unreadable-file", "file.link_loop"),
        ("b.yaml", "unreadable-file", "file.link_loop"),
    ]
    assert code == 1


def test_a_file_gone_before_it_is_read(tmp_path: Path) -> None:
    from validator.loader import read_goal_file

    goal_file = read_goal_file(str(tmp_path / "gone.yaml"))
    assert [problem.message_id for problem in goal_file.problems] == ["file.vanished"]
