"""Hand-made CSV and XLSX tables: both forms, other regions' names, malformed rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import run

from validator.loader import read_goal_file

WIDE_CSV = """\
广州市某局 2023 年项目支出绩效目标表,,,,
主管部门,预算单位,项目名称,绩效目标,绩效指标
广州市某局,广州市某中心,系统运维项目,保障系统稳定运行。,"1、项目完成指标：巡检次数，年度指标值：12次。
2、项目效益指标：系统可用率，年度指标值：≥99%。3、社会公众或服务对象满意度指标：用户满意度，年度指标值：≥90%。"
广州市某局,广州市某局,数据共享项目,"推进数据共享，
提升服务效率。",1、产出指标：共享目录数，年度指标值：100。2、效果指标：调用次数，年度指标值：不少于1万次。
"""

TALL_CSV = """\
主管部门,预算单位,项目名称,绩效目标,一级指标,二级指标,三级指标,指标值,度量单位
广州市某局,广州市某中心,系统运维项目,保障系统稳定运行。,产出指标,数量指标,巡检次数,12,次
,,,,,进度指标,完成时间,12月底前,
,,,,效益指标,环境效益指标,节约用纸,≥1000,张
,,,,满意度指标,服务对象满意度指标,用户满意度,95%,%
广州市某局,广州市某局,数据共享项目,推进数据共享。,效益指标,社会效益指标,调用次数,不少于1万次,
"""


def write(directory: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.write_text(text, encoding=encoding)
    return path


def goals_in(directory: Path) -> dict[str, dict]:
    return {path.name: read_goal_file(str(path)).data for path in sorted(directory.iterdir())}


def test_five_column_csv_with_other_regions_category_names(tmp_path):
    source = write(tmp_path, "table.csv", WIDE_CSV)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1] == f"imported 2 projects from {source} into {out}"
    assert result.err.splitlines() == [
        f"{source}:E3: category `项目完成指标` written as the standard `产出指标` (1 time, first here)",
        f"{source}:E3: category `项目效益指标` written as the standard `效益指标` (1 time, first here)",
        f"{source}:E3: category `社会公众或服务对象满意度指标` written as the standard `满意度指标` (1 time, first here)",
        f"{source}:E4: category `效果指标` written as the standard `效益指标` (1 time, first here)",
    ]
    goals = goals_in(out)
    assert list(goals) == ["01-系统运维项目.yaml", "02-数据共享项目.yaml"]
    first = goals["01-系统运维项目.yaml"]
    assert first["year"] == 2023
    assert first["indicators"] == [
        {"seq": 1, "category": "产出指标", "name": "巡检次数", "target": "12次"},
        {"seq": 2, "category": "效益指标", "name": "系统可用率", "target": "≥99%"},
        {"seq": 3, "category": "满意度指标", "name": "用户满意度", "target": "≥90%"},
    ]
    second = goals["02-数据共享项目.yaml"]
    assert second["objective"] == "推进数据共享，提升服务效率。"  # the break inside the cell is layout
    assert second["indicators"][0]["target"] == "100"
    # YAML would read a bare 100 as a number: the file quotes it.
    assert "    target: '100'\n" in (out / "02-数据共享项目.yaml").read_text(encoding="utf-8")


def test_tall_csv_one_row_per_indicator(tmp_path):
    source = write(tmp_path, "tall.csv", TALL_CSV)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out), "--year", "2024")
    assert result.code == 0, result.err
    assert (
        f"{source}:F3: second-level category `进度指标` written as the standard `时效指标` (1 time, first here)"
        in result.err
    )
    assert (
        (out / "01-系统运维项目.yaml").read_text(encoding="utf-8")
        == """\
year: 2024
department: 广州市某局
budget_unit: 广州市某中心
project: 系统运维项目
objective: >-
  保障系统稳定运行。
indicators:
  - seq: 1
    category: 产出指标
    subcategory: 数量指标
    name: 巡检次数
    target: 12次
  - seq: 2
    category: 产出指标
    subcategory: 时效指标
    name: 完成时间
    target: 12月底前
  - seq: 3
    category: 效益指标
    subcategory: 生态效益指标
    name: 节约用纸
    target: ≥1000张
  - seq: 4
    category: 满意度指标
    subcategory: 服务对象满意度指标
    name: 用户满意度
    target: 95%
"""
    )
    second = read_goal_file(str(out / "02-数据共享项目.yaml")).data
    assert second["indicators"] == [
        {"seq": 1, "category": "效益指标", "subcategory": "社会效益指标", "name": "调用次数", "target": "不少于1万次"}
    ]


def test_a_csv_saved_by_chinese_excel_is_read_as_gb18030(tmp_path):
    source = write(tmp_path, "gbk.csv", TALL_CSV, encoding="gb18030")
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2024")
    assert result.code == 0
    assert result.err.startswith(f"{source}: the file is not UTF-8; read it as GB18030")
    assert len(list((tmp_path / "out").iterdir())) == 2


def test_malformed_rows_are_reported_at_their_cells_and_nothing_is_written(tmp_path):
    source = write(
        tmp_path,
        "bad.csv",
        """\
主管部门,预算单位,项目名称,绩效目标,绩效指标
广州市某局,,缺单位的项目,目标。,1、产出指标：数量，年度指标值：1个。
广州市某局,广州市某中心,缺顿号的项目,目标。,1、产出指标：数量，年度指标值：1个。2产出指标：质量，年度指标值：合格。
广州市某局,广州市某中心,缺冒号的项目,目标。,1、产出指标数量，年度指标值：1个。
广州市某局,广州市某中心,未知类别的项目,目标。,1、过程指标：数量，年度指标值：1个。
广州市某局,广州市某中心,没有序号的项目,目标。,产出指标：数量，年度指标值：1个。
广州市某局,广州市某中心,短行
广州市某局,广州市某中心,好的项目,目标。,1、产出指标：数量，年度指标值：1个。
""",
    )
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out), "--year", "2023")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{source}:B2: the cell for `预算单位` is empty",
        f"{source}:E3: two indicators run together: `1、产出指标：数量，年度指标值：1个。2产出指标：质量，年度指标值：合格。`; "
        "the second one lacks its number or its `、`",
        f"{source}:E4: cannot read this indicator: `1、产出指标数量，年度指标值：1个。`; "
        "expected `N、category：name，年度指标值：target。`",
        f"{source}:E5: unknown category `过程指标`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 "
        "(other regions' names such as 项目完成指标 are accepted too)",
        f"{source}:E6: cannot read this indicator: `产出指标：数量，年度指标值：1个。`; "
        "expected `N、category：name，年度指标值：target。`",
        f"{source}:D7: the cell for `绩效目标` is empty",
        f"{source}:E7: the cell for `绩效指标` is empty",
    ]
    assert (
        result.out == "7 places in the source could not be read; no file was written, fix the source and import again\n"
    )
    assert not out.exists()


def test_problems_are_reported_in_chinese_too(tmp_path):
    source = write(
        tmp_path,
        "bad.csv",
        "主管部门,预算单位,项目名称,绩效目标,绩效指标\n某局,某中心,项目,目标。,1、过程指标：数量，年度指标值：1个。\n",
    )
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023", "--lang", "zh")
    assert result.code == 1
    assert result.err == (
        f"{source}:E2: 未知的一级指标 `过程指标`；应为产出指标、效益指标、满意度指标或成本指标"
        "（也接受其他地区的写法，如项目完成指标）\n"
    )
    assert result.out == "源表中有 1 处无法识别，未写入任何文件；请修正源表后重新导入\n"


def test_a_header_without_the_needed_columns_is_reported(tmp_path):
    source = write(
        tmp_path,
        "cols.csv",
        "附件2\n主管部门,项目名称,绩效目标,绩效指标\n某局,项目,目标。,1、产出指标：数量，年度指标值：1个。\n",
    )
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    assert result.err == f"{source}:A2: the header lacks these columns: 预算单位\n"


def test_tall_rows_with_an_unknown_subcategory_or_a_missing_value(tmp_path):
    source = write(
        tmp_path,
        "tall.csv",
        """\
主管部门,预算单位,项目名称,绩效目标,一级指标,二级指标,指标名称,指标值
某局,某中心,项目,目标。,产出指标,产量指标,数量,3个
,,,,效益指标,社会效益指标,作用,
,某中心,,,效益指标,社会效益指标,作用,好
""",
    )
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{source}:F2: unknown second-level category `产量指标`; expected one of the Ministry of Finance framework "
        "(such as 数量指标, 社会效益指标)",
        f"{source}:H3: the cell for `指标值` is empty",
        f"{source}:A4: the cell for `主管部门` is empty",
        f"{source}:C4: the cell for `项目名称` is empty",
        f"{source}:D4: the cell for `绩效目标` is empty",
    ]


HEADING_VARIANTS_CSV = """\
主管部门,预算单位,项目名称,绩效目标,一级指标,二级指标,三级指标,指标值
某局,某中心,造林项目,完成营造林。,产出指标（必填）,数量指标 (必填硬性指标),营造林面积（亩）,80000
,,,,,成本指标(必填硬性指标),项目总投入,≤6070万元
,,,,预期产出指标,数量指标(或建筑规模指标),结算项目数,3
,,,,效果指标,"社会、经济、生态效益 指标",结算争议率,0%
,,,,,经济效益指标（选填）,带动增收,≥10万元
,,,,服务对象满意度指标等,服务对象满意度指标等,群众满意度,≥95%
"""


def test_heading_variants_of_other_templates_are_mapped_and_reported(tmp_path):
    source = write(tmp_path, "variants.csv", HEADING_VARIANTS_CSV)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out), "--year", "2022")
    assert result.code == 0, result.err
    assert result.err.splitlines() == [
        f"{source}:E2: category `产出指标（必填）` written as the standard `产出指标` (1 time, first here)",
        f"{source}:F2: second-level category `数量指标(必填硬性指标)` written as the standard `数量指标` (1 time, first here)",
        f"{source}:F3: second-level category `成本指标(必填硬性指标)` written as the standard `成本指标` (1 time, first here)",
        f"{source}:E4: category `预期产出指标` written as the standard `产出指标` (1 time, first here)",
        f"{source}:F4: second-level category `数量指标(或建筑规模指标)` written as the standard `数量指标` (1 time, first here)",
        f"{source}:E5: category `效果指标` written as the standard `效益指标` (1 time, first here)",
        f"{source}:F5: second-level category `社会、经济、生态效益指标` names no one standard second level; "
        "its indicators are written without one (1 time, first here)",
        f"{source}:F6: second-level category `经济效益指标（选填）` written as the standard `经济效益指标` (1 time, first here)",
        f"{source}:E7: category `服务对象满意度指标等` written as the standard `满意度指标` (1 time, first here)",
        f"{source}:F7: second-level category `服务对象满意度指标等` written as the standard `服务对象满意度指标` "
        "(1 time, first here)",
    ]
    (goal,) = goals_in(out).values()
    assert [(i["category"], i.get("subcategory"), i["name"]) for i in goal["indicators"]] == [
        ("产出指标", "数量指标", "营造林面积（亩）"),
        ("产出指标", "成本指标", "项目总投入"),
        ("产出指标", "数量指标", "结算项目数"),
        ("效益指标", None, "结算争议率"),
        ("效益指标", "经济效益指标", "带动增收"),
        ("满意度指标", "服务对象满意度指标", "群众满意度"),
    ]
    # The written file is one the linter reads cleanly (a heading left out is no schema problem).
    assert run("--select", "schema", str(out)).code == 0

    chinese = run("import", str(source), "--out", str(tmp_path / "zh"), "--year", "2022", "--lang", "zh")
    assert (
        f"{source}:F5: 二级指标 `社会、经济、生态效益指标` 不对应唯一的标准二级指标，相应指标未填写二级指标（共 1 处，首次出现于此）"
        in chinese.err.splitlines()
    )


def test_an_annotation_nobody_listed_is_not_guessed(tmp_path):
    source = write(
        tmp_path,
        "tall.csv",
        """\
主管部门,预算单位,项目名称,绩效目标,一级指标,二级指标,三级指标,指标值
某局,某中心,项目,目标。,产出指标（建议）,数量指标,数量,3个
,,,,效益指标,社会效益指标（必填项）,作用,≥1项
""",
    )
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    assert result.err.splitlines()[:2] == [
        f"{source}:E2: unknown category `产出指标（建议）`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 "
        "(other regions' names such as 项目完成指标 are accepted too)",
        f"{source}:F3: unknown second-level category `社会效益指标（必填项）`; expected one of the Ministry of Finance "
        "framework (such as 数量指标, 社会效益指标)",
    ]


def test_a_table_without_a_year_needs_year(tmp_path):
    source = write(tmp_path, "tall.csv", TALL_CSV)
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 2
    assert result.err == (
        f"goals-lint: error: {source} has no year in a title (like `2022 年`); give the budget year with --year\n"
    )
    assert not (tmp_path / "out").exists()


# --- XLSX ---


def workbook_with(rows: list[list], merges: tuple[str, ...] = (), title: str = "Sheet1"):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    return workbook, sheet


def test_five_column_xlsx_with_merged_department_cells(tmp_path):
    workbook, _ = workbook_with(
        [
            ["广州市某局 2023 年项目支出绩效目标表", None, None, None, None],
            ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
            ["广州市某局", "广州市某中心", "项目甲", "目标甲。", "1、产出指标：数量，年度指标值：3个。"],
            [None, "广州市某中心", "项目乙", "目标乙。", "1、满意度指标：满意度，年度指标值：≥90%。"],
        ],
        merges=("A1:E1", "A3:A4"),
    )
    source = tmp_path / "table.xlsx"
    workbook.save(source)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    goals = goals_in(out)
    assert [goal["department"] for goal in goals.values()] == ["广州市某局", "广州市某局"]
    assert goals["02-项目乙.yaml"]["indicators"] == [
        {"seq": 1, "category": "满意度指标", "name": "满意度", "target": "≥90%"}
    ]


def test_tall_xlsx_numbers_are_read_as_shown(tmp_path):
    workbook, sheet = workbook_with(
        [
            ["主管部门", "预算单位", "项目名称", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "度量单位"],
            ["某局", "某中心", "项目", "目标。", "产出指标", "数量指标", "数量", 3, "个"],
            [None, None, None, None, "产出指标", "质量指标", "合格率", 0.95, None],
            [None, None, None, None, "效益指标", "经济效益指标", "节约资金", 148.75, "万元"],
            [None, None, None, None, "满意度指标", "服务对象满意度指标", "满意度", 95, "%"],
        ],
        title="绩效 目标",
    )
    sheet["H3"].number_format = "0%"
    source = tmp_path / "tall.xlsx"
    workbook.save(source)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out), "--year", "2023")
    assert result.code == 0, result.err
    indicators = goals_in(out)["01-项目.yaml"]["indicators"]
    assert [item["target"] for item in indicators] == ["3个", "95%", "148.75万元", "95%"]


def test_xlsx_problems_name_the_sheet_and_cell(tmp_path):
    workbook, _ = workbook_with(
        [
            ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"],
            ["某局", "某中心", "项目", "目标。", "1、产出指标：数量，年度指标值：3个。"],
            ["某局", "某中心", "项目二", "目标。", "效益指标：作用"],
        ],
        title="Sheet1",
    )
    source = tmp_path / "bad.xlsx"
    workbook.save(source)
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 1
    assert result.err == (
        f"{source}:Sheet1!E3: cannot read this indicator: `效益指标：作用`; "
        "expected `N、category：name，年度指标值：target。`\n"
    )


def test_a_file_that_is_not_a_workbook_is_a_usage_error(tmp_path):
    source = tmp_path / "fake.xlsx"
    source.write_text("not a workbook", encoding="utf-8")
    result = run("import", str(source), "--out", str(tmp_path / "out"), "--year", "2023")
    assert result.code == 2
    assert result.err.startswith(f"goals-lint: error: cannot read {source}: ")
