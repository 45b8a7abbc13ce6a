"""The 2022 Guangzhou table (the seed): imported faithfully, committed, exported back."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from support import run, run_json

from validator.loader import read_goal_file

REPO = Path(__file__).resolve().parent.parent
SEED_NAME = "000_11d3bda62f573b8b.txt"
SEED_COPY = REPO / "tests" / "data" / SEED_NAME
SHARED_SEED = REPO.parent / "shared" / "seed" / SEED_NAME
COMMITTED = REPO / "goals" / "2022"


def seed_path() -> Path:
    for candidate in (SEED_COPY, SHARED_SEED):
        if candidate.is_file():
            return candidate
    pytest.skip(f"the seed table {SEED_NAME} is neither in tests/data/ nor in ../shared/seed/")


def import_seed(tmp_path: Path) -> Path:
    """Import into <tmp>/goals/2022 beside a schemas/ folder, as in the repository."""
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / "schemas" / "goal.schema.json", tmp_path / "schemas")
    out = tmp_path / "goals" / "2022"
    result = run("import", str(seed_path()), "--out", str(out))
    assert result.code == 0, result.err
    return out


def goal(directory: Path, number: int) -> dict:
    (path,) = directory.glob(f"{number:02d}-*.yaml")
    return read_goal_file(str(path)).data


# SHA-256 of the published table's text as the project received it (../shared/seed/).
SEED_SHA256 = "426e7eab18c4efd66f236d30e42fe76dff517f38736f3a848c07788cb3710ff4"


def test_the_copy_in_tests_data_is_the_shared_seed():
    assert hashlib.sha256(SEED_COPY.read_bytes()).hexdigest() == SEED_SHA256
    if SHARED_SEED.is_file():  # beside a working copy of the project
        assert SEED_COPY.read_bytes() == SHARED_SEED.read_bytes()


def test_committed_goal_files_are_what_the_importer_makes_of_the_seed(tmp_path):
    made = import_seed(tmp_path)
    made_files = {path.name: path.read_bytes() for path in made.iterdir()}
    committed_files = {path.name: path.read_bytes() for path in COMMITTED.iterdir()}
    hint = f"regenerate with: goals-lint import tests/data/{SEED_NAME} --out goals/2022 --force"
    assert sorted(committed_files) == sorted(made_files), hint
    for name, content in made_files.items():
        assert committed_files[name] == content, f"{name} differs; {hint}"


def test_the_seed_gives_twenty_projects_of_one_department(tmp_path):
    out = import_seed(tmp_path)
    result_files = sorted(out.iterdir())
    assert len(result_files) == 20
    assert result_files[0].name == "01-广州市政务服务数据管理局数字政府运营中心穗智管运营服务.yaml"
    assert result_files[19].name == "20-广州移动政务服务平台建设.yaml"
    data = [read_goal_file(str(path)).data for path in result_files]
    assert {goal["department"] for goal in data} == {"广州市政务服务数据管理局"}
    assert {goal["year"] for goal in data} == {2022}
    assert {goal["budget_unit"] for goal in data} == {
        "广州市政务服务数据管理局",
        "广州市政务服务中心",
        "广州市数字政府运营中心",
        "广州市市长专线电话受理中心",
    }
    assert sum(len(goal["indicators"]) for goal in data) == 101  # counted independently: `N、…指标：` in the text


def test_every_file_starts_with_the_schema_comment_and_reads_back_exactly(tmp_path):
    out = import_seed(tmp_path)
    for path in sorted(out.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../../schemas/goal.schema.json\nyear: 2022\n")
        goal_file = read_goal_file(str(path))
        assert goal_file.readable, (path.name, goal_file.problems)
        assert list(goal_file.data) == ["year", "department", "budget_unit", "project", "objective", "indicators"]
    # The objective is one folded line: PDF line breaks gone, the table's own spaces kept.
    first = goal(out, 1)
    assert first["project"] == "广州市政务服务数据管理局数字政府运营中心穗智管运营服务"
    assert "管理中枢，全面支撑城市运行管理智能化和精细化 ，全面推进" in first["objective"]
    assert "\n" not in first["objective"]


def test_numbering_defects_are_kept_as_published(tmp_path):
    out = import_seed(tmp_path)
    assert [item["seq"] for item in goal(out, 2)["indicators"]] == [1, 2, 3, 4, 5, 1]  # a second 1、 at the end
    assert [item["seq"] for item in goal(out, 6)["indicators"]] == [2, 3, 4, 5, 6, 7, 8]  # starts at 2
    assert [item["seq"] for item in goal(out, 15)["indicators"]] == [1, 2, 3, 1, 2, 3]  # restarts
    assert [item["seq"] for item in goal(out, 9)["indicators"]] == list(range(1, 11))
    # `8` at the end of one line, `、产出指标` at the start of the next: still indicator 8.
    assert goal(out, 1)["indicators"][7] == {
        "seq": 8,
        "category": "产出指标",
        "name": "保障场地正常运行率",
        "target": "99.5%",
    }


def test_punctuation_defects_are_kept_as_published(tmp_path):
    out = import_seed(tmp_path)
    second = goal(out, 2)["indicators"]
    assert second[3]["name"] == "工单转派及时率."
    assert second[5]["name"] == "对群众对办理结果不满意回访率 "
    fourth = goal(out, 4)["indicators"]
    assert [item["name"] for item in fourth[1:3]] == ["项目完成进度.", ".系统并发数"]
    # `…不少于 400个。。4、`: the target's own `。`, then the separator.
    fifth = goal(out, 5)["indicators"]
    assert fifth[2]["target"] == (
        "上报到广东省数据普查系统的信息系统数量不少于 3600个；与省电子政务统一身份认证平台粤政易账号"
        "认证对接不少于300个；使用系统申请办理的终验项目数量不少于 400个。"
    )
    assert fifth[1]["target"] == "系统对用户操作的响应时间不超过 5秒"  # `不超过 5` / `秒` joined with no space
    fifteenth = goal(out, 15)["indicators"]
    assert fifteenth[0] == {
        "seq": 1,
        "category": "产出指标",
        "name": "自助终端新增服务事项。",
        "target": "大于等于15个。",
    }
    assert fifteenth[3]["target"] == "广州市府门户网站年度访问量不少于 4500万次。"
    assert fifteenth[4]["target"] == "广州市府门户网站年度访问量不少于4500万次。"
    assert fifteenth[5]["name"] == "政务服务事项数据应用管理系统应用与推广情况 。"
    assert goal(out, 13)["indicators"][0]["target"] == "支撑11个区完成排队预约数据汇聚工作 "


def test_unitless_and_vague_targets_are_kept(tmp_path):
    out = import_seed(tmp_path)
    ninth = goal(out, 9)["indicators"]
    assert (ninth[5]["name"], ninth[5]["target"]) == ("项目计划时间", "≤21")
    assert goal(out, 8)["indicators"][3]["target"] == "较快"
    assert [item["target"] for item in goal(out, 14)["indicators"][2:]] == ["10", "1"]


def test_the_committed_files_load_without_syntax_or_schema_errors():
    result = run_json(str(COMMITTED), "--select", "GL001,GL002,GL003")
    assert result.report["files_checked"] == 20
    assert result.diagnostics == []
    assert result.code == 0


@pytest.mark.parametrize("to", ["csv", "xlsx"])
def test_importing_an_export_of_the_seed_gives_back_identical_files(tmp_path, to):
    out = import_seed(tmp_path)
    table = tmp_path / f"table.{to}"
    exported = run("export", str(out), "--to", to, "--output", str(table))
    assert (exported.code, exported.out) == (0, f"exported 20 projects to {table}\n")
    again = tmp_path / "goals" / "again"
    imported = run("import", str(table), "--out", str(again))
    assert imported.code == 0, imported.err
    assert sorted(path.name for path in again.iterdir()) == sorted(path.name for path in out.iterdir())
    for path in out.iterdir():
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_xlsx_export_looks_like_the_published_table(tmp_path):
    import openpyxl

    table = tmp_path / "table.xlsx"
    exported = run("export", str(COMMITTED), "--to", "xlsx", "--output", str(table), "--lang", "en")
    assert exported.code == 0
    # The seed's real defects are said in one line, not hidden by the repository's baseline.
    assert exported.err.splitlines()[-1].startswith(
        "goals-lint: warning: the goal files exported have 12 errors and 46 warnings against the compliance rules"
    )
    sheet = openpyxl.load_workbook(table).active
    # The title: one cell across the five columns, centred, large and bold.
    assert sheet["A1"].value == "广州市政务服务数据管理局 2022 年项目支出绩效目标表"
    assert [str(merged) for merged in sheet.merged_cells.ranges] == ["A1:E1"]
    assert (sheet["A1"].alignment.horizontal, sheet["A1"].alignment.vertical) == ("center", "center")
    assert (sheet["A1"].font.bold, sheet["A1"].font.size) == (True, 16)
    # The header row, and every cell of the table below it, ruled on all four sides.
    assert [cell.value for cell in sheet[2]] == ["主管部门", "预算单位", "项目名称", "绩效目标", "绩效指标"]
    assert all(cell.font.bold and cell.alignment.horizontal == "center" for cell in sheet[2])
    for row in sheet.iter_rows(min_row=2, max_row=22, max_col=5):
        for cell in row:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert all(side.style == "thin" for side in sides), cell.coordinate
    assert all(cell.alignment.wrap_text and cell.alignment.vertical == "top" for cell in sheet[3])
    # Widths for the columns, heights for the wrapped text (Excel does not fit them when opening).
    widths = [sheet.column_dimensions[column].width for column in "ABCDE"]
    assert widths == [16, 18, 26, 50, 80]
    assert sheet.row_dimensions[22].height >= 4 * 15  # four indicators, four lines at least
    # Printed as published: A4 landscape, one page wide, the header row on every page.
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation) == (9, "landscape")  # 9: A4
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.max_row == 22
    assert sheet["C22"].value == "广州移动政务服务平台建设"
    assert sheet["E22"].value == (
        "1、效益指标：移动服务平台年提供服务次数，年度指标值：1200万。\n2、效益指标：APP用户数，年度指标值：500万。\n"
        "3、产出指标：预约、申办业务移动化改造完成量，年度指标值：600项。\n4、产出指标：外部服务对接和建设数量，年度指标值：200项。"
    )
