"""year-folder: a goal file's year and the year folder it sits in agree."""

from __future__ import annotations

from support import VALID_GOAL, run_json, write

IN_2021 = VALID_GOAL.replace("year: 2022", "year: 2021")


def test_a_year_that_disagrees_with_its_folder_is_reported_at_the_year(tmp_path):
    write(tmp_path, "goals/2023/copied.yaml", IN_2021)
    write(tmp_path, "goals/2023/right.yaml", VALID_GOAL.replace("year: 2022", "year: 2023").replace("平台建设", "平台"))
    result = run_json(str(tmp_path / "goals"))
    assert [
        (d["path"].rsplit("/", 2)[-2:], d["line"], d["column"], d["code"], d["severity"]) for d in result.diagnostics
    ] == [(["2023", "copied.yaml"], 1, 7, "GL208", "warning")]
    assert result.diagnostics[0]["message"] == (
        "the file sits in the year folder 2023, but its year is 2021; move it to a 2021 folder, or correct the year"
    )
    assert result.code == 0  # a warning
    assert run_json(str(tmp_path / "goals"), "--strict").code == 1
    chinese = run_json(str(tmp_path / "goals"), lang="zh")
    assert chinese.diagnostics[0]["message"] == (
        "文件位于 2023 年度文件夹，但预算年度 year 是 2021；请把文件移到 2021 文件夹，或改正预算年度"
    )


def test_the_nearest_year_folder_counts_and_a_file_in_none_is_not_checked(tmp_path):
    write(tmp_path, "goals/2023/archive/2021/old.yaml", IN_2021)
    write(tmp_path, "goals/2023/sub/deeper.yaml", VALID_GOAL.replace("year: 2022", "year: 2023"))
    write(tmp_path, "goals/current/any.yaml", IN_2021.replace("平台建设", "平台"))
    write(tmp_path, "goals/2023x/also.yaml", IN_2021.replace("平台建设", "建设"))  # not a year's name
    assert run_json(str(tmp_path / "goals"), "--select", "year-folder").diagnostics == []


def test_one_file_given_alone_or_from_inside_its_folder(tmp_path, monkeypatch):
    path = write(tmp_path, "goals/2023/copied.yaml", IN_2021)
    alone = run_json(str(path), "--select", "year-folder")
    assert [(d["line"], d["column"], d["rule"]) for d in alone.diagnostics] == [(1, 7, "year-folder")]
    monkeypatch.chdir(tmp_path / "goals" / "2023")
    inside = run_json("copied.yaml", "--select", "year-folder")
    assert [(d["path"], d["line"], d["column"]) for d in inside.diagnostics] == [("copied.yaml", 1, 7)]


def test_a_reasoned_suppression_hides_it(tmp_path):
    text = IN_2021.replace("year: 2021", "year: 2021  # goals-lint: disable=year-folder -- 跨年度项目，按立项年度归档")
    write(tmp_path, "goals/2023/kept.yaml", text)
    result = run_json(str(tmp_path / "goals"), "--strict")
    assert result.diagnostics == []
    assert result.code == 0
