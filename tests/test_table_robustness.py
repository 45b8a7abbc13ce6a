"""`goals-lint import` and `export` on what users really have: other encodings, control
characters, spreadsheet errors, missing folders, YAML 1.1 readers, odd years."""

from __future__ import annotations

import errno
import os
import random
import shutil
from pathlib import Path

import pytest
import yaml
from support import VALID_GOAL, run

from validator.loader import read_goal_file
from validator.table.export import unexportable
from validator.table.writer import goal_file_text

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "000_11d3bda62f573b8b.txt"

WIDE_HEADER = "主管部门,预算单位,项目名称,绩效目标,绩效指标"
TEXT_TABLE = """\
广州市某局 2023 年项目支出绩效目标表

主管部门 预算单位 项目名称 绩效目标 绩效指标

广州市某局

广州市某中心

某系统运维

项目

保障系统稳定运行，提升服务水平，全面推进数字政府建设，为群众

提供便捷服务。

1、产出指标：巡检次数，年度指标值：12次。2、效益指标：系统可用率，年度指标值：99%。
"""


def csv_with(*rows: str, title: str = "广州市某局 2023 年项目支出绩效目标表") -> str:
    return "\n".join([title, WIDE_HEADER, *rows]) + "\n"


def good_row(project: str = "项目甲") -> str:
    return f"某局,某中心,{project},目标。,1、产出指标：数量，年度指标值：3个。"


@pytest.fixture
def zh_locale(monkeypatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


@pytest.fixture
def en_locale(monkeypatch):
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# --- 1. text in GB18030 (Notepad on Chinese Windows), and bytes that are no text ---


def test_a_gbk_seed_imports_exactly_like_the_utf8_one(tmp_path, en_locale):
    if not SEED.is_file():
        pytest.skip("the seed table is not in tests/data/")
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / "schemas" / "goal.schema.json", tmp_path / "schemas")
    source = tmp_path / "gbk.txt"
    source.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    out = tmp_path / "goals" / "2022"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert result.err == f"{source}: the file is not UTF-8; read it as GB18030 (the default of Chinese Windows)\n"
    committed = REPO / "goals" / "2022"
    assert sorted(path.name for path in out.iterdir()) == sorted(path.name for path in committed.iterdir())
    for path in out.iterdir():
        assert path.read_bytes() == (committed / path.name).read_bytes(), path.name


def test_the_gb18030_note_is_chinese_in_a_chinese_locale(tmp_path, zh_locale):
    source = tmp_path / "gbk.txt"
    source.write_bytes(TEXT_TABLE.encode("gbk"))
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 0, result.err
    assert result.err == f"{source}: 文件不是 UTF-8 编码，已按 GB18030（中文 Windows 的默认编码）读取\n"
    assert result.out.splitlines()[-1] == f"已从 {source} 导入 1 个项目到 {tmp_path / 'out'}"


@pytest.mark.parametrize("name", ["table.txt", "table.csv"])
def test_bytes_that_are_neither_utf8_nor_gb18030_are_a_clear_error(tmp_path, en_locale, name):
    source = tmp_path / name
    text = TEXT_TABLE if name.endswith(".txt") else csv_with(good_row())
    source.write_bytes(text.encode("utf-8").replace("主管部门".encode(), b"\xff\xfe", 1))
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    line = 3 if name.endswith(".txt") else 2
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"goals-lint: error: {source} is neither UTF-8 nor GB18030 text (byte 0xFF on line {line}); save it as UTF-8\n"
    )
    zh = run("import", str(source), "--out", str(tmp_path / "out"), "--lang", "zh")
    assert zh.err == (
        f"goals-lint: 错误：{source} 既不是 UTF-8 也不是 GB18030 编码的文本"
        f"（第 {line} 行的字节 0xFF）；请另存为 UTF-8\n"
    )
    assert not (tmp_path / "out").exists()


# --- 2. control characters: never into a goal file, never into a table ---


def test_import_reports_control_characters_at_their_cells(tmp_path, en_locale):
    source = tmp_path / "table.csv"
    source.write_text(
        csv_with(
            good_row("项目\x00甲"),
            "某局,某中心,项目乙,目标\u202e。,1、产出指标：数量，年度指标值：3\x9b个。",
            good_row("项目丙\t带制表符"),
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 1
    here = "the source holds the invisible control character {} here; remove it and import again"
    assert result.err.splitlines() == [
        f"{source}:C3: " + here.format("U+0000"),
        f"{source}:D4: " + here.format("U+202E"),
        f"{source}:E4: " + here.format("U+009B"),
    ]
    assert (
        result.out == "3 places in the source could not be read; no file was written, fix the source and import again\n"
    )
    assert not out.exists()


def test_import_reports_control_characters_in_tall_rows(tmp_path, en_locale):
    source = tmp_path / "tall.csv"
    source.write_text(
        "主管部门,预算单位,项目名称,绩效目标,一级指标,三级指标,指标值\n"
        "某局,某中心,项目,目标。,产出指标,数量,3个\n"
        ",,,,,质\x1b量,合格\n",
        encoding="utf-8",
    )
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023", "--lang", "zh")
    assert result.code == 1
    assert result.err == f"{source}:F3: 此处含有不可见的控制字符 U+001B；请在源表中删除它后重新导入\n"
    assert not (tmp_path / "out").exists()


def test_import_reports_a_bidi_override_in_xlsx(tmp_path, en_locale):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (
        ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
        ["某局", "某中心", "项目\u202e甲", "目标。", "1、产出指标：数量，年度指标值：3个。"],
    ):
        sheet.append(row)
    source = tmp_path / "wide.xlsx"
    workbook.save(source)
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    assert result.err == (
        f"{source}:Sheet!C2: the source holds the invisible control character U+202E here; remove it and import again\n"
    )
    assert not (tmp_path / "out").exists()


def test_text_import_reports_the_line_and_never_prints_the_control_character(tmp_path, en_locale):
    source = tmp_path / "table.txt"
    source.write_text(TEXT_TABLE.replace("2、效益指标", "2、效\x1b[31m益指标"), encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{source}:17: the source holds the invisible control character U+001B here; remove it and import again",
        f"{source}:17: unknown category `效<U+001B>[31m益指标`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 "
        "(other regions' names such as 项目完成指标 are accepted too)",
    ]
    assert "\x1b" not in result.err + result.out


@pytest.mark.parametrize("to", ["xlsx", "csv", "md", "html"])
def test_export_skips_a_file_with_a_control_character_and_exits_1(tmp_path, en_locale, to):
    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / "a.yaml").write_text(
        VALID_GOAL.replace("project: 广州移动政务服务平台建设", 'project: "a\\x01b"'), encoding="utf-8"
    )
    (goals / "b.yaml").write_text(VALID_GOAL, encoding="utf-8")
    output = tmp_path / f"table.{to}"
    result = run("export", str(goals), "--output", str(output))
    assert result.code == 1
    assert result.out == f"exported 1 project to {output}\n"
    lines = result.err.splitlines()
    # Where, which field (the line of `project:`), which character; then that the file was left out.
    assert lines[0].startswith(f"{goals / 'a.yaml'}:4:10: ") and "U+0001" in lines[0]
    assert lines[1] == f"{goals / 'a.yaml'}: not exported because of the problems above"
    assert output.is_file()


def test_export_names_each_field_that_holds_a_control_character():
    goal = yaml.safe_load(VALID_GOAL)
    goal["objective"] = "目标\x00。"
    goal["indicators"][1]["target"] = "\u202e200项"
    goal["indicators"][1]["subcategory"] = "数量\x01指标"  # not in the table: not its business
    assert [tuple(problem[:3]) for problem in unexportable(goal)] == [
        ("/objective", "table.export_control_character", {"field": "objective", "code_point": "U+0000"}),
        ("/indicators/1/target", "table.export_control_character", {"field": "target", "code_point": "U+202E"}),
    ]
    goal = yaml.safe_load(VALID_GOAL)
    goal["objective"] = "多行\n目标\t。"  # line feed and tab are text
    assert list(unexportable(goal)) == []


# --- 3. folders that do not exist, files that cannot be written ---


@pytest.mark.parametrize("name", ["输出.xlsx", "输出.csv", "输出.html"])
def test_export_makes_the_output_folder(tmp_path, monkeypatch, en_locale, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")
    result = run("export", "a.yaml", "--output", f"新目录/下一层/{name}")
    assert (result.code, result.out) == (0, f"exported 1 project to 新目录/下一层/{name}\n")
    assert (tmp_path / "新目录" / "下一层" / name).is_file()


def test_export_that_cannot_write_says_where_and_why(tmp_path, monkeypatch, en_locale):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(VALID_GOAL.replace("    subcategory: 数量指标\n", ""), encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    for to in ("xlsx", "csv"):
        result = run("export", "a.yaml", "--output", f"file/table.{to}")
        assert (result.code, result.out) == (2, "")
        assert result.err == f"goals-lint: error: cannot write file/table.{to}: File exists\n"
    zh = run("export", "a.yaml", "--output", "file/sub/table.csv", "--lang", "zh")
    assert zh.err == "goals-lint: 错误：无法写入 file/sub/table.csv：Not a directory\n"


def test_import_that_cannot_make_out_says_where_and_why(tmp_path, monkeypatch, en_locale):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "table.csv").write_text(csv_with(good_row()), encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run("import", "table.csv", "--out", "file/out")
    assert (result.code, result.out) == (2, "")
    assert result.err == "goals-lint: error: cannot write file/out: Not a directory\n"
    if os.path.isdir("/proc/self"):
        proc = run("import", "table.csv", "--out", "/proc/foo")
        assert proc.code == 2
        assert proc.err.startswith("goals-lint: error: cannot write /proc/foo: ")


def test_import_that_fails_half_way_leaves_nothing_behind(tmp_path, monkeypatch, en_locale):
    source = tmp_path / "table.csv"
    source.write_text(csv_with(good_row("项目甲"), good_row("项目乙"), good_row("项目丙")), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "02-项目乙.yaml").write_text("edited\n", encoding="utf-8")
    written = []

    def fsync_until_the_disk_is_full(descriptor):
        written.append(descriptor)
        if len(written) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("validator.atomic.os.fsync", fsync_until_the_disk_is_full)
    result = run("import", str(source), "--out", str(out), "--force")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"goals-lint: error: cannot write {out}: No space left on device\n"
    assert [path.name for path in out.iterdir()] == ["02-项目乙.yaml"]  # no temporary files, no 01-
    assert (out / "02-项目乙.yaml").read_text(encoding="utf-8") == "edited\n"


def test_force_never_replaces_a_folder(tmp_path, en_locale):
    source = tmp_path / "table.csv"
    source.write_text(csv_with(good_row("项目甲"), good_row("项目乙")), encoding="utf-8")
    out = tmp_path / "out"
    (out / "02-项目乙.yaml").mkdir(parents=True)
    result = run("import", str(source), "--out", str(out), "--force")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"goals-lint: error: cannot write {out / '02-项目乙.yaml'}: Is a directory\n"
    assert [path.name for path in out.iterdir()] == ["02-项目乙.yaml"]


# --- 4. spreadsheet error values ---


def test_xlsx_error_cells_are_reported_not_imported(tmp_path, en_locale):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for row in (
        ["主管部门", "预算单位", "项目名称", "绩效目标", "一级指标", "三级指标", "指标值", "度量单位"],
        ["某局", "某中心", "项目", "目标。", "产出指标", "数量", "#DIV/0!", "个"],
        [None, None, None, None, "效益指标", "#N/A", "好", None],
        [None, None, None, None, "效益指标", "作用", "#VALUE!", None],
    ):
        sheet.append(row)
    assert sheet["G2"].data_type == "e"  # what Excel saves for a failed formula
    source = tmp_path / "errors.xlsx"
    workbook.save(source)
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    shows = "the cell shows the spreadsheet error `{}`, not data; fix the formula or enter the value in the source"
    assert result.err.splitlines() == [
        f"{source}:Sheet1!G2: " + shows.format("#DIV/0!"),
        f"{source}:Sheet1!F3: " + shows.format("#N/A"),
        f"{source}:Sheet1!G4: " + shows.format("#VALUE!"),
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])
def test_error_values_saved_into_csv_are_reported(tmp_path, en_locale, value):
    source = tmp_path / "table.csv"
    source.write_text(csv_with(f"某局,{value},项目,目标。,1、产出指标：数量，年度指标值：3个。"), encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--lang", "zh")
    assert result.code == 1
    assert (
        result.err
        == f"{source}:B3: 单元格显示的是电子表格错误值 `{value}`，不是数据；请在源表中修正公式或填入实际的值\n"
    )
    assert not (tmp_path / "out").exists()


# --- 5. goal files that YAML 1.1 (PyYAML) reads back as written ---

YAML_1_1_TRAPS = [
    "no",
    "No",
    "NO",
    "yes",
    "Yes",
    "on",
    "On",
    "off",
    "OFF",
    "y",
    "Y",
    "n",
    "N",
    "~",
    "null",
    "Null",
    "=",
    "<<",
    "1:50",
    "190:20:30",
    "190:20:30.15",
    "-1:30",
    "2023-12-31",
    "2023-12-31 12:00:00",
    "2023-1-5T1:02:03Z",
    "1_000",
    "0b101",
    "017",
    "0x1F",
    "+12",
    "-0",
    ".inf",
    "-.Inf",
    ".NaN",
    "1.",
    "1.5",
    ".5",
    "1.2.3",
    "6.8e+5",
    "1e3",
    "true",
    "False",
    "100",
    "010",
]


@pytest.mark.parametrize("text", YAML_1_1_TRAPS)
def test_strings_yaml_1_1_would_misread_are_quoted(text):
    data = {
        "year": 2022,
        "department": text,
        "budget_unit": "单位",
        "project": text,
        "objective": text,
        "indicators": [{"seq": 1, "category": "产出指标", "name": text, "target": text}],
    }
    written = goal_file_text(data)
    assert f"project: '{text}'\n" in written
    assert yaml.safe_load(written) == data


def test_ordinary_targets_stay_plain():
    data = {
        "project": "项目",
        "objective": "目标。",
        "indicators": [
            {"seq": 1, "category": "产出指标", "name": "比例", "target": target}
            for target in ("1:50比例", "≥95%", "12次", "2023年12月31日前", "100%", "1.5万元", "no more")
        ],
    }
    written = goal_file_text(data)
    assert "'" not in written and '"' not in written
    assert yaml.safe_load(written) == data


def test_random_strings_read_back_the_same_in_yaml_1_1_and_1_2(tmp_path):
    alphabet = (
        "0123456789" * 3
        + ".:-+_eExXbBoO~yYnN#'\" \t=<>!&*|,[]{}%@`?"
        + "abcinfINFnaNuoflsetrwTRUE"
        + "年月日个次%≥。：、"
    )
    chance = random.Random(20221231)
    data = {
        "year": 2022,
        "department": "部门",
        "budget_unit": "单位",
        "project": "项目",
        "objective": "目标",
        "indicators": [{"seq": 1, "category": "产出指标", "name": "名称", "target": "值"}],
    }
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(1, 8)))
        data["project"] = data["indicators"][0]["target"] = text
        written = goal_file_text(data)
        assert yaml.safe_load(written) == data, written
        path = tmp_path / "goal.yaml"
        path.write_text(written, encoding="utf-8")
        assert read_goal_file(str(path)).data == data, written


# --- 6. English singular and plural; the user's language ---


def test_one_of_everything_is_said_in_the_singular(tmp_path, en_locale):
    source = tmp_path / "table.csv"
    source.write_text(csv_with("某局,某中心,项目甲,目标。,1、项目完成指标：数量，年度指标值：3个。"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"imported 1 project from {source} into {out}"
    assert (
        result.err == f"{source}:E3: category `项目完成指标` written as the standard `产出指标` (1 time, first here)\n"
    )

    again = run("import", str(source), "--out", str(out))
    assert again.err == (
        f"goals-lint: error: the import would overwrite 1 goal file (the first: "
        f"{out / '01-项目甲.yaml'}); nothing was written, add --force to overwrite\n"
    )

    (tmp_path / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")
    export = run("export", str(tmp_path / "a.yaml"), "--output", str(tmp_path / "t.csv"))
    assert export.out == f"exported 1 project to {tmp_path / 't.csv'}\n"
    assert export.err == (
        f"{tmp_path / 't.csv'}: the published five-column table has no place for `subcategory`: left out of 1 file\n"
    )

    broken = tmp_path / "broken.csv"
    broken.write_text(csv_with("某局,,项目,目标。,1、产出指标：数量，年度指标值：3个。"), encoding="utf-8")
    failed = run("import", str(broken), "--out", str(tmp_path / "out2"))
    assert (
        failed.out == "1 place in the source could not be read; no file was written, fix the source and import again\n"
    )


def test_counts_follow_the_locale_in_chinese(tmp_path, zh_locale):
    source = tmp_path / "table.csv"
    rows = [f"某局,某中心,项目{n},目标。,1、项目完成指标：数量，年度指标值：3个。" for n in "甲乙"]
    source.write_text(csv_with(*rows), encoding="utf-8")
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"已从 {source} 导入 2 个项目到 {out}"
    assert result.err == f"{source}:E3: 一级指标 `项目完成指标` 已按标准名称写作 `产出指标`（共 2 处，首次出现于此）\n"
    again = run("import", str(source), "--out", str(out))
    assert again.err == (
        f"goals-lint: 错误：2 个目标文件已存在（如 {out / '01-项目甲.yaml'}），未写入任何文件；"
        "确认要覆盖时请加 --force\n"
    )
    export = run("export", str(out), "--output", str(tmp_path / "t.md"))
    assert export.out == f"已将 2 个项目导出到 {tmp_path / 't.md'}\n"


# --- 7. budget years a goal file may have ---


@pytest.mark.parametrize("year", ["99999999999999999999", "-5", "0", "1999", "2101"])
def test_a_year_the_linter_would_reject_is_a_usage_error(tmp_path, en_locale, year):
    source = tmp_path / "table.csv"
    source.write_text(csv_with(good_row()), encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", year)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"goals-lint: error: --year {year} is outside the budget years a goal file may have (2000–2100)\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_title_year_the_linter_would_reject_needs_year(tmp_path, en_locale):
    source = tmp_path / "table.csv"
    source.write_text(csv_with(good_row(), title="广州市某局 1999 年项目支出绩效目标表"), encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err == (
        f"goals-lint: error: {source}: the year 1999 in a title is outside the budget years a goal "
        "file may have (2000–2100); give the budget year with --year\n"
    )
    assert run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2100").code == 0
    assert read_goal_file(str(tmp_path / "out" / "01-项目甲.yaml")).data["year"] == 2100


def test_import_and_export_follow_the_configured_language(tmp_path, en_locale, monkeypatch):
    """Like linting: --lang, then `lang` in the configuration, then the locale."""
    (tmp_path / ".goals-lint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    (tmp_path / "table.csv").write_text(csv_with(good_row()), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    imported = run("import", "table.csv", "--out", "out")
    assert imported.code == 0
    assert imported.out.splitlines()[-1].startswith("已从 table.csv 导入")
    assert "imported" in run("import", "table.csv", "--out", "out2", "--lang", "en").out


def test_export_writes_through_a_symbolic_link(tmp_path, en_locale):
    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")
    (tmp_path / "published").mkdir()
    os.symlink(tmp_path / "published" / "table.csv", tmp_path / "link.csv")
    assert run("export", str(goals), "--to", "csv", "--output", str(tmp_path / "link.csv")).code == 0
    assert os.path.islink(tmp_path / "link.csv")
    assert "广州移动政务服务平台建设" in (tmp_path / "published" / "table.csv").read_text(encoding="utf-8-sig")
