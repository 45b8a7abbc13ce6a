"""`goals-lint new PATH`: a commented template that reports each unfilled placeholder, and
passes every rule once they are filled in."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import run, run_json, write

REPO = Path(__file__).resolve().parent.parent

# Each placeholder of the template and what a user would write instead.
FILLED_IN = {
    "【待填写】主管部门": "广州市政务服务数据管理局",
    "【待填写】预算单位": "广州市数字政府运营中心",
    "【待填写】项目名称": "广州市政务服务自助终端扩容项目",
    "【待填写】绩效目标": "新增自助终端服务事项，提升群众办事便利度。",
    "【待填写】数量指标名称": "自助终端新增服务事项",
    "【待填写】质量指标名称": "系统可用率",
    "【待填写】效益指标名称": "群众办事平均跑动次数",
}
TARGETS = ["≥15个", "≥99%", "≤1次"]


def _fill_in(text: str) -> str:
    for placeholder, value in FILLED_IN.items():
        text = text.replace(placeholder, value)
    for target in TARGETS:
        text = text.replace("【待填写】指标值", target, 1)
    return text


def test_new_writes_a_commented_chinese_template(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("new", "goals/2025/新项目.yaml", "--year", "2025", "--lang", "zh")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "已写入 goals/2025/新项目.yaml：请把其中每个“【待填写】”换成实际内容，然后运行 goals-lint goals/2025/新项目.yaml 检查\n"
    )
    text = (tmp_path / "goals/2025/新项目.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 项目支出绩效目标：一个项目一个文件。\n")  # no schema above: no modeline
    assert "year: 2025  # 预算年度：四位整数\n" in text
    assert [line.strip() for line in text.splitlines() if line.strip().startswith("- seq:")] == [
        "- seq: 1",
        "- seq: 2",
        "- seq: 3",
    ]
    assert "category: 产出指标" in text and "category: 效益指标" in text


def test_the_modeline_is_the_one_the_importer_writes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "schemas/goal.schema.json", (REPO / "schemas" / "goal.schema.json").read_text(encoding="utf-8"))
    write(
        tmp_path,
        "table.csv",
        "主管部门,预算单位,项目名称,绩效目标,绩效指标\n甲,乙,项目,目标,1、产出指标：数量，年度指标值：1个。\n",
    )
    assert run("import", "table.csv", "--out", "goals/2025", "--year", "2025").code == 0
    assert run("new", "goals/2025/新项目.yaml").code == 0
    imported = (tmp_path / "goals/2025/01-项目.yaml").read_text(encoding="utf-8").splitlines()[0]
    written = (tmp_path / "goals/2025/新项目.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert written == imported == "# yaml-language-server: $schema=../../schemas/goal.schema.json"


def test_linting_the_untouched_template_reports_each_placeholder_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("new", "goals/新项目.yaml", "--year", "2025")
    result = run_json("goals", "--strict")
    assert result.code == 1
    assert [(d["line"], d["column"], d["rule"], d["pointer"]) for d in result.diagnostics] == [
        (6, 13, "unfilled-placeholder", "/department"),
        (7, 14, "unfilled-placeholder", "/budget_unit"),
        (8, 10, "unfilled-placeholder", "/project"),
        (9, 12, "unfilled-placeholder", "/objective"),  # at the `>-` that starts it
        (21, 11, "unfilled-placeholder", "/indicators/0/name"),
        (22, 13, "unfilled-placeholder", "/indicators/0/target"),
        (26, 11, "unfilled-placeholder", "/indicators/1/name"),
        (27, 13, "unfilled-placeholder", "/indicators/1/target"),
        (31, 11, "unfilled-placeholder", "/indicators/2/name"),
        (32, 13, "unfilled-placeholder", "/indicators/2/target"),
    ]
    assert result.diagnostics[0]["message"] == (
        "`department` (supervising department) is still the template's placeholder “【待填写】主管部门”; "
        "fill in the real value (replacing “【待填写】” too)"
    )
    zh = run("goals", "--lang", "zh").out.splitlines()
    assert zh[0] == (
        "goals/新项目.yaml:6:13: GL004 `department`（主管部门）还是模板的占位文字“【待填写】主管部门”；"
        "请填写实际内容（连同“【待填写】”一起替换） [unfilled-placeholder]"
    )


def test_the_filled_in_template_passes_every_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("new", "goals/新项目.yaml")
    path = tmp_path / "goals/新项目.yaml"
    path.write_text(_fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_json("goals", "--strict")
    assert (result.code, result.diagnostics) == (0, [])
    assert f"year: {datetime.date.today().year}  #" in path.read_text(encoding="utf-8")


def test_a_half_filled_template_reports_only_what_is_left(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run("new", "goals/新项目.yaml")
    path = tmp_path / "goals/新项目.yaml"
    text = _fill_in(path.read_text(encoding="utf-8")).replace("≤1次", "【待填写】指标值")
    path.write_text(text, encoding="utf-8")
    assert [(d["line"], d["pointer"]) for d in run_json("goals").diagnostics] == [(32, "/indicators/2/target")]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "goals/a.txt"], "goals/a.txt: a goal file's name ends in .yaml, e.g. goals/2025/new-project.yaml"),
        (["new", "goals"], "goals is a folder; give a file name, e.g. goals/new-project.yaml"),
        (
            ["new", "goals/old.yaml"],
            "goals/old.yaml exists and was left alone; choose another name, or give --force to overwrite it",
        ),
        (
            ["new", "goals/b.yaml", "--year", "1999"],
            "--year: the budget year must be between 2000 and 2100, found 1999",
        ),
    ],
)
def test_new_refuses_what_it_cannot_do_and_writes_nothing(tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "goals/old.yaml", "keep me\n")
    result = run(*arguments, "--lang", "en")
    assert (result.code, result.out, result.err) == (2, "", f"goals-lint: error: {message}\n")
    assert sorted(os.listdir(tmp_path / "goals")) == ["old.yaml"]
    assert (tmp_path / "goals/old.yaml").read_text(encoding="utf-8") == "keep me\n"


def test_force_replaces_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "goals/old.yaml", "keep me\n")
    assert run("new", "goals/old.yaml", "--force").code == 0
    assert "【待填写】" in (tmp_path / "goals/old.yaml").read_text(encoding="utf-8")


def test_new_as_a_user_runs_it(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "zh_CN.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"

    def goals_lint(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "validator", *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env=env,
            check=False,
        )

    written = goals_lint("new", "goals/2025/新项目.yaml")
    assert written.returncode == 0, written.stderr
    linted = goals_lint("goals/")
    assert linted.returncode == 1
    assert linted.stdout.count("[unfilled-placeholder]") == 10
    path = tmp_path / "goals/2025/新项目.yaml"
    path.write_text(_fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = goals_lint("goals/", "--strict")
    assert (again.returncode, again.stdout) == (0, "已检查 1 个文件，未发现问题。\n")
    assert "year: 2025  #" in path.read_text(encoding="utf-8")  # the year folder's year, as year-folder checks
