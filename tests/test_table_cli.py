"""`goals-lint import` and `export`: exit codes, --force, safe file names, text-layout problems."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import VALID_GOAL, run

from validator.loader import read_goal_file
from validator.table.writer import goal_file_text

REPO = Path(__file__).resolve().parent.parent

TEXT_TABLE = """\
广州市某局 2023 年项目支出绩效目标表（含转移支付项目）

主管部门 预算单位 项目名称 绩效目标 绩效指标

广州市某局

广州市市长专线电话受理

中心

某系统运维

项目

保障系统稳定运行，提升服务水平，全面推进数字政府建设，为群众

提供便捷服务。

1、产出指标：巡检次数，年度指标值：12次。2、产出指标系统可用率，年度指标值：

99%。3、过程指标：进度，年度指标值：按期。
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def csv_table(*projects: str) -> str:
    rows = ["广州市某局 2023 年项目支出绩效目标表", "主管部门,预算单位,项目名称,绩效目标,绩效指标"]
    rows += [f'某局,某中心,"{name}",目标。,1、产出指标：数量，年度指标值：3个。' for name in projects]
    return "\n".join(rows) + "\n"


def test_text_layout_problems_name_their_lines(tmp_path):
    source = write(tmp_path, "table.txt", TEXT_TABLE)
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{source}:19: cannot read this indicator: `2、产出指标系统可用率，年度指标值：99%。`; "
        "expected `N、category：name，年度指标值：target。`",
        f"{source}:21: unknown category `过程指标`; expected 产出指标, 效益指标, 满意度指标 or 成本指标 "
        "(other regions' names such as 项目完成指标 are accepted too)",
    ]
    assert not (tmp_path / "out").exists()


def test_a_text_table_is_split_into_its_cells(tmp_path):
    fixed = TEXT_TABLE.replace("2、产出指标系统", "2、产出指标：系统").replace("过程指标", "效益指标")
    source = write(tmp_path, "table.txt", fixed)
    out = tmp_path / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    data = read_goal_file(str(out / "01-某系统运维项目.yaml")).data
    assert data == {
        "year": 2023,
        "department": "广州市某局",
        "budget_unit": "广州市市长专线电话受理中心",
        "project": "某系统运维项目",
        "objective": "保障系统稳定运行，提升服务水平，全面推进数字政府建设，为群众提供便捷服务。",
        "indicators": [
            {"seq": 1, "category": "产出指标", "name": "巡检次数", "target": "12次"},
            {"seq": 2, "category": "产出指标", "name": "系统可用率", "target": "99%"},
            {"seq": 3, "category": "效益指标", "name": "进度", "target": "按期"},
        ],
    }


def test_text_that_is_not_the_published_table(tmp_path):
    source = write(tmp_path, "notes.txt", "会议纪要\n今天讨论了绩效目标。\n")
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err == (
        f"{source}:1: no header line (主管部门 预算单位 项目名称 绩效目标 绩效指标); "
        "this is not the text of a published goal table\n"
    )


def test_a_record_whose_cells_cannot_be_told_apart_stops_the_import(tmp_path):
    broken = TEXT_TABLE.replace(
        "广州市某局\n\n广州市市长专线电话受理",
        "这一行很长很长很长很长很长很长很长很长，不是单位名称\n\n广州市市长专线电话受理",
    )
    source = write(tmp_path, "table.txt", broken)
    result = run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.code == 1
    assert result.err.startswith(
        f"{source}:5: the supervising department (a name in a narrow column) should start "
        "here, found `这一行很长很长很长很长很长很长很长很长，不是单位名称`"
    )


@pytest.mark.parametrize(
    ("project", "file_name"),
    [
        ("../../escape", "01-escape.yaml"),
        ("/etc/passwd", "01-etc-passwd.yaml"),
        ("a\\\\b/c", "01-a-b-c.yaml"),
        ("..", "01-project.yaml"),
        ("CON", "01-CON.yaml"),
        ("名称<带尖括号>\t和空格 ", "01-名称-带尖括号-和空格.yaml"),
        ("长" * 300, "01-" + "长" * 48 + ".yaml"),
    ],
)
def test_a_project_name_cannot_steer_the_file_outside_out(tmp_path, project, file_name):
    source = write(tmp_path, "table.csv", csv_table(project))
    out = tmp_path / "deep" / "out"
    result = run("import", str(source), "--out", str(out))
    assert result.code == 0, result.err
    assert [path.name for path in out.iterdir()] == [file_name]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["deep", "table.csv"]
    assert sorted(path.name for path in (tmp_path / "deep").iterdir()) == ["out"]
    assert read_goal_file(str(out / file_name)).data["project"] == project


def test_existing_files_are_kept_without_force(tmp_path):
    source = write(tmp_path, "table.csv", csv_table("项目甲", "项目乙"))
    out = tmp_path / "out"
    assert run("import", str(source), "--out", str(out)).code == 0
    edited = out / "01-项目甲.yaml"
    edited.write_text("edited by hand\n", encoding="utf-8")

    refused = run("import", str(source), "--out", str(out))
    assert refused.code == 2
    assert refused.err == (
        f"goals-lint: error: the import would overwrite 2 goal files (the first: "
        f"{out / '01-项目甲.yaml'}); nothing was written, add --force to overwrite\n"
    )
    assert edited.read_text(encoding="utf-8") == "edited by hand\n"

    forced = run("import", str(source), "--out", str(out), "--force")
    assert forced.code == 0
    assert read_goal_file(str(edited)).data["project"] == "项目甲"
    assert sorted(path.name for path in out.iterdir()) == ["01-项目甲.yaml", "02-项目乙.yaml"]  # no temp files left


def test_written_file_names_are_listed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "table.csv", csv_table("项目甲"))
    result = run("import", "table.csv", "--out", "out", "--lang", "zh")
    assert result.code == 0
    assert result.out == "已写入 out/01-项目甲.yaml\n已从 table.csv 导入 1 个项目到 out\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["import", "missing.csv", "--out", "out"], "no such source file: missing.csv"),
        (
            ["import", "table.pdf", "--out", "out"],
            "cannot tell the format of table.pdf from its name; use .txt, .csv or .xlsx, or give --from",
        ),
        (
            ["import", "table.csv"],
            "the following arguments are required: --out (see goals-lint import --help)",
        ),
        (
            ["import", "table.csv", "--out", "out", "--year", "twenty"],
            "argument --year: invalid int value: 'twenty' (see goals-lint import --help)",
        ),
        (
            ["export", "goals", "--output", "table.pdf"],
            "cannot tell the export format from table.pdf; give --to xlsx, csv, md or html",
        ),
        (["export", "nowhere", "--to", "csv", "--output", "t.csv"], "no such file or folder: nowhere"),
    ],
)
def test_usage_errors_exit_2(tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "goals").mkdir()
    (tmp_path / "goals" / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")
    result = run(*arguments)
    assert (result.code, result.err) == (2, f"goals-lint: error: {message}\n")
    assert not (tmp_path / "out").exists()


def test_export_skips_files_the_schema_rejects_and_exits_1(tmp_path):
    goals = tmp_path / "goals"
    goals.mkdir()
    (goals / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")
    (goals / "b.yaml").write_text(VALID_GOAL.replace("category: 产出指标", "category: 过程指标"), encoding="utf-8")
    (goals / "c.yaml").write_text("year: 2022\nyear: 2023\n", encoding="utf-8")
    output = tmp_path / "table.csv"
    result = run("export", str(goals), "--to", "csv", "--output", str(output))
    assert result.code == 1
    assert result.out == f"exported 1 project to {output}\n"
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{goals}/b.yaml:12:15: `过程指标` is not a valid first-level category")
    assert lines[1] == f"{goals}/b.yaml: not exported because of the problems above"
    assert lines[2].startswith(f"{goals}/c.yaml:2:1: duplicate key `year`")
    assert lines[3] == f"{goals}/c.yaml: not exported because of the problems above"
    assert output.read_text(encoding="utf-8-sig").splitlines()[2].startswith("广州市政务服务数据管理局,")


def test_export_with_nothing_valid_writes_nothing(tmp_path):
    (tmp_path / "bad.yaml").write_text("year: 2022\n", encoding="utf-8")
    output = tmp_path / "table.html"
    result = run("export", str(tmp_path / "bad.yaml"), "--output", str(output))
    assert result.code == 1
    assert result.out == "no goal file could be exported; no table was written\n"
    assert not output.exists()


HOSTILE_GOAL = VALID_GOAL.replace(
    "project: 广州移动政务服务平台建设", "project: '<script>alert(\"x\")</script> & 项目 | 一'"
)


def test_html_export_escapes_the_data(tmp_path):
    (tmp_path / "a.yaml").write_text(HOSTILE_GOAL, encoding="utf-8")
    output = tmp_path / "table.html"
    assert run("export", str(tmp_path / "a.yaml"), "--to", "html", "--output", str(output)).code == 0
    page = output.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 项目 | 一</td>" in page
    assert (
        "<td>1、效益指标：移动服务平台年提供服务次数，年度指标值：1200万。<br>2、产出指标：外部服务对接和建设数量，年度指标值：200项。</td>"
        in page
    )


def test_markdown_export_escapes_table_syntax(tmp_path):
    (tmp_path / "a.yaml").write_text(HOSTILE_GOAL, encoding="utf-8")
    output = tmp_path / "table.md"
    assert run("export", str(tmp_path / "a.yaml"), "--output", str(output)).code == 0
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "## 广州市政务服务数据管理局 2022 年项目支出绩效目标表"
    assert lines[2:4] == ["| 主管部门 | 预算单位 | 项目名称 | 绩效目标 | 绩效指标 |", "|---|---|---|---|---|"]
    assert '| &lt;script&gt;alert("x")&lt;/script&gt; &amp; 项目 \\| 一 |' in lines[4]


def test_export_says_what_the_five_columns_leave_out(tmp_path):
    (tmp_path / "a.yaml").write_text(VALID_GOAL, encoding="utf-8")  # indicator 2 has a subcategory
    output = tmp_path / "table.csv"
    result = run("export", str(tmp_path), "--output", str(output), "--lang", "zh")
    assert result.code == 0
    assert result.err == f"{output}: 公开表的五列中没有 `subcategory` 的位置：1 个文件的 `subcategory` 未导出\n"


def test_export_groups_projects_by_department(tmp_path):
    for name, department in (("a", "甲局"), ("b", "乙局"), ("c", "甲局")):
        text = VALID_GOAL.replace("department: 广州市政务服务数据管理局", f"department: {department}")
        (tmp_path / f"{name}.yaml").write_text(
            text.replace("project: 广州移动政务服务平台建设", f"project: {name}"), encoding="utf-8"
        )
    output = tmp_path / "table.csv"
    assert run("export", str(tmp_path), "--output", str(output)).code == 0
    rows = [line.split(",")[:3] for line in output.read_text(encoding="utf-8-sig").splitlines()]
    assert rows == [
        ["甲局 2022 年项目支出绩效目标表"],
        ["主管部门", "预算单位", "项目名称"],
        ["甲局", "广州市政务服务数据管理局", "a"],
        ["甲局", "广州市政务服务数据管理局", "c"],
        [""],
        ["乙局 2022 年项目支出绩效目标表"],
        ["主管部门", "预算单位", "项目名称"],
        ["乙局", "广州市政务服务数据管理局", "b"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "100",
        "010",
        "0x1F",
        "1e3",
        ".5",
        "true",
        "No",
        "null",
        "~",
        "",
        " 前后空格 ",
        "- 列表",
        "a: b",
        "#注释",
        "x #y",
        "以冒号结尾:",
        "'引号'",
        '"双引号"',
        "@x",
        "`x",
        "%x",
        "制表\t符",
        "换行\n符",
        "\u2028",
        "\ufffe",
        "😀",
        "≥95%",
        ".系统并发数",
        "工单转派及时率.",
        "400个。",
    ],
)
def test_every_string_reads_back_exactly_as_imported(tmp_path, text):
    data = {
        "year": 2022,
        "department": text,
        "budget_unit": "单位",
        "project": text,
        "objective": text,
        "indicators": [{"seq": 1, "category": "产出指标", "name": text, "target": text}],
    }
    path = tmp_path / "goal.yaml"
    path.write_text(goal_file_text(data), encoding="utf-8")
    goal_file = read_goal_file(str(path))
    assert goal_file.problems == []
    assert goal_file.data == data


def test_plain_linting_does_not_load_the_table_code():
    code = (
        "import sys\nfrom validator.cli import main\nmain(['--version'] if False else ['goals'])\n"
        "print(sorted(name for name in sys.modules if name.startswith(('openpyxl', 'validator.table'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_xlsx_export_keeps_formula_like_text_as_text(tmp_path):
    import openpyxl

    (tmp_path / "a.yaml").write_text(
        VALID_GOAL.replace("project: 广州移动政务服务平台建设", "project: =1+2"), encoding="utf-8"
    )
    output = tmp_path / "table.xlsx"
    assert run("export", str(tmp_path / "a.yaml"), "--output", str(output)).code == 0
    cell = openpyxl.load_workbook(output).active["C3"]
    assert (cell.value, cell.data_type) == ("=1+2", "s")


# One error (no 效益指标: required-categories) and one warning (a target without a unit: missing-unit).
WARNED = VALID_GOAL.replace("1200万", "≥400").replace("移动服务平台年提供服务次数", "系统吞吐量")  # the warning alone
NOT_COMPLIANT = WARNED.replace("category: 效益指标", "category: 产出指标")


def test_export_of_a_table_with_compliance_errors_warns_in_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "goals").mkdir()
    (tmp_path / "goals" / "a.yaml").write_text(NOT_COMPLIANT, encoding="utf-8")
    result = run("export", "goals", "--output", "table.csv", "--lang", "en")
    assert (result.code, result.out) == (0, "exported 1 project to table.csv\n")
    assert result.err.endswith(
        "goals-lint: warning: the goal files exported have 1 error and 1 warning against the compliance rules "
        "(run goals-lint --no-baseline goals to see them); the table was exported anyway, --strict refuses to\n"
    )
    assert (tmp_path / "table.csv").exists()
    chinese = run("export", "goals", "--output", "table.csv", "--lang", "zh")
    assert chinese.err.splitlines()[-1] == (
        "goals-lint: 警告：导出的目标文件有 1 个错误、1 个警告不符合合规规则（运行 goals-lint --no-baseline goals 查看）；"
        "表格仍已导出，加 --strict 则拒绝导出"
    )


def test_export_strict_refuses_a_table_the_rules_fail_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(NOT_COMPLIANT, encoding="utf-8")
    result = run("export", "a.yaml", "--output", "table.xlsx", "--strict", "--lang", "en")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "goals-lint: error: the goal files to export have 1 error and 1 warning against the compliance rules "
        "(run goals-lint --strict --no-baseline a.yaml to see them); with --strict nothing is exported, "
        "no table was written\n"
    )
    assert not (tmp_path / "table.xlsx").exists()

    # As `goals-lint --strict` fails on warnings, so does `export --strict`; without it a warning is no news.
    (tmp_path / "a.yaml").write_text(WARNED, encoding="utf-8")
    assert run("export", "a.yaml", "--output", "table.xlsx", "--strict").code == 1
    quiet = run("export", "a.yaml", "--output", "table.xlsx", "--lang", "en")
    assert (quiet.code, quiet.err) == (
        0,
        "table.xlsx: the published five-column table has no place for `subcategory`: left out of 1 file\n",
    )

    # The folder's configuration counts, as for linting: a rule switched off is not held against the table.
    (tmp_path / ".goals-lint.toml").write_text('ignore = ["missing-unit"]\n', encoding="utf-8")
    assert run("export", "a.yaml", "--output", "table.xlsx", "--strict").code == 0
    assert (tmp_path / "table.xlsx").exists()
